import { decodeTextReporting } from '../decode-text'
import { plainText, type Extraction } from './types'

export function extractPlainText(bytes: Uint8Array): Extraction {
  const { text, guess } = decodeTextReporting(bytes)
  return plainText(text, { encodingGuess: guess })
}
