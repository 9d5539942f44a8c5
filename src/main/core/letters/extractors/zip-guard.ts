// Checks a ZIP container (.docx, .odt) from its central directory BEFORE anything is inflated:
// how many entries, how many bytes they claim to inflate to, and by what ratio. A "zip bomb"
// (a few kilobytes that inflate to gigabytes) is refused here. Then every entry is inflated once,
// never past its declared size, so the libraries that read the document afterwards only ever see
// sizes that were checked. yauzl reads the directory; the entries are inflated in one synchronous
// call each (zlib with an output ceiling), which for the dozen small parts of a letter is several
// times quicker than a stream per part.
import { inflateRawSync } from 'node:zlib'
import yauzl from 'yauzl'
import { AppError } from '../../../../shared/api/errors'
import { passwordProtected } from '../refusal-reasons'
import type { ExtractLimits } from './types'

/** Small entries may compress very well (a run of spaces); the ratio only matters past this size. */
const RATIO_FLOOR_BYTES = 1024 * 1024

export type ZipEntries = Map<string, Buffer>

/** Every XML part: for readers (mammoth) that read parts of the package this module does not see. */
const ANY_XML = (name: string) => /\.(xml|rels)$/i.test(name)

/**
 * Validates the archive and returns the content of the entries `keep` selects. The XML parts
 * `checked` selects (by default every one) are refused if their DTD declares entities or has an
 * internal subset, or names an external DTD by URL: that is how "billion laughs" and external-
 * entity (XXE) attacks begin. A plain public DOCTYPE, as OpenOffice wrote, declares nothing.
 */
export async function readZipSafely(
  bytes: Uint8Array,
  fileName: string,
  limits: ExtractLimits,
  keep: (name: string) => boolean,
  checked: (name: string) => boolean = ANY_XML,
): Promise<ZipEntries> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) // a view, not a copy
  const zip = await openZip(buffer, fileName)
  try {
    const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`
    if (zip.entryCount > limits.zipMaxEntries) {
      throw bomb(fileName, `it has ${zip.entryCount} parts (at most ${limits.zipMaxEntries} are allowed)`)
    }
    const entries = await readEntries(zip, fileName)
    let total = 0
    let compressed = 0
    for (const entry of entries) {
      total += entry.uncompressedSize
      compressed += entry.compressedSize
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.zipMaxRatio) {
        throw bomb(fileName, `one part inflates ${Math.round(ratio)} times (${mb(entry.compressedSize)} to ${mb(entry.uncompressedSize)}; at most ${limits.zipMaxRatio} times is allowed)`)
      }
    }
    if (total > limits.zipMaxTotalBytes) throw bomb(fileName, `its parts would inflate to ${mb(total)} (at most ${mb(limits.zipMaxTotalBytes)} is allowed)`)
    if (total > RATIO_FLOOR_BYTES && total / Math.max(1, compressed) > limits.zipMaxRatio) {
      throw bomb(fileName, `it inflates ${Math.round(total / Math.max(1, compressed))} times (at most ${limits.zipMaxRatio} times is allowed)`)
    }
    const kept: ZipEntries = new Map()
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      const content = inflate(buffer, entry, fileName) // every part, read or not, must be sound
      if (checked(entry.fileName) && hasUnsafeDtd(content)) {
        throw new AppError('unsupported_file', `${fileName} contains a document type declaration (DTD) that declares entities or fetches a file, in ${entry.fileName.slice(0, 80)}, which genuine Word and OpenDocument files never have; it was refused for safety.`)
      }
      if (keep(entry.fileName)) kept.set(entry.fileName, content)
    }
    return kept
  } finally {
    zip.close()
  }
}

function bomb(fileName: string, why: string) {
  return new AppError('unsupported_file', `${fileName} looks like a ZIP bomb: ${why}. It was not opened.`)
}

function damaged(fileName: string) {
  return new AppError('unsupported_file', `${fileName} looks like a document but is damaged or truncated (its ZIP structure cannot be read). Open it in its program, save it again and import it again.`)
}

/**
 * An entity declaration anywhere, or a DOCTYPE with an internal subset ("[") or a system
 * identifier with a URL scheme (file:, http:). "<!DOCTYPE" may only appear in the prolog, but it
 * is cheap to look through the whole part: each declaration is read once, up to its ">".
 */
export function hasUnsafeDtd(content: Buffer): boolean {
  const xml = content.toString('latin1')
  if (/<!ENTITY/i.test(xml)) return true
  const doctype = /<!DOCTYPE/gi
  for (let match = doctype.exec(xml); match; match = doctype.exec(xml)) {
    const end = xml.indexOf('>', match.index)
    const declaration = xml.slice(match.index, end < 0 ? xml.length : end)
    if (declaration.includes('[')) return true
    for (const [, , literal] of declaration.matchAll(/(["'])([^"']*)\1/g)) if (/^[a-z][\w+.-]*:/i.test(literal!)) return true
    doctype.lastIndex = end < 0 ? xml.length : end
  }
  return false
}

function openZip(buffer: Buffer, fileName: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zip) => {
      if (error || !zip) reject(damaged(fileName))
      else resolve(zip)
    })
  })
}

function readEntries(zip: yauzl.ZipFile, fileName: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', () => reject(damaged(fileName)))
    zip.readEntry()
  })
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50
const STORED = 0
const DEFLATED = 8

/** One entry's content, read from its local header; never more bytes than the directory declared. */
function inflate(buffer: Buffer, entry: yauzl.Entry, fileName: string): Buffer {
  const header = entry.relativeOffsetOfLocalHeader
  if (entry.isEncrypted()) throw passwordProtected(fileName)
  if (header + 30 > buffer.length || buffer.readUInt32LE(header) !== LOCAL_HEADER_SIGNATURE) throw damaged(fileName)
  const start = header + 30 + buffer.readUInt16LE(header + 26) + buffer.readUInt16LE(header + 28)
  const end = start + entry.compressedSize
  if (end > buffer.length) throw damaged(fileName)
  const raw = buffer.subarray(start, end)
  let content: Buffer
  if (entry.compressionMethod === STORED) content = Buffer.from(raw)
  else if (entry.compressionMethod === DEFLATED) {
    try {
      // One byte more than declared is allowed only to tell "too long" from "exactly right".
      content = inflateRawSync(raw, { maxOutputLength: entry.uncompressedSize + 1 })
    } catch (problem) {
      if ((problem as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(fileName, 'a part inflates to more than its header declares')
      throw damaged(fileName)
    }
  } else throw damaged(fileName)
  if (content.length > entry.uncompressedSize) throw bomb(fileName, 'a part inflates to more than its header declares')
  if (content.length < entry.uncompressedSize) throw damaged(fileName)
  return content
}
