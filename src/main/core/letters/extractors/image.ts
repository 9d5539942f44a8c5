// A scanned letter saved as a picture: its text can only come from OCR. PNG and JPEG go to the
// recogniser as they are; a TIFF is decoded here page by page (tiff-pages.ts), since the
// recogniser's own reader fails on most compressions. A picture in which OCR finds no words it is
// sure of (a photograph, a logo) is refused, rather than imported as a few characters of noise.
import { AppError } from '../../../../shared/api/errors'
import type { LetterFormat } from '../../../../shared/domain/dto'
import { hasText, recogniseWithConfidence, type Recognition } from './ocr'
import { tiffPages } from './tiff-pages'
import { plainText, type Extraction, type ExtractLimits } from './types'

export async function extractImage(bytes: Uint8Array, format: LetterFormat, fileName: string, limits: ExtractLimits): Promise<Extraction> {
  const readings: Recognition[] = []
  if (format === 'tiff') {
    const tiff = tiffPages(bytes, fileName)
    if (tiff.count > limits.ocrMaxPages) {
      throw new AppError('unsupported_file', `${fileName} is a scan of ${tiff.count} pages; at most ${limits.ocrMaxPages} pages are read by OCR. Split it and import the parts.`)
    }
    for (const page of tiff.pages()) readings.push(await read(page, fileName))
  } else readings.push(await read(bytes, fileName))
  if (!readings.some(hasText)) {
    throw new AppError('unsupported_file', `${fileName} is a picture with no text that OCR can read (a photograph or drawing, or a scan too faint or blurred); there is nothing to import.`)
  }
  return plainText(readings.map((reading) => reading.text.trim()).join('\n\n'), { ocr: true })
}

async function read(image: Uint8Array, fileName: string): Promise<Recognition> {
  try {
    return await recogniseWithConfidence(image)
  } catch {
    throw new AppError('unsupported_file', `${fileName} looks like a picture but could not be read; it may be damaged or in an unusual variant of its format.`)
  }
}
