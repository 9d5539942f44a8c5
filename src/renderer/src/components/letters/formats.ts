// What each format is called where people see it (the core decides a file's format from its bytes).
import type { LetterFormat } from '../../../../shared/domain/dto'

export const FORMAT_LABELS: Record<LetterFormat, string> = {
  txt: 'Plain text',
  docx: 'Word document',
  doc: 'Word 97–2003 document',
  odt: 'OpenDocument text',
  rtf: 'Rich text',
  html: 'Web page',
  pdf: 'PDF',
  eml: 'E-mail',
  msg: 'Outlook e-mail',
  png: 'PNG image',
  jpeg: 'JPEG image',
  tiff: 'TIFF image',
}
