// The bench's figures: each is the median of its trials, with the lowest and highest trial beside
// it (`<key>_min`, `<key>_max`), since a shared machine moves the figures from run to run. The
// `--json` keys of earlier versions keep their names and meaning (the median).
import { loadavg } from 'node:os'
import type { Spread } from './measure'
import type { MultiClientFigures } from './multi-client'

/** Figures measured over several trials; each also gets `<key>_min` and `<key>_max`. */
export const SPREAD_KEYS = [
  'import_letters_per_s',
  'import_vs_libreoffice',
  'search_p95_ms',
  'search_p50_ms',
  'search_vs_ripgrep',
  'search_vs_ripgrep_without_spawn',
  'ripgrep_spawn_ms',
  'export_ms',
  'export_vs_pandoc',
  'export_large_ms',
  'open_ms',
  'suggest_ms',
  'letters_first_rows_ms',
  'view_switch_ms',
  'open_letter_ms',
  'search_typing_ms',
  'list_page_ms',
  'list_deep_page_ms',
] as const

export type SpreadKey = (typeof SPREAD_KEYS)[number]

export type Figures = { [K in SpreadKey | `${SpreadKey}_min` | `${SpreadKey}_max`]: number | null } & {
  letters: number
  trials: number
  engine: 'sqlite' | 'postgres'
  /** Several reviewers in separate processes at once (`--clients`); null when not asked for. */
  multi_client: MultiClientFigures | null
  import_peak_rss_mb: number | null
  /** The largest answer of one RPC call while the browser part ran, in bytes, and its method. */
  largest_rpc_bytes: number | null
  largest_rpc_method: string | null
  /** The machine's load average (1, 5, 15 minutes) when the bench started and when it ended. */
  load_average_start: number[]
  load_average_end: number[] | null
  cores: number
  missing_tools: string[]
}

export function emptyFigures(letters: number, trials: number, cores: number, missing: string[]): Figures {
  const spreads = Object.fromEntries(SPREAD_KEYS.flatMap((key) => [key, `${key}_min`, `${key}_max`].map((k) => [k, null])))
  return {
    ...(spreads as { [K in SpreadKey | `${SpreadKey}_min` | `${SpreadKey}_max`]: null }),
    letters,
    trials,
    engine: 'sqlite',
    multi_client: null,
    import_peak_rss_mb: null,
    largest_rpc_bytes: null,
    largest_rpc_method: null,
    load_average_start: loadAverage(),
    load_average_end: null,
    cores,
    missing_tools: missing,
  }
}

export function loadAverage(): number[] {
  return loadavg().map(round)
}

/** Records a figure's median and spread, rounded to hundredths. */
export function setSpread(figures: Figures, key: SpreadKey, value: Spread) {
  figures[key] = round(value.median)
  figures[`${key}_min`] = round(value.min)
  figures[`${key}_max`] = round(value.max)
}

export function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** The figures as a table for people, each with its spread and goal; or one JSON line. */
export function report(figures: Figures, json: boolean): string {
  if (json) return `${JSON.stringify(figures)}\n`
  const rows: [string, string, string][] = [
    ['Import (text formats, CLI)', withSpread(figures, 'import_letters_per_s', ' letters/s'), '≥ 300'],
    ['  vs LibreOffice (.docx → text)', withSpread(figures, 'import_vs_libreoffice', '×'), '≥ 50×'],
    ['  peak memory of the import', `${figures.import_peak_rss_mb ?? '–'} MB`, ''],
    ['Search p95 (with snippets)', withSpread(figures, 'search_p95_ms', ' ms'), '≤ 20 ms'],
    ['Search p50', withSpread(figures, 'search_p50_ms', ' ms'), ''],
    ['  vs ripgrep (a spawn per query)', withSpread(figures, 'search_vs_ripgrep', '×'), '≥ 20×'],
    ['  vs ripgrep less its spawn', withSpread(figures, 'search_vs_ripgrep_without_spawn', '×'), ''],
    ['  ripgrep spawn, empty folder', withSpread(figures, 'ripgrep_spawn_ms', ' ms'), ''],
    ['Export of the demo report', withSpread(figures, 'export_ms', ' ms'), '≤ 300 ms'],
    ['  vs pandoc', withSpread(figures, 'export_vs_pandoc', '×'), '> 1×'],
    ['Export, 500 recs / 2 000 footnotes', withSpread(figures, 'export_large_ms', ' ms'), '≤ 5 s'],
    ['Open the database', withSpread(figures, 'open_ms', ' ms'), '≤ 150 ms'],
    ['Suggestions for one letter', withSpread(figures, 'suggest_ms', ' ms'), '≤ 50 ms'],
    ['Letters view, first rows', withSpread(figures, 'letters_first_rows_ms', ' ms'), '≤ 300 ms'],
    ['View switch', withSpread(figures, 'view_switch_ms', ' ms'), '≤ 100 ms'],
    ['Opening a letter', withSpread(figures, 'open_letter_ms', ' ms'), '≤ 150 ms'],
    ['Typing a search (to results)', withSpread(figures, 'search_typing_ms', ' ms'), ''],
    ['Letters list, first page', withSpread(figures, 'list_page_ms', ' ms'), '≤ 50 ms'],
    ['Letters list, deep page (cursor)', withSpread(figures, 'list_deep_page_ms', ' ms'), '≤ 50 ms'],
    ['Largest RPC answer', figures.largest_rpc_bytes === null ? '–' : `${figures.largest_rpc_bytes} B (${figures.largest_rpc_method})`, '≤ 1 MB'],
  ]
  const multi = figures.multi_client
  if (multi) {
    const where = multi.engine === 'sqlite' ? ', one SQLite file' : ''
    rows.push(
      [`${multi.clients} clients for ${multi.seconds} s${where}`, `${multi.ops_per_s} ops/s`, ''],
      ['  p95 of one operation', `${multi.p95_ms} ms (p50 ${multi.p50_ms})`, ''],
      ['  saves accepted / stale refused', `${multi.saves_accepted} / ${multi.stale_refused}`, ''],
      ['  links made / already there', `${multi.links_created} / ${multi.links_already_there}`, ''],
      ['  other errors', String(multi.errors), '0'],
      ['  lost updates', String(multi.lost_updates), '0'],
    )
  }
  const lines = [`Progress Desk benchmarks at ${figures.letters} letters on ${figures.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} (median of ${figures.trials} trials, [lowest–highest])`, '']
  for (const [name, value, goal] of rows) lines.push(`${name.padEnd(36)} ${value.padStart(30)}   ${goal}`)
  lines.push('', `Load average at start ${figures.load_average_start.join(', ')}; at end ${figures.load_average_end?.join(', ') ?? '–'} (${figures.cores} cores)`)
  if (figures.missing_tools.length) lines.push(`Not compared (not installed): ${figures.missing_tools.join(', ')}`)
  return `${lines.join('\n')}\n`
}

function withSpread(figures: Figures, key: SpreadKey, unit: string): string {
  const value = figures[key]
  if (value === null) return '–'
  return `${value}${unit} [${figures[`${key}_min`]}–${figures[`${key}_max`]}]`
}
