// Word 97–2003 (.doc) through word-extractor, which reads the compound file itself (no macros run).
// The page header often holds the letterhead, so it goes first, as it would on paper. Word 2003
// documents saved as XML are read by word-xml.ts; encrypted and Word 6/95 files are named as such.
import WordExtractor from 'word-extractor'
import { AppError } from '../../../../shared/api/errors'
import { oldWordFormat, passwordProtected } from '../refusal-reasons'
import { wordBinaryKind } from './word-binary-header'
import { extractWordXml } from './word-xml'
import { plainText, type Extraction } from './types'

const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0]

export async function extractDoc(bytes: Uint8Array, fileName: string): Promise<Extraction> {
  if (!COMPOUND_FILE.every((value, index) => bytes[index] === value)) return extractWordXml(bytes)
  const kind = wordBinaryKind(bytes)
  if (kind === 'encrypted') throw passwordProtected(fileName)
  if (kind === 'word6') throw oldWordFormat(fileName)
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    const header = document.getHeaders({ includeFooters: false }).trim()
    const body = document.getBody()
    return plainText(header && !body.includes(header) ? `${header}\n\n${body}` : body)
  } catch {
    throw new AppError('unsupported_file', `${fileName} looks like an older Word document (.doc) but could not be read; it may be damaged. Open it in Word, save it as .docx and import it again.`)
  }
}
