// `npm run bench [-- --letters N --json --seed S --trials T --import-trials I --no-browser
// --db postgres://… --clients C --seconds S]`: one
// run that measures import, search, export, opening, suggestions and the renderer in Chromium at
// N letters, each figure the median (or p95) of repeated trials after a warm-up, with the lowest
// and highest trial beside it, side by side with LibreOffice, ripgrep and pandoc where they are
// installed. The machine's load average is recorded at the start and the end. With `--db URL` the
// same figures are taken on PostgreSQL, in fresh databases the bench makes on that server
// (bench-databases.ts). With `--clients C` the multi-client figure is taken too (multi-client.ts).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../core/create-core'
import { loadDemo } from '../core/demo/load-demo'
import { parseOrganisationsCsv } from '../core/organisations/organisation-service'
import { packSummary } from '../core/summary/build-summary-document'
import { buildSummaryModel } from '../core/summary/summary-model-from-db'
import { resourcesDir } from '../paths'
import { benchDatabases } from './bench-databases'
import { measureBrowser } from './browser-figures'
import { emptyFigures, loadAverage, report, setSpread } from './figures'
import { hasCommand, median, runChild, spread, spreadOf, timeMs } from './measure'
import { benchQueries } from './queries'
import { measureRipgrep, measureSearch } from './search-figures'
import { searchProbe, suggestProbe } from './review-probes'
import { measureListPages } from './list-figures'
import { measureMultiClient } from './multi-client'
import { prepareMultiClient } from './multi-client-setup'
import { isBenchClient, runBenchClient } from './multi-client-worker'
import type { LetterPage } from '../../shared/domain/dto'
import { noHost } from '../core/rpc/host'
import { largeSummaryModel } from './large-model'
import { summaryMarkdown } from './summary-markdown'
import { writeCorpus, type Sender } from './synthetic-corpus'

const log = (message: string) => process.stderr.write(`${message}\n`)

async function main() {
  const { values } = parseArgs({ options: { letters: { type: 'string' }, json: { type: 'boolean' }, seed: { type: 'string' }, keep: { type: 'boolean' }, trials: { type: 'string' }, 'import-trials': { type: 'string' }, 'no-browser': { type: 'boolean' }, db: { type: 'string' }, clients: { type: 'string' }, seconds: { type: 'string' } } })
  const letters = Number(values.letters ?? 2000)
  const seed = Number(values.seed ?? 20211124)
  const trials = Math.max(1, Number(values.trials ?? 3))
  const importTrials = Math.max(1, Number(values['import-trials'] ?? trials))
  const resources = resourcesDir()
  // The CLI as people run it (`progress-desk`, `npm run cli`): through its launcher.
  const cli = join(__dirname, '..', '..', 'bin', 'progress-desk.cjs')
  const work = mkdtempSync(join(tmpdir(), 'progress-desk-bench-'))
  const databases = benchDatabases(values.db, work)
  const missing = ['soffice', 'rg', 'pandoc'].filter((tool) => !hasCommand(tool))
  const figures = emptyFigures(letters, trials, availableParallelism(), missing)
  figures.engine = databases.engine
  if (databases.engine === 'postgres') log('On PostgreSQL: each part works in a fresh database made on that server, dropped at the end.')
  log(`Load average ${figures.load_average_start.join(', ')} on ${figures.cores} cores`)
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

  // 2. Import through the CLI into a fresh database each trial, with the register loaded first.
  //    The last trial's database is the archive the rest of the bench works on.
  const textCount = readdirSync(textDir).length
  const rates: number[] = []
  let db = ''
  for (let trial = 0; trial < importTrials; trial++) {
    db = await databases.fresh(`bench-${trial}`)
    await runChild(process.execPath, [cli, '--db', db, 'organisations', 'import', join(resources, 'demo', 'organisations.csv')])
    log(`Importing ${textCount} letters in text formats through the CLI (trial ${trial + 1} of ${importTrials})…`)
    const imported = await runChild(process.execPath, [cli, '--db', db, 'import', textDir, '--json'])
    rates.push(textCount / (imported.ms / 1000))
    figures.import_peak_rss_mb = Math.max(figures.import_peak_rss_mb ?? 0, imported.peakRssMb ?? 0) || null
    if (trial < importTrials - 1 && databases.engine === 'sqlite') rmSync(db, { force: true })
  }
  setSpread(figures, 'import_letters_per_s', spread(rates))
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
    for (let trial = 0; trial < trials; trial++) {
      oursTimes.push((await runChild(process.execPath, [cli, '--db', await databases.fresh(`docx-only-${trial}`), 'import', ...paths, '--json'])).ms)
      theirTimes.push((await soffice(paths)).ms)
    }
    rmSync(profile, { recursive: true, force: true })
    log(`  ours ${(median(oursTimes) / 1000).toFixed(2)} s, LibreOffice ${(median(theirTimes) / 1000).toFixed(2)} s (medians of ${trials})`)
    setSpread(figures, 'import_vs_libreoffice', spread(oursTimes.map((ours, i) => theirTimes[i]! / ours)))
  }

  // 4. Opening the full database: connection, pragmas and the migration check.
  setSpread(
    figures,
    'open_ms',
    await spreadOf(7, async () => {
      const core = await createCore({ databasePath: db, resourcesDir: resources })
      await core.close()
    }),
  )

  // 5. Search and suggestions over the whole corpus (both from the review workspace's core).
  const core = await createCore({ databasePath: db, resourcesDir: resources })
  const queries = benchQueries(seed, 200)
  const search = await searchProbe(core)
  if (search) {
    log(`Searching (${queries.length} queries, a warm-up pass and ${trials} trials)…`)
    const ours = await measureSearch(search, queries, trials)
    setSpread(figures, 'search_p95_ms', ours.p95)
    setSpread(figures, 'search_p50_ms', ours.p50)
    // ripgrep reads the texts straight from the SQLite file; on PostgreSQL it is not compared.
    if (!missing.includes('rg') && databases.engine === 'sqlite') {
      log('Comparing with ripgrep…')
      const ripgrep = await measureRipgrep(core, work, queries, ours)
      setSpread(figures, 'search_vs_ripgrep', ripgrep.ratio)
      setSpread(figures, 'search_vs_ripgrep_without_spawn', ripgrep.ratioWithoutSpawn)
      setSpread(figures, 'ripgrep_spawn_ms', ripgrep.spawnMs)
    }
  }
  const suggest = await suggestProbe(core)
  if (suggest) {
    const ids = await newestLetterIds(core, 50)
    for (const id of ids.slice(0, 5)) await suggest(id)
    const medians: number[] = []
    for (let trial = 0; trial < trials; trial++) {
      const times: number[] = []
      for (const id of ids) times.push(await timeMs(() => suggest(id)))
      medians.push(median(times))
    }
    setSpread(figures, 'suggest_ms', spread(medians))
  }
  log('Paging the letters list…')
  const list = await measureListPages(core, letters, trials)
  setSpread(figures, 'list_page_ms', list.firstPage)
  setSpread(figures, 'list_deep_page_ms', list.deepPage)

  // Several reviewers at once, each in its own process, on the same archive.
  if (values.clients !== undefined) {
    const clients = Math.max(1, Number(values.clients))
    const seconds = Math.max(1, Number(values.seconds ?? 60))
    log(`${clients} clients saving assessments and linking passages at once for ${seconds} s${databases.engine === 'sqlite' ? ' (on one SQLite file in WAL mode: one desktop, not a team)' : ''}…`)
    const targets = await prepareMultiClient(core, resources)
    const { firstErrors, ...multi } = await measureMultiClient(core, { databasePath: db, resourcesDir: resources, clients, seconds, seed, ...targets, program: { path: __filename, execArgv: [] } })
    figures.multi_client = multi
    if (firstErrors.length) log(`Errors met by the clients: ${firstErrors.join(' | ')}`)
  }
  await core.close()

  // 6. The renderer in Chromium over the harness, on the same database.
  if (!values['no-browser'] && databases.engine === 'postgres') log('The renderer is timed on SQLite only: skipped.')
  else if (!values['no-browser']) {
    log('Timing the renderer in Chromium…')
    const browser = await measureBrowser(db, trials, log)
    if (browser) {
      for (const [key, value] of Object.entries(browser.spreads)) setSpread(figures, key as keyof typeof browser.spreads, value)
      figures.largest_rpc_bytes = browser.largestRpc.bytes
      figures.largest_rpc_method = browser.largestRpc.method
    }
  }

  // 7. Exporting the demonstration report, against pandoc making a .docx of the same content.
  const demo = await createCore({ databasePath: await databases.fresh('demo'), resourcesDir: resources })
  await loadDemo(demo.ctx, resources)
  const outPath = join(work, 'summary.docx')
  const exportTimes = await spreadOf(9, async () => {
    writeFileSync(outPath, await packSummary(await buildSummaryModel(demo.ctx, {})))
  })
  setSpread(figures, 'export_ms', exportTimes)
  if (!missing.includes('pandoc')) {
    const markdown = join(work, 'summary.md')
    writeFileSync(markdown, summaryMarkdown(await buildSummaryModel(demo.ctx, {})))
    const runs = await spreadOf(trials, () => runChild('pandoc', [markdown, '-f', 'markdown', '-t', 'docx', '-o', join(work, 'pandoc.docx')]))
    setSpread(figures, 'export_vs_pandoc', { median: runs.median / exportTimes.median, min: runs.min / exportTimes.median, max: runs.max / exportTimes.median })
  }
  await demo.close()
  const large = largeSummaryModel(500, 2000)
  setSpread(figures, 'export_large_ms', await spreadOf(3, async () => packSummary(large)))

  if (!values.keep) {
    await databases.dropAll()
    rmSync(work, { recursive: true, force: true })
  }
  else log(`Kept the bench folder: ${work}`)
  figures.load_average_end = loadAverage()
  process.stdout.write(report(figures, Boolean(values.json)))
}

/** The ids of the newest letters (the list's first page), on either engine. */
async function newestLetterIds(core: Awaited<ReturnType<typeof createCore>>, count: number): Promise<number[]> {
  const envelope = await core.dispatcher(noHost)('letters.list', { limit: count })
  if (!envelope.ok) throw new Error(`letters.list failed: ${envelope.error.message}`)
  return (envelope.value as LetterPage).rows.map((row) => row.id)
}

// A forked multi-client reviewer runs this same program (multi-client.ts forks it).
if (isBenchClient()) runBenchClient()
else
  main().catch((error: unknown) => {
    process.stderr.write(`The benchmark failed: ${(error as Error).stack ?? String(error)}\n`)
    process.exit(1)
  })
