// A scanned letter saved as a picture: its text can only come from OCR.
import { AppError } from '../../../../shared/api/errors'
import { recognise } from './ocr'
import { plainText, type Extraction } from './types'

export async function extractImage(bytes: Uint8Array, fileName: string): Promise<Extraction> {
  let text: string
  try {
    text = await recognise(bytes)
  } catch {
    throw new AppError('unsupported_file', `${fileName} looks like a picture but could not be read; it may be damaged or in an unusual variant of its format.`)
  }
  return plainText(text, { ocr: true })
}
