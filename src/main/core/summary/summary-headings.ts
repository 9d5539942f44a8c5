// Headings the summary and its outline share, kept apart from the document builder so that the
// outline does not load the docx library.
export const ANNEX_HEADING = 'Annex: recommendations and their status'
export const CORRESPONDENCE_HEADING = 'Correspondence received'
