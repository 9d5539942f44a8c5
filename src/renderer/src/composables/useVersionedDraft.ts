// What an editor of a versioned text holds while the person works on it. The stored value comes
// from a store that live refresh (stores/live.ts) refills whenever anyone saves; without this an
// open editor would be refilled under the person's fingers and would save against the newer
// version, so a colleague's save would be overwritten without a word. The rules:
// - clean (nothing typed since it was filled): take every new stored value and version silently;
// - dirty: keep the person's draft AND the version they opened, and say who changed it meanwhile,
//   so the save is refused as stale and the conflict view sets both texts side by side.
import { computed, ref, watch, type Ref } from 'vue'
import { timeOnDate } from '../lib/datetime'

/** What is stored now: the value the editor shows, its version, and who saved it when (if known). */
export interface StoredVersion<T> {
  value: T
  version: number
  updatedBy?: string | null
  updatedAt?: string | null
}

export interface ChangedUnderneath {
  by: string | null
  at: string | null
  /** "Changed by Priya Shah at 14:32 on 6 December 2026 while you were editing." */
  sentence: string
}

export function changedUnderneathSentence(by: string | null, at: string | null): string {
  return `Changed by ${by ?? 'someone else'}${at ? ` at ${timeOnDate(at)}` : ''} while you were editing.`
}

/** Plain data compared by value (the drafts are small: a status, a text, a few ids). */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const isRecord = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value)
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export function useVersionedDraft<T>(stored: () => StoredVersion<T>, same: (a: T, b: T) => boolean = sameValue) {
  const first = stored()
  /** What the person is editing. */
  const draft = ref(copyOf(first.value)) as Ref<T>
  /** What the draft was filled from; dirty is "the draft differs from it". */
  const baseline = ref(copyOf(first.value)) as Ref<T>
  /** The version the draft was filled from: saves send it as `ifVersion`. */
  const version = ref(first.version)
  const changedUnderneath = ref<ChangedUnderneath | null>(null)
  const dirty = computed(() => !same(draft.value, baseline.value))

  /** Fills the draft from what is stored now (after a save, "Use theirs", a change of cycle). */
  function reset(next: StoredVersion<T> = stored()) {
    const copy = copyOf(next.value)
    // An object draft is filled in place, so forms bound to `draft.value.name` stay bound.
    if (isRecord(draft.value) && isRecord(copy)) Object.assign(draft.value, copy)
    else draft.value = copy
    baseline.value = copyOf(next.value)
    version.value = next.version
    changedUnderneath.value = null
  }

  watch(stored, (next) => {
    // Clean, or the stored value is now the draft itself (the person's own save came back): take it.
    if (!dirty.value || same(draft.value, next.value)) return reset(next)
    if (next.version !== version.value) changedUnderneath.value = { by: next.updatedBy ?? null, at: next.updatedAt ?? null, sentence: changedUnderneathSentence(next.updatedBy ?? null, next.updatedAt ?? null) }
  })

  return { draft, baseline, version, dirty, changedUnderneath, reset }
}
