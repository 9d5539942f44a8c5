// Issue 13, class 4: OpenOffice-era files carry public DOCTYPE declarations, in parts the reader
// never parses (formula objects, Basic macros, the 1.x manifest) and sometimes in content.xml
// itself. Those are harmless; entity declarations, internal subsets and DTDs fetched by URL
// are not. Every package is built here with JSZip.
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { extractLetter } from '../../../src/main/core/letters/extract-text'
import { DEFAULT_EXTRACT_LIMITS } from '../../../src/main/core/letters/extractors/types'
import { sniffFormat } from '../../../src/main/core/letters/sniff'

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
const OFFICE_DTD = '<!DOCTYPE office:document-content PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "office.dtd">'
const MATH_DTD = '<!DOCTYPE math:math PUBLIC "-//OpenOffice.org//DTD Modified W3C MathML 1.01//EN" "math.dtd">'
const MANIFEST_DTD = '<!DOCTYPE manifest:manifest PUBLIC "-//OpenOffice.org//DTD Manifest 1.0//EN" "Manifest.dtd">'
const BASIC_DTD = '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">'

async function odt(contentProlog: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' })
  zip.file('content.xml', `<?xml version="1.0" encoding="UTF-8"?>${contentProlog}<office:document-content ${NS}><office:body><office:text><text:p>Dear Chair,</text:p><text:p>Thank you &amp; goodbye.</text:p></office:text></office:body></office:document-content>`)
  for (const [name, xml] of Object.entries(extra)) zip.file(name, xml)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

async function extract(bytes: Uint8Array) {
  const format = sniffFormat(bytes, 'letter.odt')
  return extractLetter({ bytes, format, fileName: 'letter.odt', limits: DEFAULT_EXTRACT_LIMITS })
}

const UNREAD_PARTS = {
  'META-INF/manifest.xml': `<?xml version="1.0" encoding="UTF-8"?>${MANIFEST_DTD}<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest"/>`,
  'Object 1/content.xml': `<?xml version="1.0" encoding="UTF-8"?>${MATH_DTD}<math:math xmlns:math="http://www.w3.org/1998/Math/MathML"/>`,
  'Basic/Standard/Module1.xml': `<?xml version="1.0" encoding="UTF-8"?>${BASIC_DTD}<script:module xmlns:script="http://openoffice.org/2000/script"/>`,
}

describe('OpenDocument with a DOCTYPE', () => {
  it('reads a file with public DOCTYPEs in parts it never reads', async () => {
    expect((await extract(await odt('', UNREAD_PARTS))).text).toBe('Dear Chair,\nThank you & goodbye.')
  })

  it('reads a file whose content.xml has a public DOCTYPE', async () => {
    expect((await extract(await odt(OFFICE_DTD, UNREAD_PARTS))).text).toBe('Dear Chair,\nThank you & goodbye.')
  })

  it('ignores even entity declarations in a part it never reads (it is never parsed)', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">]><lolz>&lol1;</lolz>'
    expect((await extract(await odt('', { 'Object 2/content.xml': laughs }))).text).toBe('Dear Chair,\nThank you & goodbye.')
  })

  const refused: [string, string][] = [
    ['an internal subset', '<!DOCTYPE office:document-content [<!ATTLIST text:p x CDATA "y">]>'],
    ['an entity declaration', '<!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'],
    ['an external DTD named by URL', '<!DOCTYPE office:document-content SYSTEM "http://evil.test/office.dtd">'],
    ['an external DTD named by a file URL', '<!DOCTYPE office:document-content PUBLIC "-//X//EN" "file:///etc/passwd">'],
  ]
  for (const [what, prolog] of refused) {
    it(`refuses content.xml with ${what}, naming the part`, async () => {
      await expect(extract(await odt(prolog))).rejects.toThrow(
        'letter.odt contains a document type declaration (DTD) that declares entities or fetches a file, in content.xml, which genuine Word and OpenDocument files never have; it was refused for safety.',
      )
    })
  }
})
