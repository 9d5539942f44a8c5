// Search latency and the ripgrep comparison, over the bench's seeded queries.
//
// What is compared with what: a person searching in Progress Desk asks the running app, whose
// core is already open; a person searching with ripgrep runs `rg` in a terminal over a folder of
// the same letters' texts, once per query. So our figure is a call through the dispatcher on the
// open core, and ripgrep's is its whole run, process start included, as a user would time it.
// The start of the process alone (ripgrep over an empty folder) is measured too, and the ratio
// without it is printed beside the first, so the reader sees how much of the gap is the spawn.
//
// Both sides get a warm-up pass first (prepared statements, the page cache of the database and of
// the texts), then `trials` timed passes over every query; each figure is the median of the
// trials, with the lowest and highest. One trial's ratio is the total of ripgrep's runs over
// the total of our searches for the same queries.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Core } from '../core/create-core'
import { percentile, runChild, spread, spreadOf, timeMs, type Spread } from './measure'
import type { BenchQuery } from './queries'

export interface SearchFigures {
  p95: Spread
  p50: Spread
  /** Our total time for all the queries, one per trial. */
  totals: number[]
}

export async function measureSearch(search: (query: string) => Promise<unknown>, queries: BenchQuery[], trials: number): Promise<SearchFigures> {
  for (const query of queries) await search(query.text)
  const p95: number[] = []
  const p50: number[] = []
  const totals: number[] = []
  for (let trial = 0; trial < trials; trial++) {
    const times: number[] = []
    for (const query of queries) times.push(await timeMs(() => search(query.text)))
    p95.push(percentile(times, 95))
    p50.push(percentile(times, 50))
    totals.push(times.reduce((a, b) => a + b, 0))
  }
  return { p95: spread(p95), p50: spread(p50), totals }
}

export interface RipgrepFigures {
  ratio: Spread
  ratioWithoutSpawn: Spread
  spawnMs: Spread
}

/** ripgrep finding each query's plain string in the letters' texts (one file a letter), `trials` times. */
export async function measureRipgrep(core: Core, workDir: string, queries: BenchQuery[], ours: SearchFigures): Promise<RipgrepFigures> {
  const textsDir = join(workDir, 'texts')
  mkdirSync(textsDir, { recursive: true })
  for (const row of core.connection.sqlite.prepare('SELECT id, body_text FROM live_letters').iterate() as Iterable<{ id: number; body_text: string }>) writeFileSync(join(textsDir, `${row.id}.txt`), row.body_text)
  const rg = (pattern: string, dir: string) => runChild('rg', ['-l', '-i', '-F', '--', pattern, dir])

  const empty = mkdtempSync(join(tmpdir(), 'rg-empty-'))
  const spawnMs = await spreadOf(15, () => rg('parliamentary', empty))
  rmSync(empty, { recursive: true, force: true })

  for (const query of queries.slice(0, 5)) await rg(query.ripgrep, textsDir)
  const ratios: number[] = []
  const withoutSpawn: number[] = []
  for (const ourTotal of ours.totals) {
    let total = 0
    for (const query of queries) total += (await rg(query.ripgrep, textsDir)).ms
    ratios.push(total / ourTotal)
    withoutSpawn.push(Math.max(0, total - queries.length * spawnMs.median) / ourTotal)
  }
  return { ratio: spread(ratios), ratioWithoutSpawn: spread(withoutSpawn), spawnMs }
}
