// How an organisation is named in running text and citations. British usage puts "the" before
// most bodies ("the Home Office", "the Labour Party") but not before brands ("Twitter", "IPSO").
const TAKES_ARTICLE_START = /^(Department|Ministry|College|Crown|National|Independent|Electoral|Home|Cabinet|Liberal|Green|Labour|Conservative|Scottish|Jo Cox)\b/
const TAKES_ARTICLE_END = /\b(Party|Foundation|Council|Office|Commission|Service|Organisation|Committee|Government|Authority|Agency)$/

export function withArticle(name: string): string {
  return TAKES_ARTICLE_START.test(name) || TAKES_ARTICLE_END.test(name) ? `the ${name}` : name
}

/** A short name for tables: an all-capital alias such as "IPSO" or "NPCC" when there is one. */
export function shortName(name: string, aliases: readonly string[]): string {
  const acronym = aliases.find((alias) => /^[A-Z]{2,6}$/.test(alias))
  return acronym ?? name
}
