// A synthetic progress summary of 500 recommendations and 2 000 footnotes, to time the Word
// builder at a size far beyond any real report.
import { STATUSES } from '../../shared/domain/status'
import type { SummaryModel } from '../core/summary/summary-model'

export function largeSummaryModel(recommendations = 500, footnotes = 2000): SummaryModel {
  const groups = ['Government', 'Political parties', 'Policing and prosecution', 'Social media companies', 'Press regulators']
  const perRecommendation = Math.ceil(footnotes / recommendations)
  let letterId = 1
  const sections = groups.map((heading) => ({ heading, framing: [`In the original report the committee found that ${heading.toLowerCase()} had more to do.`], paragraphs: [] as SummaryModel['sections'][number]['paragraphs'] }))
  for (let i = 0; i < recommendations; i++) {
    sections[i % groups.length]!.paragraphs.push({
      recommendations: [String(i + 1)],
      parts: [
        { kind: 'text', text: `On recommendation ${i + 1}, the committee welcomes the steps taken this year and notes what remains outstanding, including the publication of data and a review of guidance.` },
        ...Array.from({ length: perRecommendation }, () => ({ kind: 'citation' as const, citation: { letterId: letterId, text: `Letter from organisation ${letterId++ % 40} to the Committee, 4 March 2021` } })),
      ],
    })
  }
  return {
    title: 'Summary of progress made against the report’s recommendations',
    reportTitle: 'A large synthetic report',
    cycleName: 'Benchmark cycle',
    introduction: ['A synthetic document for timing the Word builder.'],
    sections,
    annex: Array.from({ length: recommendations }, (_, i) => ({ number: String(i + 1), recommendation: `Recommendation ${i + 1}`, addressees: groups[i % groups.length]!, status: STATUSES[i % STATUSES.length]!, evidence: 'Organisation, 4 March 2021' })),
    correspondence: null,
    footnotes: true,
    page: { fontFamily: 'Arial', fontSizePt: 12, marginsMm: { top: 25, right: 25, bottom: 25, left: 25 } },
    properties: { title: 'Benchmark', author: 'Progress Desk', date: '2021-07-01' },
  }
}
