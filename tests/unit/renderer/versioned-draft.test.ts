// The rules every editor of a versioned text follows when live refresh brings a newer stored
// value: clean takes it silently; dirty keeps the person's text and the version they opened (so
// the save is refused as stale) and says who changed it; the person's own save coming back is
// taken, not reported as someone else's change.
import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useVersionedDraft, type StoredVersion } from '../../../src/renderer/src/composables/useVersionedDraft'

interface Form {
  status: string
  narrative: string
}

function editorOver(first: StoredVersion<Form>) {
  const stored = ref(first)
  return { stored, editor: useVersionedDraft(() => stored.value) }
}

const opened: StoredVersion<Form> = { value: { status: 'Accepted', narrative: 'First words.' }, version: 3, updatedBy: 'Alex Reid', updatedAt: '2026-12-06T09:00:00Z' }
const theirs: StoredVersion<Form> = { value: { status: 'Rejected', narrative: 'Their words.' }, version: 4, updatedBy: 'Priya Shah', updatedAt: '2026-12-06T14:32:00Z' }

describe('useVersionedDraft', () => {
  it('starts from what is stored, clean, at its version', () => {
    const { editor } = editorOver(opened)
    expect(editor.draft.value).toEqual(opened.value)
    expect(editor.version.value).toBe(3)
    expect(editor.dirty.value).toBe(false)
  })

  it('takes a newer stored value silently while nothing is typed', async () => {
    const { stored, editor } = editorOver(opened)
    stored.value = theirs
    await nextTick()
    expect(editor.draft.value).toEqual(theirs.value)
    expect(editor.version.value).toBe(4)
    expect(editor.changedUnderneath.value).toBeNull()
  })

  it('keeps the typed text and the opened version when someone saves meanwhile, and names them', async () => {
    const { stored, editor } = editorOver(opened)
    editor.draft.value.narrative = 'My unsaved words.'
    expect(editor.dirty.value).toBe(true)
    stored.value = theirs
    await nextTick()
    expect(editor.draft.value).toEqual({ status: 'Accepted', narrative: 'My unsaved words.' })
    expect(editor.version.value).toBe(3)
    expect(editor.changedUnderneath.value?.by).toBe('Priya Shah')
    expect(editor.changedUnderneath.value?.sentence).toMatch(/^Changed by Priya Shah at \d\d:\d\d on 6 December 2026 while you were editing\.$/)
  })

  it('says nothing when a refresh brings the same version back', async () => {
    const { stored, editor } = editorOver(opened)
    editor.draft.value.narrative = 'My unsaved words.'
    stored.value = { ...opened, value: { ...opened.value } }
    await nextTick()
    expect(editor.changedUnderneath.value).toBeNull()
    expect(editor.draft.value.narrative).toBe('My unsaved words.')
  })

  it('takes the person’s own save when it comes back as the stored value', async () => {
    const { stored, editor } = editorOver(opened)
    editor.draft.value.narrative = 'My saved words.'
    stored.value = { value: { status: 'Accepted', narrative: 'My saved words.' }, version: 4, updatedBy: 'Alex Reid', updatedAt: '2026-12-06T15:00:00Z' }
    await nextTick()
    expect(editor.dirty.value).toBe(false)
    expect(editor.version.value).toBe(4)
    expect(editor.changedUnderneath.value).toBeNull()
  })

  it('starts again from what is stored on reset (Use theirs)', async () => {
    const { stored, editor } = editorOver(opened)
    editor.draft.value.narrative = 'My unsaved words.'
    stored.value = theirs
    await nextTick()
    editor.reset()
    expect(editor.draft.value).toEqual(theirs.value)
    expect(editor.version.value).toBe(4)
    expect(editor.changedUnderneath.value).toBeNull()
  })
})
