// Which single-byte Latin code page a letter's 8-bit characters were written in: Western
// (windows-1252) or Central European (windows-1250, ISO-8859-2). Byte statistics tell these apart
// poorly in a short letter (jschardet takes Czech for windows-1252 and Slovak for nothing), but
// the letters do not: read in the right code page, the accented letters of each word belong to one
// language's alphabet ("předsedo", "dziękujemy"); read in the wrong one they mix alphabets
// ("pøedsedo", "dziêkujemy") or turn into symbols and control characters inside words ("dzi¹").
import iconv from 'iconv-lite'

export const LATIN_CODE_PAGES = ['windows-1252', 'windows-1250', 'iso-8859-2'] as const
export type LatinCodePage = (typeof LATIN_CODE_PAGES)[number]

/** Names jschardet gives to single-byte Latin code pages: its guess among them is checked here. */
const LATIN_GUESSES = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-15', 'windows-1250', 'iso-8859-2', 'iso8859-16', 'iso-8859-16', 'maclatin2', 'ibm852', 'cp852'])

export function isLatinGuess(encoding: string): boolean {
  return LATIN_GUESSES.has(encoding.toLowerCase())
}

/** The accented letters of the languages these code pages are written in (lower case). */
const ALPHABETS = [
  'áčďéěíňóřšťúůýž', // Czech
  'áäčďéíĺľňóôŕšťúýž', // Slovak
  'ąćęłńóśźż', // Polish
  'áéíóöőúüű', // Hungarian
  'čćđšž', // Slovene, Croatian, Bosnian
  'ăâîşţșț', // Romanian
  'äöüß', // German
  'àâæçéèêëîïôœùûüÿ', // French
  'áéíñóúü', // Spanish
  'àèéìíîòóùú', // Italian
  'áâãàçéêíóôõú', // Portuguese
  'áéëïóöü', // Dutch
  'æøåé', // Danish, Norwegian
  'åäöé', // Swedish
  'äöåšž', // Finnish
  'áðéíóöúýþæ', // Icelandic
  'äöõüšž', // Estonian
  'àçèéíïòóúü', // Catalan
  'çë', // Albanian
].map((letters) => new Set(letters))

/** A reading is judged on its first characters: enough letters to tell, and a bound on the time. */
const SCORED_CHARS = 64 * 1024
const C1_CONTROL = /[\u0080-\u009f\ufffd]/u
const LETTER = /\p{L}/u

/**
 * How well a reading's accented characters read as one language: letters inside words that
 * belong to the best-fitting alphabet count for it, other letters inside words count against it,
 * and so, twice over, do control characters and symbols inside words. Linear in the text.
 */
export function latinReadingScore(text: string): number {
  return judge(text).score
}

/**
 * The score, and for ties how common the reading's letters are across these languages: "š"
 * (Czech, Slovak, Slovene, Croatian, Finnish, Estonian) before "ą" (Polish alone), which the same
 * byte is in the other code page when a short letter has no other accented letter to tell by.
 */
function judge(text: string): { score: number; commonness: number } {
  const letters = new Map<string, number>()
  let penalty = 0
  let previous = ''
  const chars = [...text]
  for (const [index, char] of chars.entries()) {
    const next = chars[index + 1] ?? ''
    const current = previous
    previous = char
    if (char.charCodeAt(0) < 0x80) continue
    if (C1_CONTROL.test(char)) {
      penalty++
      continue
    }
    // Only characters inside a word tell: "£500" and a lone "«" say nothing of the language.
    const inWord = LETTER.test(current) || LETTER.test(next)
    if (!inWord) continue
    if (LETTER.test(char)) {
      const lower = char.toLowerCase()
      letters.set(lower, (letters.get(lower) ?? 0) + 1)
    } else penalty++
  }
  let total = 0
  let commonness = 0
  for (const [letter, count] of letters) {
    total += count
    commonness += count * ALPHABETS.filter((alphabet) => alphabet.has(letter)).length
  }
  let best = 0
  for (const alphabet of ALPHABETS) {
    let covered = 0
    for (const [letter, count] of letters) if (alphabet.has(letter)) covered += count
    best = Math.max(best, covered)
  }
  return { score: best - (total - best) - 2 * penalty, commonness }
}

/**
 * The code page whose reading scores best, then whose letters are commoner; `preferred` (the
 * detector's guess, or windows-1252) wins what is left, texts whose accents read the same in all.
 */
export function bestLatinReading<T extends { encoding: LatinCodePage; text: string }>(readings: T[], preferred: string): T {
  const ranked = readings.map((reading) => ({ reading, ...judge(reading.text.slice(0, SCORED_CHARS)) }))
  const order = (encoding: string) => (encoding === preferred.toLowerCase() ? 0 : 1 + LATIN_CODE_PAGES.indexOf(encoding as LatinCodePage))
  ranked.sort((a, b) => b.score - a.score || b.commonness - a.commonness || order(a.reading.encoding) - order(b.reading.encoding))
  return ranked[0]!.reading
}

/** The Latin code page the bytes read best in (bytes: a bounded sample of the text). */
export function latinCodePage(bytes: Uint8Array, preferred: string): LatinCodePage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return bestLatinReading(LATIN_CODE_PAGES.map((encoding) => ({ encoding, text: iconv.decode(buffer, encoding) })), preferred).encoding
}
