// What each format is called where people see it (the core decides a file's format from its bytes):
// the one list of names for the letters' and the search's format filters, the reader and the
// comparison, so a format is never called two things.
import type { LetterFormat } from '../../../../shared/domain/dto'

export const FORMAT_LABELS: Record<LetterFormat, string> = {
  txt: 'Plain text',
  docx: 'Word document (.docx)',
  doc: 'Word 97–2003 document (.doc)',
  odt: 'OpenDocument text',
  rtf: 'Rich text',
  html: 'Web page',
  pdf: 'PDF',
  eml: 'E-mail (.eml)',
  msg: 'Outlook e-mail (.msg)',
  png: 'PNG image',
  jpeg: 'JPEG image',
  tiff: 'TIFF image',
}

/** The formats as a filter offers them, in the order above. */
export const FORMAT_OPTIONS = (Object.entries(FORMAT_LABELS) as [LetterFormat, string][]).map(([value, label]) => ({ value, label }))
