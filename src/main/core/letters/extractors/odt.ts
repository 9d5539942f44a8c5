// OpenDocument text (.odt, LibreOffice): content.xml read from the ZIP after zip-guard's checks.
// A document saved with a password keeps its manifest readable, and the manifest says which
// parts are encrypted: that is told before the scrambled content.xml is taken for an empty one.
import { AppError } from '../../../../shared/api/errors'
import { passwordProtected } from '../refusal-reasons'
import { pickHeading } from './heading'
import { readOdf } from './xml-text'
import { readZipSafely } from './zip-guard'
import { plainText, type Extraction, type ExtractLimits } from './types'

const MANIFEST = 'META-INF/manifest.xml'

export async function extractOdt(bytes: Uint8Array, fileName: string, limits: ExtractLimits): Promise<Extraction> {
  // Only content.xml's DTD matters (the manifest is read for encryption only, never parsed as a
  // document): OpenOffice-era files carry public DOCTYPEs in parts nobody reads here (formula
  // objects, Basic macros, the 1.x manifest).
  const isContent = (name: string) => name === 'content.xml'
  const entries = await readZipSafely(bytes, fileName, limits, (name) => isContent(name) || name === MANIFEST, isContent)
  if (entries.get(MANIFEST)?.includes('encryption-data')) throw passwordProtected(fileName)
  const content = entries.get('content.xml')
  if (!content) throw new AppError('unsupported_file', `${fileName} looks like an OpenDocument file but has no content.xml; it may be damaged. Open it in LibreOffice, save it again and import it again.`)
  const { text, blocks } = readOdf(content.toString('utf8'))
  return plainText(text, { heading: pickHeading(blocks) })
}
