// Words to stems, for matching letters to recommendations offline. The FTS5 tables use unicode61
// without stemming (search must find exactly what people type), but suggestions need "intimidating"
// to meet "intimidation" and "published" to meet "publish"; a small English suffix stripper, tuned
// for the vocabulary of letters to a committee, does that without any model or download.

/** Words too common in letters and recommendations alike to say anything about the topic. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours ' +
    'dear chair sir madam yours sincerely faithfully regards thank thanks letter letters wrote write writing writes grateful pleased please kind ' +
    'committee committees recommendation recommendations report reports recommended recommend response respond responding reply ' +
    'mr mrs ms dr cllr rt hon lord lady may june july january february march april august september october november december ' +
    'year years month months week weeks day days last next new one two three first second many much well already still since ' +
    'shall must might us its which whose whether however therefore also further including include includes included per via within without'
  ).split(/\s+/),
)

/** Ordered longest first within each family so that the longest ending wins. */
const SUFFIXES: [string, string][] = [
  ['isations', ''],
  ['izations', ''],
  ['isation', ''],
  ['ization', ''],
  ['ibility', ''],
  ['ational', ''],
  ['ations', ''],
  ['ation', ''],
  ['atory', ''],
  ['ative', ''],
  ['ator', ''],
  ['ate', ''],
  ['ments', ''],
  ['ment', ''],
  ['nesses', ''],
  ['ness', ''],
  ['ities', ''],
  ['ity', ''],
  ['ically', ''],
  ['ical', ''],
  ['ally', ''],
  ['ible', ''],
  ['able', ''],
  ['ions', ''],
  ['ion', ''],
  ['ary', ''],
  ['ful', ''],
  ['ous', ''],
  ['ive', ''],
  ['ise', ''],
  ['ize', ''],
  ['ism', ''],
  ['ist', ''],
  ['ly', ''],
  ['er', ''],
  ['al', ''],
]

const VOWEL = /[aeiouy]/

/** A light English stemmer: plural, then -ing/-ed, then one derivational ending, then final e. */
export function stem(word: string): string {
  let w = word
  if (w.length <= 3) return w
  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)

  for (const ending of ['ing', 'ed']) {
    if (w.endsWith(ending) && w.length - ending.length >= 3 && VOWEL.test(w.slice(0, -ending.length))) {
      w = w.slice(0, -ending.length)
      // "submitted" → "submit", but "called" stays "call"
      if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1)
      // As in Porter's stemmer: "intimidat(ed)" → "intimidate", to meet "intimidation" below.
      else if (/(at|bl|iz|is)$/.test(w)) w = `${w}e`
      break
    }
  }
  for (const [ending, replacement] of SUFFIXES) {
    if (w.endsWith(ending) && w.length - ending.length >= 4) {
      w = w.slice(0, -ending.length) + replacement
      break
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1)
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`
  return w
}

export interface Token {
  /** The word as written. */
  word: string
  stem: string
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu

/** Content words of a text with their stems and offsets; stopwords and one-letter words are left out. */
export function tokenise(text: string, offset = 0): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const raw = match[0]
    const lower = raw
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/['’]s$/, '')
      .replace(/['’]/g, '')
    if (lower.length < 2 || STOPWORDS.has(lower) || /^\d+$/.test(lower)) continue
    tokens.push({ word: raw, stem: stem(lower), start: offset + match.index, end: offset + match.index + raw.length })
  }
  return tokens
}

/** Stems of a text, in order (for bigrams) — a convenience over tokenise. */
export function stems(text: string): string[] {
  return tokenise(text).map((t) => t.stem)
}

/** Two content words form a phrase when only small words, not punctuation, stand between them. */
export function adjacent(text: string, a: Token, b: Token): boolean {
  return b.start - a.end <= 12 && !/[,.;:!?()\n]/.test(text.slice(a.end, b.start))
}
