// Small facts about key presses that several views need.

/** True while someone is typing in a box, where single-letter shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type)
  return false
}

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent)

/** "Ctrl" or "⌘": the modifier as people on this machine know it. */
export const MOD_LABEL = IS_MAC ? '⌘' : 'Ctrl'

/** Ctrl on Windows and Linux, Cmd on a Mac, with no other modifier. */
export function isModKey(event: KeyboardEvent, key: string): boolean {
  const mod = IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  return mod && !event.altKey && event.key.toLowerCase() === key
}

/** A plain key press (no Ctrl, Cmd or Alt), for single-letter shortcuts. */
export function isPlainKey(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey
}
