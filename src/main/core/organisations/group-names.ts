// Which stakeholder group a category from a register file means. People write "Policing" for
// "Policing and prosecution", "Social media" for "Social media companies", "Political party" for
// "Political parties" or "Councils" for "Local government"; a category that means none of the
// groups there are becomes a group of its own.
import { termWords } from './name-matching'

/** Words people use for a built-in group that share no first word with its name. */
const SYNONYMS: Record<string, string> = {
  police: 'Policing and prosecution',
  'police forces': 'Policing and prosecution',
  prosecutors: 'Policing and prosecution',
  mps: 'Parliament',
  'members of parliament': 'Parliament',
  'parliamentary bodies': 'Parliament',
  parties: 'Political parties',
  platforms: 'Social media companies',
  'online platforms': 'Social media companies',
  'tech companies': 'Social media companies',
  'technology companies': 'Social media companies',
  regulators: 'Press regulators',
  'press regulation': 'Press regulators',
  councils: 'Local government',
  'local authorities': 'Local government',
  charities: 'Civil society',
  ngos: 'Civil society',
  'third sector': 'Civil society',
  'voluntary sector': 'Civil society',
  broadcasting: 'Broadcasters',
  'government departments': 'Government',
  departments: 'Government',
  'central government': 'Government',
}

/** A word without its plural ending, so "party" and "parties", "regulator" and "regulators" agree. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

const stems = (name: string) => termWords(name).words.map(stem)

/**
 * The existing group a category means, or null when it means none of them (a new group, then).
 * Exact names (forgiving case and punctuation) first, then a known synonym, then a category whose
 * words begin exactly one group's name ("Policing" → "Policing and prosecution").
 */
export function groupForCategory(category: string, groups: readonly string[]): string | null {
  const wanted = stems(category)
  if (wanted.length === 0) return null
  const same = groups.find((group) => {
    const words = stems(group)
    return words.length === wanted.length && words.every((word, i) => word === wanted[i])
  })
  if (same) return same
  const synonym = SYNONYMS[termWords(category).words.join(' ')]
  if (synonym) {
    const group = groups.find((name) => name.toLowerCase() === synonym.toLowerCase())
    if (group) return group
  }
  const beginning = groups.filter((group) => {
    const words = stems(group)
    return words.length > wanted.length && wanted.every((word, i) => word === words[i])
  })
  return beginning.length === 1 ? beginning[0]! : null
}
