// Extracts a letter's text from its bytes, by format: one extractor per format under
// extractors/. Runs inside a worker thread in the app (see worker/), or in-process in tests.
// Each extractor (and the library behind it) is loaded the first time its format is met: a
// reader thread that only ever sees Word files does not spend a third of a second loading the
// e-mail, Outlook, HTML, old-Word and OCR libraries first.
import type { Extraction, ExtractJob } from './extractors/types'
import { normaliseText } from './normalise-text'

export async function extractLetter({ bytes, format, fileName, limits }: ExtractJob): Promise<Extraction> {
  const extraction = await extractRaw({ bytes, format, fileName, limits })
  return { ...extraction, text: normaliseText(extraction.text), heading: extraction.heading ? normaliseText(extraction.heading) : null }
}

async function extractRaw({ bytes, format, fileName, limits }: ExtractJob): Promise<Extraction> {
  switch (format) {
    case 'txt':
      return (await import('./extractors/text')).extractPlainText(bytes)
    case 'html':
      return (await import('./extractors/html')).extractHtml(bytes)
    case 'rtf':
      return (await import('./extractors/rtf')).extractRtf(bytes)
    case 'docx':
      return (await import('./extractors/docx')).extractDocx(bytes, fileName, limits)
    case 'odt':
      return (await import('./extractors/odt')).extractOdt(bytes, fileName, limits)
    case 'doc':
      return (await import('./extractors/doc')).extractDoc(bytes, fileName)
    case 'pdf':
      return (await import('./extractors/pdf')).extractPdf(bytes, fileName, limits)
    case 'eml':
      return (await import('./extractors/eml')).extractEml(bytes, fileName, limits)
    case 'msg':
      return (await import('./extractors/msg')).extractMsg(bytes, fileName)
    case 'png':
    case 'jpeg':
    case 'tiff':
      return (await import('./extractors/image')).extractImage(bytes, format, fileName, limits)
  }
}
