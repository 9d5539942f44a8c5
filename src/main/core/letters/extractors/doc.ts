// Word 97–2003 (.doc) through word-extractor, which reads the compound file itself (no macros run).
// The page header often holds the letterhead, so it goes first, as it would on paper.
import WordExtractor from 'word-extractor'
import { AppError } from '../../../../shared/api/errors'
import { plainText, type Extraction } from './types'

export async function extractDoc(bytes: Uint8Array, fileName: string): Promise<Extraction> {
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    const header = document.getHeaders({ includeFooters: false }).trim()
    const body = document.getBody()
    return plainText(header && !body.includes(header) ? `${header}\n\n${body}` : body)
  } catch {
    throw new AppError('unsupported_file', `${fileName} looks like an older Word document (.doc) but could not be read; it may be damaged. Open it in Word, save it as .docx and import it again.`)
  }
}
