// Extracts a letter's text from its bytes, by format.
import mammoth from 'mammoth'
import { AppError } from '../../../shared/api/errors'
import type { LetterFormat } from '../../../shared/domain/dto'
import { decodeText } from './decode-text'
import { normaliseText } from './normalise-text'

export async function extractText(bytes: Uint8Array, format: LetterFormat, fileName: string): Promise<string> {
  switch (format) {
    case 'txt':
      return normaliseText(decodeText(bytes))
    case 'docx':
      return normaliseText(await extractDocx(bytes, fileName))
  }
}

async function extractDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    return result.value
  } catch {
    throw new AppError('unsupported_file', `${fileName} looks like a Word document but could not be read; it may be damaged. Open it in Word, save it again and import it again.`)
  }
}
