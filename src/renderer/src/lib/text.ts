// Turning stored plain text into what the reader sees, without ever interpreting it as HTML.
import { formatLongDate } from '../../../shared/domain/dates'

/** Paragraphs are separated by blank lines; single line breaks (addresses) stay inside one. */
export function toParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
}

/** "4 March 2021", or a plain dash-free phrase when the date is not known. */
export function longDate(iso: string | null | undefined, unknown = 'Date not known'): string {
  return iso ? formatLongDate(iso) : unknown
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
