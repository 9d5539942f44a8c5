// A TIFF's pages as grey PNGs for OCR. The recogniser's own TIFF reader knows few compressions
// (a JPEG-compressed page stopped it with "Error attempting to read image", killing the reader
// thread), so every page is decoded here by utif2, which handles them all (none, PackBits, LZW,
// Deflate, CCITT fax, old- and new-style JPEG), and handed over as PNG.
import * as UTIF from 'utif2'
import { AppError } from '../../../../shared/api/errors'
import { encodeGreyPng } from './png-encode'

/** A page larger than this (about A3 at 600 dpi) is not a scanned letter; its pixels are not decoded. */
const MAX_PAGE_PIXELS = 80_000_000
/** Pages are counted before anything is decoded; past this the chain is not followed further. */
const MAX_PAGES = 1000

export interface TiffPages {
  count: number
  /** The pages' PNG bytes, decoded one at a time as they are read. */
  pages(): Generator<Uint8Array>
}

export function tiffPages(bytes: Uint8Array, fileName: string): TiffPages {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const damaged = () => new AppError('unsupported_file', `${fileName} looks like a TIFF picture but is damaged or truncated, so its pages cannot be read.`)
  // utif2 follows the chain of page directories without a check: a chain that loops, or points
  // past the end of the file, would keep it reading for ever. The chain is walked here first.
  checkPageChain(buffer, damaged)
  let directories: UTIF.IFD[]
  try {
    // Maker notes (camera data) are not read: nothing in them is text.
    const decode = UTIF.decode as (data: Buffer, options: { parseMN: boolean; debug: boolean }) => UTIF.IFD[]
    directories = decode(buffer, { parseMN: false, debug: false }).filter(isFullPage)
  } catch {
    throw damaged()
  }
  if (directories.length === 0) throw damaged()
  return {
    count: directories.length,
    *pages() {
      for (const ifd of directories) {
        const width = Number((ifd['t256'] as number[])[0])
        const height = Number((ifd['t257'] as number[])[0])
        if (!(width > 0 && height > 0) || width * height > MAX_PAGE_PIXELS) {
          throw new AppError('unsupported_file', `${fileName} has a page of ${width} × ${height} pixels, larger than any scanned letter; it was not read.`)
        }
        try {
          declareJpegAsRgb(ifd)
          UTIF.decodeImage(buffer, ifd)
          yield encodeGreyPng(toGrey(UTIF.toRGBA8(ifd), width * height), width, height)
        } catch (problem) {
          if (problem instanceof AppError) throw problem
          throw damaged()
        }
      }
    },
  }
}

/** A page, not a thumbnail or reduced-resolution copy (NewSubfileType bit 0), with pixel data. */
function isFullPage(ifd: UTIF.IFD): boolean {
  const subfileType = (ifd['t254'] as number[] | undefined)?.[0] ?? 0
  return ifd['t256'] !== undefined && ifd['t257'] !== undefined && (ifd['t273'] !== undefined || ifd['t324'] !== undefined) && (subfileType & 1) === 0
}

/**
 * utif2 decodes every JPEG-compressed page (compression 7) to RGB, whatever the page declares,
 * into a buffer sized from what it declares: a grey page (one sample per pixel, as scanners
 * write) would keep only the first third of its pixels. Such a page is declared RGB first.
 */
function declareJpegAsRgb(ifd: UTIF.IFD): void {
  const compression = (ifd['t259'] as number[] | undefined)?.[0]
  const samples = (ifd['t277'] as number[] | undefined)?.[0] ?? 1
  if (compression !== 7 || samples !== 1) return
  ifd['t277'] = [3]
  ifd['t258'] = [8, 8, 8]
  ifd['t262'] = [2]
}

function toGrey(rgba: Uint8Array, pixels: number): Uint8Array {
  const grey = new Uint8Array(pixels)
  for (let i = 0; i < pixels; i++) {
    const alpha = rgba[i * 4 + 3]! / 255
    // Luma, with transparent pixels shown against white paper.
    const luma = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!
    grey[i] = Math.round(luma * alpha + 255 * (1 - alpha))
  }
  return grey
}

function checkPageChain(buffer: Buffer, damaged: () => AppError): void {
  if (buffer.length < 8) throw damaged()
  const littleEndian = buffer[0] === 0x49
  const u16 = (at: number) => (littleEndian ? buffer.readUInt16LE(at) : buffer.readUInt16BE(at))
  const u32 = (at: number) => (littleEndian ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at))
  const seen = new Set<number>()
  for (let offset = u32(4); offset !== 0; ) {
    if (seen.has(offset) || seen.size >= MAX_PAGES || offset + 2 > buffer.length) throw damaged()
    seen.add(offset)
    const next = offset + 2 + u16(offset) * 12
    if (next + 4 > buffer.length) throw damaged()
    offset = u32(next)
  }
}
