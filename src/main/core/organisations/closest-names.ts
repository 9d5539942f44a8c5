// Which registered organisations a sender's name most resembles, for "Add as an alias of…": the
// words both share (after the name matcher folds "&"/"and", "Dept"/"Department", "The", plurals),
// and an acronym that spells a name's initials ("DCMS"). Linear in the register.
import { isAcronym, sameName, termWords } from './name-matching'

export interface Candidate {
  id: number
  name: string
  aliases: readonly string[]
}

/** Words that say little about which organisation is meant. */
const FILLER = new Set(['and', 'of', 'for', 'the', 'on', 'in', 'to', 'limited', 'ltd', 'plc', 'uk', 'department', 'office'])

const stem = (word: string) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word)

function similarity(query: string, term: string): number {
  if (sameName(query, term)) return 1
  const a = termWords(query).words.map(stem)
  const b = termWords(term).words.map(stem)
  if (a.length === 0 || b.length === 0) return 0
  const weight = (word: string) => (FILLER.has(word) ? 0.25 : 1)
  const setB = new Set(b)
  const setA = new Set(a)
  let shared = 0
  for (const word of setA) if (setB.has(word)) shared += weight(word)
  const total = [...setA].reduce((sum, w) => sum + weight(w), 0) + [...setB].reduce((sum, w) => sum + weight(w), 0)
  let score = total === 0 ? 0 : (2 * shared) / total
  // "DCMS" for "Department for Digital, Culture, Media and Sport".
  const initials = (words: string[]) => words.filter((w) => !['and', 'of', 'for', 'the', 'on', 'in', 'to'].includes(w)).map((w) => w[0]).join('')
  if (isAcronym(query.trim()) && initials(termWords(term).words) === query.trim().toLowerCase()) score = Math.max(score, 0.9)
  if (isAcronym(term.trim()) && initials(termWords(query).words) === term.trim().toLowerCase()) score = Math.max(score, 0.9)
  return score
}

/** The organisations most like `name`, best first, each scored 0–1 by its closest name or alias. */
export function closestOrganisations(name: string, register: readonly Candidate[], limit = 5): { id: number; name: string; score: number; matched: string }[] {
  const ranked = register
    .map((candidate) => {
      let best = { score: 0, matched: candidate.name }
      for (const term of [candidate.name, ...candidate.aliases]) {
        const score = similarity(name, term)
        if (score > best.score) best = { score, matched: term }
      }
      return { id: candidate.id, name: candidate.name, score: Math.round(best.score * 100) / 100, matched: best.matched }
    })
    .filter((c) => c.score >= 0.2)
  ranked.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'en-GB'))
  return ranked.slice(0, limit)
}
