// Review-workspace benchmark (not a test): `node scripts/bench-review.ts [--letters 50000] [--json] [--keep]`
// (or `--db FILE` to time an existing benchmark database again).
// Builds a database of synthetic letters quickly (direct inserts in one transaction; the FTS5
// triggers index them as usual), links about a third of them, writes narratives, then — in a
// fresh process, as the app would open the file — times through the dispatcher, as the app calls them:
//   - search.query over a mixed set of queries (common and rare words, phrases, prefixes, OR,
//     exclusion, filters, date sort, a second page): p50 / p95 / max per call;
//   - suggestions.forLetter on a sample of letters: mean / p95 per letter;
//   - and, for information, suggestions.forRecommendation, dashboard.get and chase.list.
// Goals: search p95 ≤ 20 ms, suggestions ≤ 50 ms per letter.
// Node 24 runs this file directly; it restarts itself with --experimental-transform-types (the
// core uses TypeScript parameter properties) and loads the sources through scripts/ts-hooks.mjs.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const here = fileURLToPath(import.meta.url)
if (!process.execArgv.includes('--experimental-transform-types')) {
  const child = spawnSync(process.execPath, ['--experimental-transform-types', '--no-warnings', here, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}

const root = join(import.meta.dirname, '..')
await import(pathToFileURL(join(root, 'scripts', 'ts-hooks.mjs')).href)
type CoreModule = typeof import('../src/main/core/create-core')
const { createCore } = (await import(pathToFileURL(join(root, 'src/main/core/create-core.ts')).href)) as CoreModule
const { noHost } = (await import(pathToFileURL(join(root, 'src/main/core/rpc/host.ts')).href)) as typeof import('../src/main/core/rpc/host')
const organisationsModule = (await import(pathToFileURL(join(root, 'src/main/core/organisations/organisation-service.ts')).href)) as typeof import('../src/main/core/organisations/organisation-service')
const recommendationsModule = (await import(pathToFileURL(join(root, 'src/main/core/recommendations/recommendation-import.ts')).href)) as typeof import('../src/main/core/recommendations/recommendation-import')
const cyclesModule = (await import(pathToFileURL(join(root, 'src/main/core/cycles/cycle-service.ts')).href)) as typeof import('../src/main/core/cycles/cycle-service')

const { values } = parseArgs({ options: { letters: { type: 'string' }, json: { type: 'boolean' }, keep: { type: 'boolean' }, seed: { type: 'string' }, db: { type: 'string' }, measure: { type: 'string' } } })
const LETTERS = Number(values.letters ?? 50_000)
const log = (message: string) => process.stderr.write(`${message}\n`)

function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}
const random = rng(Number(values.seed ?? 20210701))
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!

// Ordinary words of correspondence, so that the index has a realistic spread of common and rare terms.
const FILLER = `thank you for your letter of last month which we have considered carefully with colleagues across the organisation we are grateful for the opportunity to
update the committee on the progress we have made since our previous correspondence and we would be happy to meet the secretariat to discuss any of these matters in
more detail our board met in the spring and agreed a programme of work for the coming year covering training guidance reporting governance and engagement with partners
the work is led by a senior official who reports to the chief executive and we have set aside funding for the next financial year we continue to monitor developments
closely and will keep the committee informed as the programme proceeds please do not hesitate to contact my office if further information would be helpful
staff members volunteers stakeholders partners colleagues officials representatives residents communities regions branches offices teams departments agencies
review assessment evaluation survey research evidence findings results figures statistics analysis summary overview framework strategy policy procedure process
approach arrangement protocol standard requirement obligation responsibility accountability oversight scrutiny assurance compliance enforcement sanction penalty
welcome support encourage consider propose recommend introduce establish develop improve strengthen extend expand maintain continue complete deliver implement`.split(/\s+/)

interface Rec {
  number: string
  words: string[]
}

function sentence(words: readonly string[], length: number): string {
  const out: string[] = []
  for (let i = 0; i < length; i++) out.push(pick(words))
  const text = out.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

function letterText(sender: string, date: string, topic: Rec, second: Rec | null): string {
  const paragraphs: string[] = []
  paragraphs.push([sentence(FILLER, 14), sentence(FILLER, 10)].join(' '))
  const onTopic = (rec: Rec) => {
    const mix = [...rec.words, ...rec.words, ...FILLER]
    const cite = random() < 0.15 ? `On recommendation ${rec.number}, ` : ''
    return `${cite}${[sentence(mix, 16), sentence(mix, 12), sentence(FILLER, 9)].join(' ')}`
  }
  paragraphs.push(onTopic(topic))
  if (second) paragraphs.push(onTopic(second))
  paragraphs.push([sentence(FILLER, 12), sentence(FILLER, 8)].join(' '))
  return `${sender}\n\n${date}\n\nDear Chair,\n\n${paragraphs.join('\n\n')}\n\nYours sincerely,\n\nA. Official\n${sender}`
}

const STOP = new Set('the a an of to and or for in on at by be that their they them its it is are should with from as have has this which who what when where while whether so such any all each other than more most'.split(' '))

interface Figures {
  letters: number
  database_mb: number
  search_calls: number
  search_p50_ms: number
  search_p95_ms: number
  search_max_ms: number
  search_cpu_p50_ms: number
  search_cpu_p95_ms: number
  suggest_letters: number
  suggest_mean_ms: number
  suggest_p95_ms: number
  suggest_cpu_mean_ms: number
  suggest_topic_in_top3_or_linked: number
  reverse_suggest_ms: number
  dashboard_ms: number
  chase_list_ms: number
  slowest: { query: string; ms: number }[]
}

/** Writes the synthetic database; returns its path and how long it took. */
async function build(): Promise<{ dir: string; databasePath: string; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'progress-desk-bench-review-'))
  const databasePath = join(dir, 'bench.sqlite')
  const core = await createCore({ databasePath, resourcesDir: join(root, 'resources'), log: () => undefined })
  const demo = (name: string) => readFileSync(join(root, 'resources', 'demo', name), 'utf8')
  await organisationsModule.upsertOrganisations(core.ctx, organisationsModule.parseOrganisationsCsv(demo('organisations.csv')))
  await recommendationsModule.upsertRecommendations(core.ctx, recommendationsModule.parseRecommendationsCsv(demo('recommendations.csv')), { title: 'Intimidation in public life', year: 2017 })
  await cyclesModule.createCycle(core.ctx, { name: '2019 progress review', startsOn: '2019-01-01', endsOn: '2019-12-31' })
  const cycle2021 = await cyclesModule.createCycle(core.ctx, { name: '2021 progress review', startsOn: '2020-06-01', endsOn: '2021-06-30' })

  const { sqlite } = core.connection
  const recs = (sqlite.prepare('SELECT id, number, title, text FROM recommendations').all() as { id: number; number: string; title: string; text: string }[]).map((r) => ({
    id: r.id,
    number: r.number,
    words: `${r.title} ${r.text}`.toLowerCase().split(/[^a-z']+/).filter((w) => w.length > 2 && !STOP.has(w)),
  }))
  const orgs = sqlite.prepare('SELECT id, name FROM organisations').all() as { id: number; name: string }[]

  log(`Writing ${LETTERS.toLocaleString('en-GB')} synthetic letters…`)
  const started = performance.now()
  const insertOriginal = sqlite.prepare('INSERT INTO originals (sha256, size, bytes) VALUES (?, ?, ?)')
  const insertLetter = sqlite.prepare(`INSERT INTO letters (original_sha256, file_name, format, direction, organisation_id, letter_date, subject, body_text, imported_at, import_method)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2021-07-01T09:00:00.000Z', 'cli')`)
  const insertPassage = sqlite.prepare('INSERT INTO passages (letter_id, start_offset, end_offset, quote, created_at) VALUES (?, ?, ?, ?, ?)')
  const insertLink = sqlite.prepare("INSERT INTO links (letter_id, passage_id, recommendation_id, note, created_by, created_at) VALUES (?, ?, ?, NULL, 'bench', '2021-07-01T09:00:00.000Z')")
  const formats = ['txt', 'docx', 'pdf', 'eml'] as const
  sqlite.transaction(() => {
    for (let i = 0; i < LETTERS; i++) {
      const org = pick(orgs)
      const year = 2018 + Math.floor(random() * 4)
      const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
      const topic = pick(recs)
      const second = random() < 0.3 ? pick(recs) : null
      const body = letterText(org.name, date, topic, second)
      const sha = `bench-${i}`
      insertOriginal.run(sha, 8, Buffer.from(sha))
      const letterId = Number(insertLetter.run(sha, `letter-${i}.txt`, pick(formats), random() < 0.05 ? 'outgoing' : 'incoming', org.id, date, `Progress on recommendation ${topic.number}`, body).lastInsertRowid)
      if (random() < 0.35) {
        const start = body.indexOf('\n\n', body.indexOf('Dear Chair')) + 2
        const end = body.indexOf('.', start) + 1
        const passageId = Number(insertPassage.run(letterId, start, end, body.slice(start, end), '2021-07-01T09:00:00.000Z').lastInsertRowid)
        insertLink.run(letterId, passageId, topic.id)
      }
    }
    for (const rec of recs) {
      sqlite.prepare("INSERT INTO assessments (recommendation_id, cycle_id, status, narrative, updated_by, updated_at) VALUES (?, ?, 'In progress', ?, 'bench', '2021-07-01T09:00:00.000Z')").run(rec.id, cycle2021, sentence([...rec.words, ...FILLER], 40))
    }
  })()
  sqlite.pragma('optimize')
  await core.close()
  return { dir, databasePath, seconds: (performance.now() - started) / 1000 }
}

/** Times the calls on an existing database, in this (fresh) process. */
async function measure(databasePath: string): Promise<Figures> {
  const core = await createCore({ databasePath, resourcesDir: join(root, 'resources'), log: () => undefined })
  const { sqlite } = core.connection
  const orgs = sqlite.prepare('SELECT id, name FROM organisations').all() as { id: number; name: string }[]
  const recs = sqlite.prepare('SELECT id FROM recommendations ORDER BY id').all() as { id: number }[]
  const cycle2021 = Number(sqlite.prepare("SELECT id FROM cycles WHERE name = '2021 progress review'").pluck().get())
  const dispatch = core.dispatcher(noHost)
  const call = async (method: string, input: unknown) => {
    const envelope = await dispatch(method, input)
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`)
    return envelope.value
  }
  const twitter = orgs.find((o) => o.name === 'Twitter')!.id
  const searches: { query: string; filters?: Record<string, unknown>; sort?: string; page?: number }[] = [
    { query: 'intimidation' },
    { query: 'code of conduct' },
    { query: '"code of conduct"' },
    { query: 'intimid*' },
    { query: 'ballot OR imprint' },
    { query: 'candidates -police' },
    { query: 'prosecution guidelines' },
    { query: 'aggravating factor sentencing' },
    { query: 'freelance' },
    { query: 'transparency data' },
    { query: 'disciplinary action expulsion' },
    { query: 'single point contact' },
    { query: 'programme' },
    { query: 'thank you for your letter' },
    { query: 'nonexistentword' },
    { query: 'harassment', filters: { organisationId: twitter } },
    { query: 'harassment', filters: { group: 'Political parties' } },
    { query: 'harassment', filters: { dateFrom: '2020-06-01', dateTo: '2021-06-30' } },
    { query: 'harassment', filters: { linked: 'unlinked', kinds: ['letter'] } },
    { query: 'harassment', filters: { status: 'In progress' } },
    { query: 'harassment', filters: { cycleId: cycle2021, format: 'pdf' } },
    { query: 'intimidation', sort: 'date' },
    { query: 'intimidation', page: 2 },
    { query: '', filters: { organisationId: twitter } },
    { query: 'Recommendation 14' },
    { query: 'online safety' },
  ]
  for (const s of searches) await call('search.query', { ...s, pageSize: 20 }) // warm the page cache
  const searchTimes: number[] = []
  // CPU time too: the build machines are shared, and wall time there moves with other people's load.
  const searchCpu: number[] = []
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since)
    return (used.user + used.system) / 1000
  }
  const perQuery: { query: string; ms: number }[] = []
  for (let round = 0; round < 5; round++) {
    for (const s of searches) {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      await call('search.query', { ...s, pageSize: 20 })
      const ms = performance.now() - t0
      searchCpu.push(cpuMs(c0))
      searchTimes.push(ms)
      if (round === 4) perQuery.push({ query: `${s.query}${s.filters ? ` ${JSON.stringify(s.filters)}` : ''}${s.sort ? ` sort=${s.sort}` : ''}${s.page ? ` page=${s.page}` : ''}`, ms })
    }
  }

  const maxId = Number(sqlite.prepare('SELECT max(id) FROM letters').pluck().get())
  const sample = Array.from({ length: 300 }, () => 1 + Math.floor(random() * maxId))
  await call('suggestions.forLetter', { letterId: sample[0] }) // builds the recommendation index once
  const suggestTimes: number[] = []
  const suggestCpu: number[] = []
  let hits = 0
  for (const letterId of sample) {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const suggestions = (await call('suggestions.forLetter', { letterId })) as { recommendationNumber: string }[]
    suggestCpu.push(cpuMs(c0))
    suggestTimes.push(performance.now() - t0)
    const subject = sqlite.prepare('SELECT subject FROM letters WHERE id = ?').pluck().get(letterId) as string
    const linked = sqlite.prepare('SELECT r.number FROM links k JOIN recommendations r ON r.id = k.recommendation_id WHERE k.letter_id = ?').pluck().all(letterId) as string[]
    const topic = subject.replace('Progress on recommendation ', '')
    if (linked.includes(topic) || suggestions.slice(0, 3).some((s) => s.recommendationNumber === topic)) hits++
  }
  const timeOnce = async (method: string, input: unknown) => {
    await call(method, input)
    const t0 = performance.now()
    await call(method, input)
    return performance.now() - t0
  }
  const figures: Figures = {
    letters: Number(sqlite.prepare('SELECT count(*) FROM letters').pluck().get()),
    database_mb: round((Number(sqlite.pragma('page_count', { simple: true })) * Number(sqlite.pragma('page_size', { simple: true }))) / 1048576),
    search_calls: searchTimes.length,
    search_p50_ms: round(percentile(searchTimes, 50)),
    search_p95_ms: round(percentile(searchTimes, 95)),
    search_max_ms: round(Math.max(...searchTimes)),
    search_cpu_p50_ms: round(percentile(searchCpu, 50)),
    search_cpu_p95_ms: round(percentile(searchCpu, 95)),
    suggest_letters: suggestTimes.length,
    suggest_mean_ms: round(suggestTimes.reduce((a, b) => a + b, 0) / suggestTimes.length),
    suggest_p95_ms: round(percentile(suggestTimes, 95)),
    suggest_cpu_mean_ms: round(suggestCpu.reduce((a, b) => a + b, 0) / suggestCpu.length),
    suggest_topic_in_top3_or_linked: round(hits / sample.length),
    reverse_suggest_ms: round(await timeOnce('suggestions.forRecommendation', { recommendationId: recs[0]!.id })),
    dashboard_ms: round(await timeOnce('dashboard.get', {})),
    chase_list_ms: round(await timeOnce('chase.list', {})),
    slowest: [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 5).map((q) => ({ query: q.query, ms: round(q.ms) })),
  }
  await core.close()
  return figures
}

async function main() {
  if (values.measure) {
    // The child: time the calls and hand the figures back as one JSON line.
    process.stdout.write(`${JSON.stringify(await measure(values.measure))}\n`)
    return
  }
  const built = values.db ? { dir: null, databasePath: values.db, seconds: null } : await build()
  if (built.seconds !== null) log(`…in ${built.seconds.toFixed(1)} s.`)
  const child = spawnSync(process.execPath, [...process.execArgv, here, '--measure', built.databasePath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 })
  if (child.status !== 0) throw new Error('the timing run failed')
  const figures = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Figures
  if (built.dir && !values.keep) rmSync(built.dir, { recursive: true, force: true })
  else log(`Database: ${built.databasePath}`)

  const load = loadavg().map((l) => l.toFixed(1)).join(' ')
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...figures, build_seconds: built.seconds === null ? null : round(built.seconds), load_average: load, cpus: availableParallelism() })}\n`)
    return
  }
  process.stdout.write(
    [
      `Review benchmark on ${figures.letters.toLocaleString('en-GB')} letters (${figures.database_mb} MB${built.seconds === null ? '' : `, built in ${round(built.seconds)} s`}; load average ${load} on ${availableParallelism()} CPUs)`,
      `  search.query            p50 ${figures.search_p50_ms} ms   p95 ${figures.search_p95_ms} ms   max ${figures.search_max_ms} ms   (${figures.search_calls} calls; goal p95 ≤ 20 ms)`,
      `                          CPU time p50 ${figures.search_cpu_p50_ms} ms   p95 ${figures.search_cpu_p95_ms} ms`,
      `  suggestions.forLetter   mean ${figures.suggest_mean_ms} ms   p95 ${figures.suggest_p95_ms} ms   CPU mean ${figures.suggest_cpu_mean_ms} ms   (${figures.suggest_letters} letters; goal ≤ 50 ms)`,
      `  suggestions.forRecommendation ${figures.reverse_suggest_ms} ms · dashboard.get ${figures.dashboard_ms} ms · chase.list ${figures.chase_list_ms} ms`,
      `  slowest queries (last round): ${figures.slowest.map((q) => `${q.query} ${q.ms} ms`).join('; ')}`,
      '',
    ].join('\n'),
  )
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

await main()
