// The bench's --json line: every figure of earlier versions keeps its key, each figure measured
// over trials gets its spread beside it, and the renderer's figures have the keys issue 16 names.
import { describe, expect, it } from 'vitest'
import { emptyFigures, report, setSpread } from '../../../src/main/bench/figures'

describe('bench figures', () => {
  it('prints one JSON line with the old keys, the new renderer keys and a spread for each trial figure', () => {
    const figures = emptyFigures(10, 3, 2, ['pandoc'])
    setSpread(figures, 'search_p95_ms', { median: 12.3456, min: 10, max: 19.999 })
    setSpread(figures, 'view_switch_ms', { median: 80, min: 70, max: 95 })
    figures.largest_rpc_bytes = 2048
    const line = report(figures, true)
    expect(line.endsWith('\n')).toBe(true)
    expect(line.trim().split('\n')).toHaveLength(1)
    const parsed = JSON.parse(line) as Record<string, unknown>
    for (const key of ['letters', 'import_letters_per_s', 'import_vs_libreoffice', 'search_p95_ms', 'search_vs_ripgrep', 'export_ms', 'export_vs_pandoc', 'export_large_ms', 'open_ms', 'suggest_ms', 'import_peak_rss_mb', 'missing_tools', 'letters_first_rows_ms', 'view_switch_ms', 'open_letter_ms', 'largest_rpc_bytes']) {
      expect(parsed).toHaveProperty(key)
    }
    expect(parsed).toMatchObject({ search_p95_ms: 12.35, search_p95_ms_min: 10, search_p95_ms_max: 20, view_switch_ms: 80, view_switch_ms_min: 70, view_switch_ms_max: 95, largest_rpc_bytes: 2048, open_letter_ms: null, trials: 3, cores: 2 })
    expect(parsed.load_average_start).toHaveLength(3)
  })

  it('shows each figure with its spread in the table for people', () => {
    const figures = emptyFigures(10, 3, 2, [])
    setSpread(figures, 'open_letter_ms', { median: 120, min: 100, max: 180 })
    expect(report(figures, false)).toMatch(/Opening a letter +120 ms \[100–180\] +≤ 150 ms/)
  })
})
