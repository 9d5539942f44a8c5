// The ZIP guard inflates each part itself from the directory's offsets: these archives are
// built with JSZip and then altered byte by byte, as a hostile or damaged file would be.
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readZipSafely } from '../../../src/main/core/letters/extractors/zip-guard'
import { DEFAULT_EXTRACT_LIMITS } from '../../../src/main/core/letters/extractors/types'

const PART = 'word/document.xml'
const XML = `<?xml version="1.0"?><w:document>${'<w:p><w:r><w:t>Dear Chair, thank you for your letter.</w:t></w:r></w:p>'.repeat(200)}</w:document>`

async function zipOf(compression: 'DEFLATE' | 'STORE'): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(PART, XML)
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>')
  return zip.generateAsync({ type: 'nodebuffer', compression })
}

/** Rewrites the declared uncompressed size of the document part, in its local header and the directory. */
function declareSize(zip: Buffer, size: number): Buffer {
  const copy = Buffer.from(zip)
  const named = (at: number) => copy.toString('latin1', at, at + PART.length) === PART
  for (let at = 0; at + 4 <= copy.length; at++) {
    const signature = copy.readUInt32LE(at)
    if (signature === 0x04034b50 && named(at + 30)) copy.writeUInt32LE(size, at + 22)
    if (signature === 0x02014b50 && named(at + 46)) copy.writeUInt32LE(size, at + 24)
  }
  return copy
}

const read = (bytes: Uint8Array) => readZipSafely(bytes, 'letter.docx', DEFAULT_EXTRACT_LIMITS, (name) => name === PART)

describe('reading a ZIP container safely', () => {
  it.each(['DEFLATE', 'STORE'] as const)('returns the kept parts of a sound archive (%s)', async (compression) => {
    const parts = await read(await zipOf(compression))
    expect([...parts.keys()]).toEqual([PART])
    expect(parts.get(PART)?.toString('utf8')).toBe(XML)
  })

  it('refuses a part that inflates to more than its header declares', async () => {
    await expect(read(declareSize(await zipOf('DEFLATE'), 100))).rejects.toThrow(/letter\.docx looks like a ZIP bomb: a part inflates to more than its header declares/)
  })

  it('calls a part that inflates to less than declared damaged, not a bomb', async () => {
    const zip = await zipOf('DEFLATE')
    await expect(read(declareSize(zip, XML.length + 50))).rejects.toThrow(/letter\.docx looks like a document but is damaged/)
  })

  it('calls an archive whose data was cut short damaged', async () => {
    const zip = await zipOf('DEFLATE')
    // Keep the directory (at the end) but blank out the compressed data of the first part.
    const broken = Buffer.from(zip)
    broken.fill(0, 40, 200)
    await expect(read(broken)).rejects.toThrow(/damaged/)
  })
})
