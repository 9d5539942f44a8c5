// Extracts a letter's text from its bytes, by format: one extractor per format under
// extractors/. Runs inside a worker thread in the app (see worker/), or in-process in tests.
import { extractDoc } from './extractors/doc'
import { extractDocx } from './extractors/docx'
import { extractEml } from './extractors/eml'
import { extractHtml } from './extractors/html'
import { extractImage } from './extractors/image'
import { extractMsg } from './extractors/msg'
import { extractOdt } from './extractors/odt'
import { extractPdf } from './extractors/pdf'
import { extractRtf } from './extractors/rtf'
import { extractPlainText } from './extractors/text'
import type { Extraction, ExtractJob } from './extractors/types'
import { normaliseText } from './normalise-text'

export async function extractLetter({ bytes, format, fileName, limits }: ExtractJob): Promise<Extraction> {
  const extraction = await extractRaw({ bytes, format, fileName, limits })
  return { ...extraction, text: normaliseText(extraction.text), heading: extraction.heading ? normaliseText(extraction.heading) : null }
}

function extractRaw({ bytes, format, fileName, limits }: ExtractJob): Promise<Extraction> | Extraction {
  switch (format) {
    case 'txt':
      return extractPlainText(bytes)
    case 'html':
      return extractHtml(bytes)
    case 'rtf':
      return extractRtf(bytes)
    case 'docx':
      return extractDocx(bytes, fileName, limits)
    case 'odt':
      return extractOdt(bytes, fileName, limits)
    case 'doc':
      return extractDoc(bytes, fileName)
    case 'pdf':
      return extractPdf(bytes, fileName, limits)
    case 'eml':
      return extractEml(bytes, fileName, limits)
    case 'msg':
      return extractMsg(bytes, fileName)
    case 'png':
    case 'jpeg':
    case 'tiff':
      return extractImage(bytes, fileName)
  }
}
