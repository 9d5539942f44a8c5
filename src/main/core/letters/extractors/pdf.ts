// PDF through pdfjs-dist (legacy build, which runs in Node). The text layer is read page by page,
// with a blank line between pages. A page is read by OCR instead when its text layer is empty but
// it holds pictures (a scan), or when its text layer is glyph gibberish (fonts with custom
// encodings and no ToUnicode map: text-quality.ts); a PDF with no text and no pictures is refused,
// and so is one whose pictures OCR finds no words in (photographs, drawings: ocr.ts's hasText).
// pdfjs is told not to evaluate code, load system fonts or fetch anything from the network: the
// bytes are all it sees, beside the CMaps and standard fonts pdfjs-dist ships in its own folder
// (without them, CJK text in non-embedded fonts, such as /UniJIS-UCS2-H, cannot be read at all).
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { AppError } from '../../../../shared/api/errors'
import { hasText, recognise, recogniseWithConfidence } from './ocr'
import { languageScore, readsAsLanguage } from './text-quality'
import { plainText, type Extraction, type ExtractLimits } from './types'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>

let pdfjs: Promise<PdfJs> | null = null
// pdfjs is ESM-only; a dynamic import works from the CommonJS bundle and from Vitest alike.
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'))

const requireFromHere = createRequire(__filename)

/**
 * The folders of predefined CMaps and standard-font programs inside pdfjs-dist, found where the
 * package is installed (in the app, inside its archive, which Electron's fs reads). pdfjs joins
 * file names to these, so each ends with "/" (which Windows paths accept too).
 */
export function pdfjsDataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(requireFromHere.resolve('pdfjs-dist/package.json'))
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` }
}

/** A page with fewer visible characters than this has, for our purposes, no text layer. */
const MIN_PAGE_CHARACTERS = 10

type PageReading = 'text' | 'scan' | 'garbled' | 'blank'

export async function extractPdf(bytes: Uint8Array, fileName: string, limits: ExtractLimits): Promise<Extraction> {
  const lib = await loadPdfJs()
  const task = lib.getDocument({
    data: bytes.slice(), // pdfjs takes ownership of (detaches) the buffer it is given
    ...pdfjsDataFolders(),
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  try {
    const doc = await task.promise.catch((error: Error) => {
      throw refusal(error, fileName)
    })
    const texts: string[] = []
    const readings: PageReading[] = []
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number)
      const text = pageText((await page.getTextContent()) as { items: TextItemLike[] })
      texts.push(text)
      if (visibleLength(text) >= MIN_PAGE_CHARACTERS) readings.push(readsAsLanguage(text) ? 'text' : 'garbled')
      else readings.push((await hasPictures(lib, page)) ? 'scan' : 'blank')
    }
    if (readings.every((reading) => reading === 'blank')) {
      throw new AppError('unsupported_file', `${fileName} has no text layer and no pictures to read; there is no text to import.`)
    }
    const toOcr = readings.flatMap((reading, index) => (reading === 'scan' || reading === 'garbled' ? [index] : []))
    if (toOcr.length === 0) return plainText(texts.join('\n\n'))
    const scannedOnly = readings.every((reading) => reading === 'scan' || reading === 'blank')
    if (toOcr.length > limits.ocrMaxPages) {
      throw new AppError(
        'unsupported_file',
        scannedOnly
          ? `${fileName} is a scanned PDF of ${doc.numPages} pages; at most ${limits.ocrMaxPages} pages are read by OCR. Split it and import the parts.`
          : `${fileName} has ${toOcr.length} pages that can only be read by OCR (scanned, or with fonts that do not say which letters they draw); at most ${limits.ocrMaxPages} pages are read by OCR. Split it and import the parts.`,
      )
    }
    for (const index of toOcr) {
      const image = await renderPage(doc, await doc.getPage(index + 1), limits.ocrDpi)
      if (readings[index] === 'scan') {
        // A scanned page OCR is not sure has words on it (a photograph, a drawing) gives nothing,
        // not the few characters of noise recognised in its grain (as for pictures: image.ts).
        const reading = await recogniseWithConfidence(image)
        texts[index] = hasText(reading) ? reading.text.trim() : ''
        continue
      }
      // A garbled layer is replaced only by a reading that looks more like language than it does.
      const read = (await recognise(image)).trim()
      if (languageScore(read) > languageScore(texts[index]!)) texts[index] = read
    }
    const text = texts.join('\n\n')
    if (visibleLength(text) === 0) {
      throw new AppError('unsupported_file', `${fileName} has no text layer, and OCR found no text in its pictures; there is no text to import.`)
    }
    if (readings.includes('garbled') && !readings.includes('text') && !readsAsLanguage(text)) {
      throw new AppError('unsupported_file', `${fileName} has a text layer that is not readable text (its fonts do not say which letters they draw), and OCR could not read its pages either. Print it to a new PDF or scan it, and import that.`)
    }
    return plainText(text, { ocr: true })
  } finally {
    await task.destroy()
  }
}

function refusal(error: Error, fileName: string): AppError {
  if (error.name === 'PasswordException') {
    return new AppError('unsupported_file', `${fileName} is a password-protected PDF: remove the password and import again.`)
  }
  return new AppError('unsupported_file', `${fileName} looks like a PDF but is damaged or truncated, so it cannot be read. Open it in a PDF reader, save or print it to a new PDF and import that.`)
}

interface TextItemLike {
  str?: string
  hasEOL?: boolean
  transform?: number[]
}

/** Joins text items into lines: a new line where pdfjs says so, or where the baseline moves. */
export function pageText(content: { items: TextItemLike[] }): string {
  let text = ''
  let lastY: number | null = null
  for (const item of content.items) {
    if (typeof item.str !== 'string') continue
    const y = item.transform?.[5] ?? null
    if (lastY !== null && y !== null && Math.abs(y - lastY) > 2 && !text.endsWith('\n')) text += '\n'
    text += item.str
    if (item.hasEOL) text += '\n'
    if (y !== null) lastY = y
  }
  // Vertical writing is shown with vertical presentation forms ("︒" for "。"): stored as typed.
  return text.replace(/[\uFE10-\uFE19\uFE30-\uFE4F]/g, (form) => form.normalize('NFKC')).trim()
}

const visibleLength = (text: string) => text.replace(/\s+/g, '').length

async function hasPictures(lib: PdfJs, page: PdfPage): Promise<boolean> {
  const pictureOps = new Set<number>([lib.OPS.paintImageXObject, lib.OPS.paintInlineImageXObject, lib.OPS.paintImageMaskXObject, lib.OPS.paintImageXObjectRepeat])
  return (await page.getOperatorList()).fnArray.some((op) => pictureOps.has(op))
}

interface NodeCanvas {
  toBuffer(type: 'image/png'): Buffer
}

/** Renders a page to PNG with pdfjs's own Node canvas (@napi-rs/canvas), white behind it. */
async function renderPage(doc: PdfDocument, page: PdfPage, dpi: number): Promise<Uint8Array> {
  const viewport = page.getViewport({ scale: dpi / 72 })
  const factory = doc.canvasFactory as { create(width: number, height: number): { canvas: unknown }; destroy(target: unknown): void }
  const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height))
  try {
    await page.render({ canvas: target.canvas as never, viewport, background: 'white' }).promise
    return new Uint8Array((target.canvas as NodeCanvas).toBuffer('image/png'))
  } finally {
    factory.destroy(target)
  }
}
