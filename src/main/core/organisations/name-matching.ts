// Matching organisation names as a person would: "Culture, Media & Sport" is "Culture, Media and
// Sport", "Dept" is "Department", "The Labour Party" is "Labour Party", "Meta Platforms Ltd" is
// "Meta Platforms Limited", "Co-operative" is "Co operative", and case and apostrophes do not
// matter. Names and the text they are looked for in are both turned into the same words, and a
// name is mentioned where its words stand together in the text's words. One pass over each text:
// no backtracking, whatever a sender writes.

/** Words spelt more than one way in organisations' names, each mapped to one spelling. */
const SAME_WORD: Record<string, string> = {
  '&': 'and',
  '+': 'and',
  dept: 'department',
  depts: 'departments',
  ltd: 'limited',
  inc: 'incorporated',
  corp: 'corporation',
  govt: 'government',
  cttee: 'committee',
  assoc: 'association',
  intl: 'international',
  natl: 'national',
}

/** Words that carry no meaning at the start of a name ("The Home Office"). */
const LEADING_NOISE = new Set(['the'])

export interface NameWords {
  /** The words, in the spelling used for comparing (lower case, variants folded). */
  words: string[]
  /** The same words as written, for names that must match in capitals (acronyms). */
  written: string[]
}

const isLetterOrDigit = (char: string) => /[\p{L}\p{N}]/u.test(char)

/** The words of a text, for matching: letters and digits; & and + as words; the rest separates. */
export function nameWords(text: string): NameWords {
  const words: string[] = []
  const written: string[] = []
  let current = ''
  const flush = () => {
    if (!current) return
    written.push(current)
    const lower = current.toLowerCase()
    words.push(SAME_WORD[lower] ?? lower)
    current = ''
  }
  for (const char of text.normalize('NFC')) {
    if (char === "'" || char === '’' || char === '‘' || char === '`') continue // O'Brien, People’s
    if (isLetterOrDigit(char)) current += char
    else {
      flush()
      if (char === '&' || char === '+') {
        written.push(char)
        words.push('and')
      }
    }
  }
  flush()
  return { words, written }
}

/** A registered name or alias as words to look for: without a leading "The". */
export function termWords(term: string): NameWords {
  const all = nameWords(term)
  let start = 0
  while (start < all.words.length - 1 && LEADING_NOISE.has(all.words[start]!)) start++
  return { words: all.words.slice(start), written: all.written.slice(start) }
}

/** An acronym (all capitals, as "CPS" or "DCMS") must be written in capitals to count. */
export function isAcronym(term: string): boolean {
  return /\p{Lu}/u.test(term) && term === term.toUpperCase() && !/\s/.test(term.trim())
}

/**
 * Where the term's words stand together in the text's words; -1 when they do not. Linear in the
 * text for each term (the first word narrows the candidates; names are a few words long).
 */
export function findName(text: NameWords, term: NameWords, acronym: boolean): number {
  const needle = acronym ? term.written : term.words
  const hay = acronym ? text.written : text.words
  if (needle.length === 0 || needle.length > hay.length) return -1
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    if (hay[i] !== needle[0]) continue
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

/** Whether a line of a letter mentions the name (or alias). */
export function mentionsName(line: string | NameWords, term: string): boolean {
  const text = typeof line === 'string' ? nameWords(line) : line
  return findName(text, termWords(term), isAcronym(term)) >= 0
}

/** Whether two names are the same name, written differently. */
export function sameName(a: string, b: string): boolean {
  const x = termWords(a).words
  const y = termWords(b).words
  return x.length > 0 && x.length === y.length && x.every((word, i) => word === y[i])
}
