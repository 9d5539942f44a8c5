// Who may call the main process: only the main frame of our own window, showing our own origin
// (app://progress-desk, or the Vite dev server in development). Electron-free, for unit tests.

/** scheme://host[:port] of a URL, or null. Node's URL gives "null" as the origin of app:// URLs. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null
  } catch {
    return null
  }
}

export interface SenderFrame {
  url: string
  parent: unknown
}

/** True only for the window's main frame (not an iframe) whose origin is exactly the trusted one. */
export function isTrustedSender(frame: SenderFrame | null | undefined, mainFrame: unknown, trustedOrigin: string): boolean {
  if (!frame || frame.parent !== null || frame !== mainFrame) return false
  return originOf(frame.url) === trustedOrigin
}
