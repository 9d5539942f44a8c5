// OpenDocument text (.odt, LibreOffice): content.xml read from the ZIP after zip-guard's checks.
import { AppError } from '../../../../shared/api/errors'
import { odfText } from './xml-text'
import { readZipSafely } from './zip-guard'
import { plainText, type Extraction, type ExtractLimits } from './types'

export async function extractOdt(bytes: Uint8Array, fileName: string, limits: ExtractLimits): Promise<Extraction> {
  // Only content.xml is read, so only its DTD matters: OpenOffice-era files carry public DOCTYPEs
  // in parts nobody reads here (formula objects, Basic macros, the 1.x manifest).
  const isContent = (name: string) => name === 'content.xml'
  const entries = await readZipSafely(bytes, fileName, limits, isContent, isContent)
  const content = entries.get('content.xml')
  if (!content) throw new AppError('unsupported_file', `${fileName} looks like an OpenDocument file but has no content.xml; it may be damaged. Open it in LibreOffice, save it again and import it again.`)
  return plainText(odfText(content.toString('utf8')))
}
