// Reads a CSV with a header row into records keyed by column name, checking the columns first
// so that a wrong file gets one clear sentence instead of a half-done import.
import { parse } from 'csv-parse/sync'
import { AppError } from '../../../shared/api/errors'

export function readCsv(text: string, requiredColumns: string[], what: string): Record<string, string>[] {
  let records: Record<string, string>[]
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    })
  } catch (error) {
    throw new AppError('invalid_input', `The ${what} file is not valid CSV: ${(error as Error).message}`)
  }
  const first = records[0]
  const missing = first ? requiredColumns.filter((column) => !(column in first)) : requiredColumns
  if (missing.length > 0) {
    throw new AppError('invalid_input', `The ${what} file has no ${missing.join(', ')} column; expected the columns ${requiredColumns.join(',')}.`)
  }
  return records
}

/** Splits a cell holding a list ("Meta; Facebook") into its trimmed, non-empty items. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}
