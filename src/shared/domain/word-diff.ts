// A word-level redline between two texts, as data: [{ kind: 'same' | 'added' | 'removed', text }].
// Shared so the renderer could diff a draft locally too; the core sends it ready-made. Words,
// white space and punctuation are separate tokens; the diff is the longest common subsequence of
// tokens (after the common start and end are set aside), and a lone space between two changes is
// folded into them so that "status was partly met" → "status was fully met" reads as one
// replacement, not a patchwork.
import type { DiffPart } from './review-dto'

const TOKEN = /\s+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu
/** Above this many token pairs the middle is shown as replaced wholesale (keeps the work bounded). */
const MAX_CELLS = 4_000_000

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.match(TOKEN) ?? []
  const b = after.match(TOKEN) ?? []
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++
  const midA = a.slice(prefix, a.length - suffix)
  const midB = b.slice(prefix, b.length - suffix)

  const parts: DiffPart[] = []
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return
    const last = parts.at(-1)
    if (last && last.kind === kind) last.text += text
    else parts.push({ kind, text })
  }
  push('same', a.slice(0, prefix).join(''))
  for (const [kind, token] of middle(midA, midB)) push(kind, token)
  push('same', a.slice(a.length - suffix).join(''))
  return foldLoneSpaces(parts)
}

function middle(a: string[], b: string[]): [DiffPart['kind'], string][] {
  if (a.length === 0) return b.map((t) => ['added', t])
  if (b.length === 0) return a.map((t) => ['removed', t])
  if (a.length * b.length > MAX_CELLS) return [...a.map((t): [DiffPart['kind'], string] => ['removed', t]), ...b.map((t): [DiffPart['kind'], string] => ['added', t])]
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const width = b.length + 1
  const lcs = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
    }
  }
  const out: [DiffPart['kind'], string][] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(['same', a[i]!])
      i++
      j++
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push(['removed', a[i++]!])
    } else {
      out.push(['added', b[j++]!])
    }
  }
  while (i < a.length) out.push(['removed', a[i++]!])
  while (j < b.length) out.push(['added', b[j++]!])
  return out
}

/** removed "partly" · same " " · added "fully" style noise: white space between two changes goes into both sides. */
function foldLoneSpaces(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  parts.forEach((part, k) => {
    const between = k > 0 && k < parts.length - 1 && parts[k - 1]!.kind !== 'same' && parts[k + 1]!.kind !== 'same'
    if (part.kind === 'same' && between && /^\s+$/.test(part.text)) out.push({ kind: 'removed', text: part.text }, { kind: 'added', text: part.text })
    else out.push(part)
  })
  return regroup(out)
}

/** Within each run of changes, all removed text first and then all added text. */
function regroup(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed })
    if (added) out.push({ kind: 'added', text: added })
    removed = ''
    added = ''
  }
  for (const part of parts) {
    if (part.kind === 'removed') removed += part.text
    else if (part.kind === 'added') added += part.text
    else {
      flush()
      const last = out.at(-1)
      if (last && last.kind === 'same') last.text += part.text
      else out.push({ ...part })
    }
  }
  flush()
  return out
}
