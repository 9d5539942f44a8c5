// PDF through pdfjs-dist (legacy build, which runs in Node). The text layer is read page by page,
// with a blank line between pages. A PDF without a text layer is OCR'd when its pages are
// pictures (a scan); otherwise it is refused with "no text layer". pdfjs is told not to evaluate
// code, load fonts or fetch anything: the bytes are all it sees.
import { AppError } from '../../../../shared/api/errors'
import { recognise } from './ocr'
import { plainText, type Extraction, type ExtractLimits } from './types'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>

let pdfjs: Promise<PdfJs> | null = null
// pdfjs is ESM-only; a dynamic import works from the CommonJS bundle and from Vitest alike.
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'))

/** A page with fewer visible characters than this has, for our purposes, no text layer. */
const MIN_PAGE_CHARACTERS = 10

export async function extractPdf(bytes: Uint8Array, fileName: string, limits: ExtractLimits): Promise<Extraction> {
  const lib = await loadPdfJs()
  const task = lib.getDocument({
    data: bytes.slice(), // pdfjs takes ownership of (detaches) the buffer it is given
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
    const pages: string[] = []
    for (let number = 1; number <= doc.numPages; number++) pages.push(pageText((await (await doc.getPage(number)).getTextContent()) as { items: TextItemLike[] }))
    const text = pages.join('\n\n')
    if (pages.some((page) => visibleLength(page) >= MIN_PAGE_CHARACTERS)) return plainText(text)
    if (!(await hasPictures(lib, doc))) {
      throw new AppError('unsupported_file', `${fileName} has no text layer and no pictures to read; there is no text to import.`)
    }
    return plainText(await ocrPages(doc, fileName, limits), { ocr: true })
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
  return text.trim()
}

const visibleLength = (text: string) => text.replace(/\s+/g, '').length

async function hasPictures(lib: PdfJs, doc: PdfDocument): Promise<boolean> {
  const pictureOps = new Set<number>([lib.OPS.paintImageXObject, lib.OPS.paintInlineImageXObject, lib.OPS.paintImageMaskXObject, lib.OPS.paintImageXObjectRepeat])
  for (let number = 1; number <= doc.numPages; number++) {
    const ops = await (await doc.getPage(number)).getOperatorList()
    if (ops.fnArray.some((op) => pictureOps.has(op))) return true
  }
  return false
}

async function ocrPages(doc: PdfDocument, fileName: string, limits: ExtractLimits): Promise<string> {
  if (doc.numPages > limits.ocrMaxPages) {
    throw new AppError('unsupported_file', `${fileName} is a scanned PDF of ${doc.numPages} pages; at most ${limits.ocrMaxPages} pages are read by OCR. Split it and import the parts.`)
  }
  const pages: string[] = []
  for (let number = 1; number <= doc.numPages; number++) pages.push((await recognise(await renderPage(doc, await doc.getPage(number), limits.ocrDpi))).trim())
  const text = pages.join('\n\n')
  if (visibleLength(text) === 0) {
    throw new AppError('unsupported_file', `${fileName} has no text layer, and OCR found no text in its pictures; there is no text to import.`)
  }
  return text
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
