// Which subject lines the "Correspondence received" list prints. A letter without a subject is
// listed by sender and date only; so is one whose "subject" is only a date (inference sometimes
// takes the date line of a letterhead for it) or a placeholder such as "(no subject)", since
// printing those says nothing and looks like an error in a published document.
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?'
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]{0,6}\\.?,?\\s+)?'
const DATE_ONLY = new RegExp(
  '^(?:date:\\s*)?' +
    WEEKDAY +
    '(?:' +
    `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}` + // 14 March 2019
    `|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}` + // March 14, 2019
    `|${MONTH}\\s+\\d{4}` + // March 2019
    '|\\d{4}-\\d{1,2}-\\d{1,2}' + // 2019-03-14
    '|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}' + // 14/03/2019
    ')$',
  'i',
)
const PLACEHOLDER = /^[([]?\s*(?:no subject(?: given)?|untitled|none|n\/a)\s*[)\]]?$/i

/** The subject to print, or null when the letter is to be listed by sender and date only. */
export function subjectWorthListing(subject: string | null): string | null {
  // Subjects are short; a stored one is at most a line, but the check is bounded all the same.
  const text = (subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 300)
  if (text === '' || DATE_ONLY.test(text) || PLACEHOLDER.test(text)) return null
  return text
}
