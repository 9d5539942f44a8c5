import { describe, expect, it } from 'vitest'
import { segmentText } from '../../../src/renderer/src/lib/highlights'
import { reflowForReading } from '../../../src/renderer/src/lib/reflow'

// A letter as pdf.js gives it: an address block, a paragraph hard-wrapped near 70 characters, a
// list, a short closing line and a sign-off.
const PDF = [
  'Cabinet Office',
  '70 Whitehall',
  'London SW1A 2AS',
  '',
  'Thank you for your letter of 3 March about the recommendations in your',
  'report on intimidation in public life. We have now published guidance for',
  'candidates and their agents on reporting abuse to the police, and we will',
  'review it after the May elections.',
  '',
  'We have done three things:',
  '- asked every force to name an elections contact for candidates;',
  '- written to returning officers about the home address rules; and',
  '1) published the joint statement with the Electoral Commission today.',
  '',
  'Yours sincerely,',
  'Alex Example',
].join('\n')

describe('reflowForReading', () => {
  it('joins the lines of a hard-wrapped paragraph and keeps every other break', () => {
    const shown = reflowForReading(PDF)
    expect(shown).toContain('recommendations in your report on intimidation in public life. We have now published guidance for candidates')
    expect(shown).toContain('the police, and we will review it after the May elections.\n\nWe have done')
    expect(shown).toContain('Cabinet Office\n70 Whitehall\nLondon SW1A 2AS\n')
    expect(shown).toContain('three things:\n- asked')
    expect(shown).toContain('candidates;\n- written')
    expect(shown).toContain('rules; and\n1) published')
    expect(shown).toContain('Yours sincerely,\nAlex Example')
  })

  it('keeps every offset: same length, and only line breaks turned into spaces', () => {
    const crlf = PDF.replace(/\n/g, '\r\n')
    for (const text of [PDF, crlf]) {
      const shown = reflowForReading(text)
      expect(shown.length).toBe(text.length)
      for (let i = 0; i < text.length; i++) if (shown[i] !== text[i]) expect([text[i], shown[i]]).toSatisfy(([from, to]) => (from === '\n' || from === '\r') && to === ' ')
      expect(shown).toContain(text === crlf ? 'in your  report on intimidation' : 'in your report on intimidation')
    }
  })

  it('puts highlights at the stored offsets: a passage across a joined break covers the same words', () => {
    const start = PDF.indexOf('published guidance')
    const end = PDF.indexOf('to the police') + 'to the police'.length
    const passage = { id: 1, start, end, quote: null, links: [], colour: 0, lost: false }
    const paragraphs = segmentText(reflowForReading(PDF), { passages: [passage], search: [], pending: null, suggested: null })
    const marked = paragraphs.flatMap((p) => p.segments).filter((s) => s.passages.includes(1))
    expect(marked.map((s) => [s.start, s.end])).toEqual([[start, end]])
    expect(marked[0]!.text).toBe(PDF.slice(start, end).replace(/\n/g, ' '))
    expect(paragraphs.map((p) => [p.start, p.end])).toEqual(segmentText(PDF, { passages: [], search: [], pending: null, suggested: null }).map((p) => [p.start, p.end]))
  })

  it('leaves a letter typed without hard wraps alone', () => {
    const typed = ['Dear Chair,', '', 'A'.repeat(400) + '.', '', 'B'.repeat(350) + '.', '', 'Yours sincerely,', 'Jo'].join('\n')
    expect(reflowForReading(typed)).toBe(typed)
  })

  it('reads a very long letter in one linear pass', () => {
    const long = `${'word '.repeat(14)}\n`.repeat(100_000)
    const shown = reflowForReading(long)
    expect(shown.length).toBe(long.length)
    expect(shown.includes('\n')).toBe(true)
  })
})
