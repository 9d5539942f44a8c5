// The progress summary as Pandoc markdown (footnotes as [^n], the annex as a pipe table): the same
// content the Word builder writes, so that pandoc's time to make a .docx compares like with like.
import type { SummaryModel } from '../core/summary/summary-model'

export function summaryMarkdown(model: SummaryModel): string {
  const out: string[] = [`% ${model.title}`, '', `*${model.reportTitle} – ${model.cycleName}*`, '']
  const notes: string[] = []
  for (const paragraph of model.introduction) out.push(paragraph, '')
  for (const section of model.sections) {
    out.push(`# ${section.heading}`, '')
    for (const text of section.framing) out.push(text, '')
    for (const paragraph of section.paragraphs) {
      const cited = new Set<number>()
      out.push(
        paragraph.parts
          .map((part) => {
            if (part.kind === 'text') return part.emphasis ? `*${part.text}*` : part.text
            if (!model.footnotes || cited.has(part.citation.letterId)) return ''
            cited.add(part.citation.letterId)
            notes.push(part.citation.text)
            return `[^${notes.length}]`
          })
          .join(''),
        '',
      )
    }
  }
  if (model.annex) {
    out.push('# Annex: recommendations and their status', '', '| Number | Recommendation | Addressees | Status | Evidence |', '|---|---|---|---|---|')
    for (const row of model.annex) out.push(`| ${[row.number, row.recommendation, row.addressees, row.status, row.evidence].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)
    out.push('')
  }
  notes.forEach((note, index) => out.push(`[^${index + 1}]: ${note}`))
  return out.join('\n')
}
