// Tells text that reads as language from glyph gibberish. A PDF whose fonts carry custom
// encodings and no ToUnicode map gives a text layer of the right length made of the wrong
// characters ("Ghdu Fkdlu", or control and private-use characters): pdf.js cannot know better,
// but such a page can still be read by OCR from its picture. One pass over the characters counts
// letters, digits and characters no writer types, and the share of Latin-script words that are
// among the commonest function words of the languages letters arrive in: real prose in any of
// them has one in four or five; a substitution cipher of it has almost none.

/** Function words of English, Welsh, French, German, Spanish, Italian, Dutch and Portuguese. */
const FUNCTION_WORDS = new Set(
  (
    'the of and to in a is that for it as was with be by on not he i this are or his from at which but have an they you were her she ' +
    'there been one all we their has would will can if no so our your its my me us may should must who any these those also than ' +
    'yr y a ac ar yn i o am mae ei eu ni chi fod gan wedi ond neu hyn ' +
    'le la les de des du et un une est en que qui dans pour pas sur au aux avec ce il elle nous vous ne se ou par son sa ses ' +
    'der die das und ist nicht ein eine zu den mit von im sie es auf dem sich für des auch wir ich ' +
    'el los las y por con para una del al lo como más pero su sus ' +
    'il di che non per con una sono gli della ' +
    'het een van is niet op te zijn met voor ' +
    'o os as um uma não em da do para com'
  ).split(' '),
)

export interface TextQuality {
  /** Characters other than white space. */
  visible: number
  /** Share of visible characters that no writer types: control, private-use, unassigned, U+FFFD. */
  junk: number
  /** Share of visible characters that are letters or digits. */
  alphanumeric: number
  /** Words written wholly in Latin letters. */
  latinWords: number
  /** Share of those that are common function words. */
  functionWords: number
}

const LETTER = /\p{L}/u
const LATIN = /\p{Script=Latin}/u
const DIGIT = /\p{N}/u
const JUNK = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFFFD]/u
const SPACE = /\s/u

/** One pass over the code points of the text. */
export function measureText(text: string): TextQuality {
  let visible = 0
  let junk = 0
  let alphanumeric = 0
  let latinWords = 0
  let functionWords = 0
  let word = ''
  let wordIsLatin = true
  const endWord = () => {
    if (word && wordIsLatin) {
      latinWords++
      if (FUNCTION_WORDS.has(word)) functionWords++
    }
    word = ''
    wordIsLatin = true
  }
  for (const character of text) {
    if (SPACE.test(character)) {
      endWord()
      continue
    }
    visible++
    if (LETTER.test(character)) {
      alphanumeric++
      // Only the first letters of a long word matter for the word list; the rest are counted.
      if (word.length < 16) word += character.toLowerCase()
      if (!LATIN.test(character)) wordIsLatin = false
      continue
    }
    endWord()
    if (DIGIT.test(character)) alphanumeric++
    else if (JUNK.test(character)) junk++
  }
  endWord()
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of)
  return { visible, junk: share(junk, visible), alphanumeric: share(alphanumeric, visible), latinWords, functionWords: share(functionWords, latinWords) }
}

/** Below these a page is too short to judge, and is taken as it is. */
const MIN_VISIBLE = 20
const MIN_LATIN_WORDS = 12

/** False for a text that is glyph gibberish rather than writing in some language. */
export function readsAsLanguage(text: string): boolean {
  const quality = measureText(text)
  if (quality.visible < MIN_VISIBLE) return true
  if (quality.junk > 0.2) return false
  if (quality.alphanumeric < 0.5) return false
  // A page mostly in another script (Chinese, Arabic…) is not judged by Latin function words.
  if (quality.latinWords >= MIN_LATIN_WORDS && quality.functionWords < 0.04) return false
  return true
}

/** A single figure to choose between two readings of one page: higher reads more like language. */
export function languageScore(text: string): number {
  const quality = measureText(text)
  if (quality.visible === 0) return 0
  return quality.alphanumeric - quality.junk + (quality.latinWords >= MIN_LATIN_WORDS ? quality.functionWords : 0)
}
