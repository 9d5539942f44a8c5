// How an organisation is named in running text and citations. British usage puts "the" before
// most bodies ("the Home Office", "the Labour Party") but not before brands ("Twitter", "IPSO").
const TAKES_ARTICLE_START = /^(Department|Ministry|College|Crown|National|Independent|Electoral|Home|Cabinet|Liberal|Green|Labour|Conservative|Scottish|Jo Cox)\b/
const TAKES_ARTICLE_END = /\b(Party|Foundation|Council|Office|Commission|Service|Organisation|Committee|Government|Authority|Agency)$/

export function withArticle(name: string): string {
  return TAKES_ARTICLE_START.test(name) || TAKES_ARTICLE_END.test(name) ? `the ${name}` : name
}

/**
 * A short name for tables: an all-capital alias made of the name's own initials ("IPSO" for the
 * Independent Press Standards Organisation, "DCMS" for the Department for Digital, Culture, Media
 * and Sport, which leaves one word out) when the register has one, else the name itself. Any
 * other alias ("CCHQ" for the Conservative Party) is a nickname a reader may not know, so it is
 * never used in its place.
 */
export function shortName(name: string, aliases: readonly string[]): string {
  const initials = initialsOf(name)
  const acronym = aliases.find((alias) => /^[A-Z]{2,6}$/.test(alias) && abbreviates(alias, initials))
  return acronym ?? name
}

/** Small words an acronym leaves out ("Department for …", "Ministry of …"). */
const MINOR_WORDS = new Set(['and', 'for', 'of', 'the', 'on', 'in', 'to', 'at', 'by', '&'])

/** The capital initials of a name's significant words: "Ministry of Housing, …" → "MHCLG". */
export function initialsOf(name: string): string {
  return name
    .split(/[\s,;:/()–-]+/)
    .filter((word) => word !== '' && !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('')
}

/** True when the acronym is the initials in order, starting with the first, leaving out at most one word. */
function abbreviates(acronym: string, initials: string): boolean {
  if (acronym[0] !== initials[0] || acronym.length < Math.max(2, initials.length - 1)) return false
  let at = 0
  for (const letter of acronym) {
    at = initials.indexOf(letter, at)
    if (at < 0) return false
    at++
  }
  return true
}
