// The annex (every recommendation with its status) and the list of correspondence received.
import type { Table } from 'docx'
import type { Status } from '../../../shared/domain/status'
import { formatLongDate } from '../../../shared/domain/dates'
import { gridTable, type ColumnSpec, type TableFrame } from './docx-table'
import type { AnnexRow, CorrespondenceItem } from './summary-model'

/**
 * Light background per status, as in the app's status tags. The status is always written out as
 * well, so the colour only helps; each is light enough for the dark cell text (1A1A1A) to keep a
 * contrast well above 4.5:1 (checked in the tests).
 */
export const STATUS_FILL: Record<Status, string> = {
  Implemented: 'D4EDDA', // green
  'Partially implemented': 'CDEDEA', // teal
  'In progress': 'D6E4F5', // blue
  'Not implemented': 'F5D5D5', // red
  Rejected: 'E4D9F0', // purple
  Superseded: 'E3E3E3', // grey
  'No longer applicable': 'E3E3E3', // grey
  'Not yet assessed': 'FFFFFF', // white
}

// Narrow number column, wide recommendation column. The minimums keep the bold "Number" and the
// longest status word ("implemented") whole, even in a wide font.
const ANNEX_COLUMNS: ColumnSpec[] = [
  { title: 'Number', share: 0.11, minEm: 4.8 },
  { title: 'Recommendation', share: 0.34, flex: true },
  { title: 'Addressees', share: 0.17, minEm: 5.5 },
  { title: 'Status', share: 0.17, minEm: 7 },
  { title: 'Evidence', share: 0.21 },
]

export function annexTable(rows: readonly AnnexRow[], frame: TableFrame): Table {
  return gridTable(
    ANNEX_COLUMNS,
    rows.map((row) => [
      { text: row.number },
      { text: row.recommendation },
      { text: row.addressees },
      { text: row.status, fill: STATUS_FILL[row.status] ?? 'FFFFFF' },
      { text: row.evidence },
    ]),
    frame,
  )
}

const CORRESPONDENCE_COLUMNS: ColumnSpec[] = [
  { title: 'Date', share: 0.22, minEm: 6.5 }, // "September" whole
  { title: 'Organisation', share: 0.33 },
  { title: 'Subject', share: 0.45, flex: true },
]

export function correspondenceTable(
  items: readonly CorrespondenceItem[],
  frame: TableFrame,
): Table {
  return gridTable(
    CORRESPONDENCE_COLUMNS,
    items.map((item) => [
      { text: item.date ? formatLongDate(item.date) : 'Undated' },
      { text: item.organisation },
      // A letter without a subject worth printing is listed by sender and date only.
      { text: item.subject?.trim() ?? '' },
    ]),
    frame,
  )
}
