import { describe, it, expect } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import {
  ANNEX_HEADING,
  CORRESPONDENCE_HEADING,
  buildSummaryDocument,
  packSummary,
} from '../../../src/main/core/summary/build-summary-document'
import { STATUS_FILL } from '../../../src/main/core/summary/annex-table'
import type {
  NarrativeParagraph,
  SummaryModel,
} from '../../../src/main/core/summary/summary-model'
import { formatLongDate } from '../../../src/shared/domain/dates'
import { STATUSES } from '../../../src/shared/domain/status'

// --- a hand-made model -------------------------------------------------------------------------

const cite = (letterId: number, text: string) =>
  ({ kind: 'citation', citation: { letterId, text } }) as const
const text = (t: string, emphasis?: boolean) =>
  ({ kind: 'text', text: t, ...(emphasis ? { emphasis } : {}) }) as const
const para = (...parts: NarrativeParagraph['parts']): NarrativeParagraph => ({
  recommendations: ['1'],
  parts,
})

function sampleModel(overrides: Partial<SummaryModel> = {}): SummaryModel {
  return {
    title: 'Summary of progress made against the report’s recommendations',
    reportTitle: 'Intimidation in Public Life (2017)',
    cycleName: '2021 progress review',
    introduction: [
      'This summary sets out what the bodies we wrote to have told us since our last review.',
      '   ', // blank: must not become an empty paragraph
    ],
    sections: [
      {
        heading: 'Government',
        framing: ['In 2017 we asked the government to act on online intimidation.'],
        paragraphs: [
          para(
            text('The government set out a new regulatory framework for online safety.'),
            cite(1, 'Letter from the Cabinet Office to the Committee, 4 March 2021'),
            text(' It has also consulted on a new electoral offence.'),
            cite(2, 'Letter from the Home Office to the Committee, 12 April 2021'),
          ),
          // One paragraph citing letter 3 twice: the second citation is dropped.
          para(
            text('Candidates’ home addresses are no longer printed on ballot papers.'),
            cite(3, 'E-mail from the local-government department, 2 May 2021'),
            text(' The change applied from the polls of 2 May 2019.'),
            cite(3, 'E-mail from the local-government department, 2 May 2021'),
          ),
        ],
      },
      {
        heading: 'Political parties',
        framing: ['We found that parties needed to do more to protect their candidates.', ''],
        paragraphs: [
          para(
            text('Every party now has a code of conduct. This is '),
            text('a significant step forward', true),
            text('.'),
            cite(4, 'Letter from the Labour Party to the Committee, 3 June 2021'),
            text(' Sanctions range from a warning to expulsion\u0007\uFFFF\uD800 & more <so> on.'),
            cite(5, 'Letter from the Scottish National Party, 7 June 2021'),
          ),
          para(cite(9, 'A citation with no words around it is not a paragraph')),
        ],
      },
      {
        heading: 'Social media companies',
        framing: [],
        paragraphs: [
          para(
            text('All three companies now publish transparency data.'),
            cite(6, 'Letter from Meta to the Committee, 12 May 2021'),
            cite(7, 'Letter from X to the Committee, 14 May 2021'),
          ),
          para(
            text('Google did not say how long it takes to remove reported content.'),
            cite(8, 'Letter from Google to the Committee, 20 May 2021'),
            text(' Meta told us about a permanent reporting channel for MPs.'),
            cite(6, 'Letter from Meta to the Committee, 12 May 2021'),
          ),
        ],
      },
    ],
    annex: [
      {
        number: '1',
        recommendation: 'The government should bring forward legislation on online harms.',
        addressees: 'Government',
        status: 'Partially implemented',
        evidence: 'Letter from the Cabinet Office, 4 March 2021',
      },
      {
        number: '12b',
        recommendation: 'Parties should adopt a joint code of conduct.',
        addressees: 'Political parties',
        status: 'In progress',
        evidence: 'Letter from the Labour Party, 3 June 2021',
      },
      {
        number: '20',
        recommendation: 'Platforms should publish how long they take to remove content.',
        addressees: 'Social media companies',
        status: 'Not implemented',
        evidence: 'Letter from Google, 20 May 2021',
      },
    ],
    correspondence: [
      { date: '2021-03-04', organisation: 'Cabinet Office', subject: 'Online harms' },
      { date: null, organisation: 'Impress', subject: null },
    ],
    footnotes: true,
    page: {
      fontFamily: 'Arial',
      fontSizePt: 12,
      marginsMm: { top: 25, right: 25, bottom: 25, left: 25 },
    },
    properties: {
      title: 'Summary of progress 2021',
      author: 'Committee secretariat',
      date: '2021-07-01',
    },
    ...overrides,
  }
}

// Footnotes expected: 2 + 1 (letter 3 once) + 2 + 2 + 2 (letter 6 again, other paragraph) = 9.
// Letters 6 and 7 cited together share one footnote; letter 3 cited twice in a paragraph once.
const EXPECTED_FOOTNOTES = 8

// --- helpers -----------------------------------------------------------------------------------

async function parts(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer)
  const wanted = ['word/document.xml', 'word/footnotes.xml', 'word/styles.xml', 'docProps/core.xml']
  const out: Record<string, string> = {}
  for (const path of wanted) out[path] = (await zip.file(path)?.async('string')) ?? ''
  return out
}

/** The text of every paragraph with the given style, in document order. */
function paragraphsWithStyle(xml: string, styleId: string): string[] {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []
  return paragraphs
    .filter((p) => p.includes(`<w:pStyle w:val="${styleId}"/>`))
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
}

/** WCAG contrast ratio between two hex colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [0, 2, 4].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const has = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
const hasSoffice = has('soffice') && has('pdftotext')

// --- tests -------------------------------------------------------------------------------------

describe('buildSummaryDocument / packSummary', () => {
  it('writes the title, subtitle and one Heading 1 per section in order', async () => {
    const xml = (await parts(await packSummary(sampleModel())))['word/document.xml']!
    expect(paragraphsWithStyle(xml, 'Title')).toEqual([
      'Summary of progress made against the report’s recommendations',
    ])
    expect(paragraphsWithStyle(xml, 'Subtitle')).toEqual([
      'Intimidation in Public Life (2017) – 2021 progress review',
    ])
    expect(paragraphsWithStyle(xml, 'Heading1')).toEqual([
      'Government',
      'Political parties',
      'Social media companies',
      ANNEX_HEADING,
      CORRESPONDENCE_HEADING,
    ])
  })

  it('makes citations real footnotes, one per letter per paragraph, numbered in order', async () => {
    const files = await parts(await packSummary(sampleModel()))
    const doc = files['word/document.xml']!
    const refs = [...doc.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(refs).toEqual(Array.from({ length: EXPECTED_FOOTNOTES }, (_, i) => i + 1))

    const notes = files['word/footnotes.xml']!
    const ids = [...notes.matchAll(/<w:footnote( w:type="\w+")? w:id="(-?\d+)"/g)]
      .filter((m) => !m[1]) // separator and continuation notes have a type
      .map((m) => Number(m[2]))
    expect(ids).toHaveLength(EXPECTED_FOOTNOTES)
    expect(notes).toContain('Letter from the Cabinet Office to the Committee, 4 March 2021')
    expect(notes).toContain('Letter from Google to the Committee, 20 May 2021')
    expect(notes.match(/E-mail from the local-government department/g)).toHaveLength(1)
    expect(notes).toContain('<w:pStyle w:val="FootnoteText"/>')
    // A paragraph of citations alone is left out, and so is its citation.
    expect(notes).not.toContain('no words around it')
  })

  it('writes the footnote separators as Word does, without a footnote mark', async () => {
    const notes = (await parts(await packSummary(sampleModel())))['word/footnotes.xml']!
    const separators = notes.match(/<w:footnote w:type="\w+" w:id="-?\d+">[\s\S]*?<\/w:footnote>/g)
    expect(separators).toHaveLength(2)
    expect(separators![0]).toContain('<w:separator/>')
    expect(separators![1]).toContain('<w:continuationSeparator/>')
    for (const separator of separators!) expect(separator).not.toContain('footnoteRef')
  })

  it('writes emphasis in italics', async () => {
    const xml = (await parts(await packSummary(sampleModel())))['word/document.xml']!
    expect(xml).toMatch(/<w:r><w:rPr><w:i\/>(<w:iCs\/>)?<\/w:rPr><w:t[^>]*>a significant step forward</)
  })

  it('writes the annex table with a repeating bold header row and the statuses as text', async () => {
    const xml = (await parts(await packSummary(sampleModel())))['word/document.xml']!
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(2) // annex + correspondence
    expect(xml).toContain('<w:cantSplit/>')
    for (const status of ['Partially implemented', 'In progress', 'Not implemented']) {
      expect(xml).toContain(`>${status}</w:t>`)
    }
    expect(xml).toContain(`w:fill="${STATUS_FILL['Not implemented']}"`)
    for (const column of ['Number', 'Recommendation', 'Addressees', 'Status', 'Evidence']) {
      expect(xml).toMatch(new RegExp(`<w:b/>[\\s\\S]{0,80}>${column}</w:t>`))
    }
    // The annex starts on a new page.
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>(<w:[^>]+\/>)*<w:pageBreakBefore\/>/)
    // Grid widths add up to the text width: A4 less two 25 mm margins.
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1]!.matchAll(/w:w="(\d+)"/g)].reduce((sum, w) => sum + Number(w[1]), 0),
    )
    expect(grids).toEqual([11906 - 2 * 1417, 11906 - 2 * 1417])
  })

  it('lists correspondence with long British dates', async () => {
    const xml = (await parts(await packSummary(sampleModel())))['word/document.xml']!
    expect(xml).toContain('>4 March 2021</w:t>')
    expect(xml).toContain('>Undated</w:t>')
    // A letter without a subject is listed by sender and date only.
    expect(xml).not.toContain('No subject given')
    const impressRow = xml.slice(xml.lastIndexOf('<w:tr>'), xml.lastIndexOf('</w:tr>'))
    expect([...impressRow.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(['Undated', 'Impress'])
  })

  it('uses no empty paragraphs for spacing', async () => {
    const xml = (await parts(await packSummary(sampleModel())))['word/document.xml']!
    // A table cell must hold a paragraph, so an empty cell (no subject) is not spacing: cells are left out.
    const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr')).replace(/<w:tc>[\s\S]*?<\/w:tc>/g, '')
    expect(body).not.toMatch(/<w:p\/>/)
    expect(body).not.toMatch(/<w:p>(<w:pPr>[\s\S]*?<\/w:pPr>)?<\/w:p>/)
    expect(body).not.toMatch(/<w:p>(<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>)?(<w:r><w:t[^>]*><\/w:t><\/w:r>)+<\/w:p>/)
  })

  it('strips XML-illegal characters and escapes markup characters', async () => {
    const xml = (await parts(await packSummary(sampleModel())))['word/document.xml']!
    expect(xml).toContain('expulsion &amp; more &lt;so&gt; on.')
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/)
    expect(xml).not.toContain('\uFFFD') // a lone surrogate would have become U+FFFD when encoded
  })

  it('is A4 portrait with the model’s margins and a centred page-number footer', async () => {
    const buffer = await packSummary(sampleModel())
    const xml = (await parts(buffer))['word/document.xml']!
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).not.toContain('w:orient="landscape"')
    expect(xml).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/)
    const zip = await JSZip.loadAsync(buffer)
    const footerPath = Object.keys(zip.files).find((p) => /^word\/footer\d*\.xml$/.test(p))
    const footer = await zip.file(footerPath!)!.async('string')
    expect(footer).toContain('<w:jc w:val="center"/>')
    expect(footer).toContain('PAGE')
    expect(footer).toContain('NUMPAGES')
  })

  it('defines the built-in styles with the model’s font', async () => {
    const styles = (await parts(await packSummary(sampleModel())))['word/styles.xml']!
    for (const id of ['Title', 'Subtitle', 'Heading1', 'Heading2', 'FootnoteText', 'Normal']) {
      expect(styles).toContain(`w:styleId="${id}"`)
    }
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1) // ours replaced docx's
    expect(styles).toContain('w:ascii="Arial"')
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:keepNext\/>[\s\S]*?<\/w:style>/)
    expect(styles).toContain('<w:lang w:val="en-GB"')
  })

  it('sets the document properties from the model, dated from the model', async () => {
    const core = (await parts(await packSummary(sampleModel())))['docProps/core.xml']!
    expect(core).toContain('<dc:title>Summary of progress 2021</dc:title>')
    expect(core).toContain('<dc:creator>Committee secretariat</dc:creator>')
    expect(core).toContain('<cp:lastModifiedBy>Committee secretariat</cp:lastModifiedBy>')
    expect(core).toContain('>2021-07-01T00:00:00Z</dcterms:created>')
    expect(core).toContain('>2021-07-01T00:00:00Z</dcterms:modified>')
  })

  it('is deterministic: the same model gives the same XML', async () => {
    const first = await parts(await packSummary(sampleModel()))
    const second = await parts(await packSummary(sampleModel()))
    expect(second).toEqual(first)
  })

  it('leaves citations out when footnotes are off', async () => {
    const files = await parts(await packSummary(sampleModel({ footnotes: false })))
    expect(files['word/document.xml']).not.toContain('w:footnoteReference')
    expect(files['word/footnotes.xml']).not.toContain('Letter from')
  })

  it('leaves out the annex and the correspondence list when they are switched off', async () => {
    const xml = (await parts(await packSummary(sampleModel({ annex: null, correspondence: null }))))[
      'word/document.xml'
    ]!
    expect(xml).not.toContain('<w:tbl>')
    expect(paragraphsWithStyle(xml, 'Heading1')).toHaveLength(3)
  })

  it('builds a Document without packing (pure function)', () => {
    expect(buildSummaryDocument(sampleModel())).toBeTruthy()
  })

  it('gives every status a light fill on which dark text has a contrast of at least 4.5:1', () => {
    for (const status of STATUSES) {
      expect(contrast(STATUS_FILL[status], '1A1A1A')).toBeGreaterThanOrEqual(4.5)
    }
  })

  it.skipIf(!hasSoffice)(
    'converts to PDF in LibreOffice with its headings and footnotes (skipped when soffice or pdftotext is not installed)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'summary-docx-'))
      try {
        const docx = join(dir, 'summary.docx')
        writeFileSync(docx, await packSummary(sampleModel()))
        const converted = spawnSync(
          'soffice',
          [
            `-env:UserInstallation=file://${join(dir, 'profile')}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            docx,
          ],
          { timeout: 120_000, encoding: 'utf8' },
        )
        const pdf = join(dir, 'summary.pdf')
        expect(existsSync(pdf), converted.stderr).toBe(true)
        expect(readFileSync(pdf).length).toBeGreaterThan(1000)
        const extracted = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
        const words = extracted.stdout.replace(/\s+/g, ' ')
        for (const heading of ['Government', 'Political parties', 'Social media companies']) {
          expect(words).toContain(heading)
        }
        expect(words).toContain(ANNEX_HEADING)
        expect(words).toContain('Letter from Google to the Committee, 20 May 2021')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    150_000,
  )
})

describe('formatLongDate', () => {
  it('writes ISO dates the British way', () => {
    expect(formatLongDate('2021-03-04')).toBe('4 March 2021')
    expect(formatLongDate('2019-12-31T23:30:00Z')).toBe('31 December 2019')
    expect(formatLongDate('2024-02-29')).toBe('29 February 2024')
  })

  it('returns anything that is not a calendar date unchanged', () => {
    expect(formatLongDate('2023-02-29')).toBe('2023-02-29')
    expect(formatLongDate('next Tuesday')).toBe('next Tuesday')
  })
})
