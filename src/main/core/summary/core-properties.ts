// docProps/core.xml written by us. docx always stamps dcterms:created and dcterms:modified with the
// current time and has no option to set them, so packSummary replaces the part with this one,
// dated from the model: the same model then gives the same document properties.
import { xmlSafe } from './docx-text'

export interface CoreProperties {
  title: string
  subject: string
  creator: string
  description: string
  lastModifiedBy: string
  /** ISO date or timestamp. */
  date: string
}

function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** W3CDTF as Word writes it ("2021-03-04T00:00:00Z"), or null for a value that is not a date. */
export function w3cdtf(iso: string): string | null {
  const dateOnly = /^(\d{4}-\d{2}-\d{2})$/.exec(iso.trim())
  if (dateOnly) return `${dateOnly[1]}T00:00:00Z`
  const parsed = Date.parse(iso) // parses the given string; never reads the clock
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function corePropertiesXml(props: CoreProperties): string {
  const element = (name: string, value: string) =>
    value.trim() === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`
  const stamp = w3cdtf(props.date)
  const dates = stamp
    ? `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`
    : ''
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties' +
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', props.title) +
    element('dc:subject', props.subject) +
    element('dc:creator', props.creator) +
    element('dc:description', props.description) +
    element('cp:lastModifiedBy', props.lastModifiedBy) +
    element('dc:language', 'en-GB') +
    dates +
    '</cp:coreProperties>'
  )
}
