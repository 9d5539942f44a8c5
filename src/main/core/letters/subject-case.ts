// Subjects typed in capitals ("ONLINE HARMS WHITE PAPER") are stored as a person would type them
// in a list of letters: title case, short joining words in lower case, and acronyms (words with
// no vowel, such as "DCMS" or "NHS", or known ones such as "UK" and "EU") left in capitals.
const MINOR = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'per', 'the', 'to', 'via', 'with'])
const ACRONYMS = new Set(['UK', 'EU', 'UN', 'MP', 'MPS', 'NHS', 'BBC', 'HMRC', 'DCMS', 'CPS', 'IPSO', 'OFCOM', 'ICO', 'AI', 'GDPR', 'COVID', 'COVID-19', 'II', 'III', 'IV'])

/** The subject in title case when it is written wholly in capitals; otherwise as it is. */
export function subjectCase(subject: string): string {
  if (/\p{Ll}/u.test(subject) || subject.replace(/\P{Lu}+/gu, '').length < 4) return subject
  let first = true
  return subject.replace(/[\p{L}\p{N}'’-]+/gu, (word) => {
    const isFirst = first
    first = false
    const possessive = /['’]S$/u.exec(word)
    const stem = possessive ? word.slice(0, -2) : word
    if (ACRONYMS.has(stem) || /\d/.test(stem) || !/[AEIOUY]/u.test(stem.normalize('NFD'))) return possessive ? `${stem}${possessive[0][0]}s` : word
    const lower = word.toLowerCase()
    if (!isFirst && MINOR.has(lower)) return lower
    return lower.charAt(0).toUpperCase() + lower.slice(1)
  })
}
