// `npm run bench [-- --letters N --json --seed S]`: one run that measures import, search,
// export, opening and suggestions at N letters, each figure the median (or p95) of repeated
// trials, side by side with LibreOffice, ripgrep and pandoc where they are installed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../core/create-core'
import { loadDemo } from '../core/demo/load-demo'
import { parseOrganisationsCsv } from '../core/organisations/organisation-service'
import { packSummary } from '../core/summary/build-summary-document'
import { buildSummaryModel } from '../core/summary/summary-model-from-db'
import { resourcesDir } from '../paths'
import { hasCommand, median, medianOf, percentile, runChild, timeMs } from './measure'
import { benchQueries } from './queries'
import { searchProbe, suggestProbe } from './review-probes'
import { largeSummaryModel } from './large-model'
import { summaryMarkdown } from './summary-markdown'
import { writeCorpus, type Sender } from './synthetic-corpus'

interface Figures {
  letters: number
  import_letters_per_s: number | null
  import_vs_libreoffice: number | null
  search_p95_ms: number | null
  search_vs_ripgrep: number | null
  export_ms: number | null
  export_vs_pandoc: number | null
  export_large_ms: number | null
  open_ms: number | null
  suggest_ms: number | null
  import_peak_rss_mb: number | null
  missing_tools: string[]
}

const log = (message: string) => process.stderr.write(`${message}\n`)

async function main() {
  const { values } = parseArgs({ options: { letters: { type: 'string' }, json: { type: 'boolean' }, seed: { type: 'string' }, keep: { type: 'boolean' } } })
  const letters = Number(values.letters ?? 2000)
  const seed = Number(values.seed ?? 20211124)
  const resources = resourcesDir()
  // The CLI as people run it (`progress-desk`, `npm run cli`): through its launcher.
  const cli = join(__dirname, '..', '..', 'bin', 'progress-desk.cjs')
  const work = mkdtempSync(join(tmpdir(), 'progress-desk-bench-'))
  const missing = ['soffice', 'rg', 'pandoc'].filter((tool) => !hasCommand(tool))
  const figures: Figures = { letters, import_letters_per_s: null, import_vs_libreoffice: null, search_p95_ms: null, search_vs_ripgrep: null, export_ms: null, export_vs_pandoc: null, export_large_ms: null, open_ms: null, suggest_ms: null, import_peak_rss_mb: null, missing_tools: missing }
  if (missing.length) log(`Not installed, so not compared: ${missing.join(', ')}`)

  // 1. The corpus: text formats for the import figure, plus text PDFs for the archive.
  const senders: Sender[] = parseOrganisationsCsv(readFileSync(join(resources, 'demo', 'organisations.csv'), 'utf8')).map((o) => ({ name: o.name, domain: o.emailDomains[0] ?? null }))
  const corpusDir = join(work, 'corpus')
  log(`Writing ${letters} synthetic letters…`)
  const corpus = await writeCorpus(corpusDir, { letters, seed, senders })
  const textDir = join(work, 'text-formats')
  const pdfDir = join(work, 'pdfs')
  mkdirSync(textDir)
  mkdirSync(pdfDir)
  for (const file of corpus) writeFileSync(join(file.format === 'pdf' ? pdfDir : textDir, file.file), readFileSync(join(corpusDir, file.file)))

  // 2. Import through the CLI into a fresh database, with the register loaded first.
  const db = join(work, 'bench.sqlite')
  await runChild(process.execPath, [cli, '--db', db, 'organisations', 'import', join(resources, 'demo', 'organisations.csv')])
  const textCount = readdirSync(textDir).length
  log(`Importing ${textCount} letters in text formats through the CLI…`)
  const imported = await runChild(process.execPath, [cli, '--db', db, 'import', textDir, '--json'])
  figures.import_letters_per_s = round(textCount / (imported.ms / 1000))
  figures.import_peak_rss_mb = imported.peakRssMb
  await runChild(process.execPath, [cli, '--db', db, 'import', pdfDir, '--json'])

  // 3. LibreOffice converting the same .docx files to text, against our import of them.
  const docxFiles = readdirSync(textDir).filter((f) => f.endsWith('.docx')).slice(0, 200)
  if (!missing.includes('soffice') && docxFiles.length > 0) {
    log(`Comparing with LibreOffice on ${docxFiles.length} .docx files…`)
    const paths = docxFiles.map((f) => join(textDir, f))
    // Three trials each, the median kept; only the program's own run is timed. Both start warm:
    // our compile cache was filled by the imports above, and LibreOffice's profile is made by
    // one untimed conversion first. Ours imports into a fresh database each time.
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'))
    const soffice = (files: string[]) => runChild('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text', '--outdir', join(work, 'lo-out'), ...files])
    await soffice(paths.slice(0, 1))
    const oursTimes: number[] = []
    const theirTimes: number[] = []
    for (let trial = 0; trial < 3; trial++) {
      oursTimes.push((await runChild(process.execPath, [cli, '--db', join(work, `docx-only-${trial}.sqlite`), 'import', ...paths, '--json'])).ms)
      theirTimes.push((await soffice(paths)).ms)
    }
    rmSync(profile, { recursive: true, force: true })
    const ours = median(oursTimes)
    const theirs = median(theirTimes)
    log(`  ours ${(ours / 1000).toFixed(2)} s, LibreOffice ${(theirs / 1000).toFixed(2)} s (medians of 3)`)
    figures.import_vs_libreoffice = round(theirs / ours)
  }

  // 4. Opening the full database: connection, pragmas and the migration check.
  figures.open_ms = round(
    await medianOf(7, async () => {
      const core = await createCore({ databasePath: db, resourcesDir: resources })
      await core.close()
    }),
  )

  // 5. Search and suggestions over the whole corpus (both from the review workspace's core).
  const core = await createCore({ databasePath: db, resourcesDir: resources })
  const queries = benchQueries(seed, 200)
  const search = await searchProbe(core)
  if (search) {
    const times: number[] = []
    for (const query of queries) times.push(await timeMs(() => search(query.text)))
    figures.search_p95_ms = round(percentile(times, 95))
    if (!missing.includes('rg')) {
      const textsDir = join(work, 'texts')
      mkdirSync(textsDir)
      for (const row of core.connection.sqlite.prepare('SELECT id, body_text FROM letters').iterate() as Iterable<{ id: number; body_text: string }>) writeFileSync(join(textsDir, `${row.id}.txt`), row.body_text)
      let ripgrep = 0
      for (const query of queries) ripgrep += (await runChild('rg', ['-l', '-i', '-F', '--', query.ripgrep, textsDir])).ms
      figures.search_vs_ripgrep = round(ripgrep / times.reduce((a, b) => a + b, 0))
    }
  }
  const suggest = await suggestProbe(core)
  if (suggest) {
    const ids = core.connection.sqlite.prepare('SELECT id FROM letters ORDER BY id LIMIT 50').pluck().all() as number[]
    const times: number[] = []
    for (const id of ids) times.push(await timeMs(() => suggest(id)))
    figures.suggest_ms = round(median(times))
  }
  await core.close()

  // 6. Exporting the demonstration report, against pandoc making a .docx of the same content.
  const demo = await createCore({ databasePath: join(work, 'demo.sqlite'), resourcesDir: resources })
  await loadDemo(demo.ctx, resources)
  const outPath = join(work, 'summary.docx')
  figures.export_ms = round(
    await medianOf(9, async () => {
      writeFileSync(outPath, await packSummary(await buildSummaryModel(demo.ctx, {})))
    }),
  )
  if (!missing.includes('pandoc')) {
    const markdown = join(work, 'summary.md')
    writeFileSync(markdown, summaryMarkdown(await buildSummaryModel(demo.ctx, {})))
    const runs: number[] = []
    for (let i = 0; i < 3; i++) runs.push((await runChild('pandoc', [markdown, '-f', 'markdown', '-t', 'docx', '-o', join(work, 'pandoc.docx')])).ms)
    figures.export_vs_pandoc = round(median(runs) / figures.export_ms)
  }
  await demo.close()
  const large = largeSummaryModel(500, 2000)
  figures.export_large_ms = round(await medianOf(3, async () => packSummary(large)))

  if (!values.keep) rmSync(work, { recursive: true, force: true })
  else log(`Kept the bench folder: ${work}`)
  report(figures, Boolean(values.json))
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

function report(figures: Figures, json: boolean) {
  if (json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`)
    return
  }
  const rows: [string, string, string][] = [
    ['Import (text formats, CLI)', `${figures.import_letters_per_s ?? '–'} letters/s`, '≥ 100'],
    ['  vs LibreOffice (.docx → text)', ratio(figures.import_vs_libreoffice), '≥ 50×'],
    ['  peak memory of the import', `${figures.import_peak_rss_mb ?? '–'} MB`, ''],
    ['Search p95 (with snippets)', ms(figures.search_p95_ms), '≤ 20 ms'],
    ['  vs ripgrep', ratio(figures.search_vs_ripgrep), '≥ 20×'],
    ['Export of the demo report', ms(figures.export_ms), '≤ 300 ms'],
    ['  vs pandoc', ratio(figures.export_vs_pandoc), '> 1×'],
    ['Export, 500 recs / 2 000 footnotes', ms(figures.export_large_ms), '≤ 5 s'],
    ['Open the database', ms(figures.open_ms), '≤ 150 ms'],
    ['Suggestions for one letter', ms(figures.suggest_ms), '≤ 50 ms'],
  ]
  process.stdout.write(`Progress Desk benchmarks at ${figures.letters} letters\n\n`)
  for (const [name, value, goal] of rows) process.stdout.write(`${name.padEnd(34)} ${value.padStart(16)}   ${goal}\n`)
  if (figures.missing_tools.length) process.stdout.write(`\nNot compared (not installed): ${figures.missing_tools.join(', ')}\n`)
}

const ms = (value: number | null) => (value === null ? '–' : `${value} ms`)
const ratio = (value: number | null) => (value === null ? '–' : `${value}×`)

main().catch((error: unknown) => {
  process.stderr.write(`The benchmark failed: ${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
