import { decodeText } from '../decode-text'
import { plainText, type Extraction } from './types'

export function extractPlainText(bytes: Uint8Array): Extraction {
  return plainText(decodeText(bytes))
}
