// Letter-import benchmark (not a test): `node scripts/bench-import.ts [--letters 50000]`.
// Fills a database with synthetic letters (direct inserts, with fingerprints, so the
// near-duplicate index is full size), then times the real CLI (`out/main/cli.js import --json`,
// worker threads included) on text formats (.txt, .eml, .docx), on text PDFs, and on scanned
// A4 pages at 150 dpi read by OCR. Node 24 runs this TypeScript file directly (types stripped).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

type Fixtures = typeof import('../tests/support/letter-fixtures')
type Fingerprint = typeof import('../src/main/core/letters/fingerprint')

const root = join(import.meta.dirname, '..')
const requireHere = createRequire(import.meta.url)
const cli = join(root, 'out', 'main', 'cli.js')
const argLetters = process.argv.indexOf('--letters')
const LETTERS = argLetters > 0 ? Number(process.argv[argLetters + 1]) : 50_000

const WORDS = 'candidate intimidation abuse online election police guidance platform regulator code conduct report recommendation party member campaign statement principle safety harassment threat social media commission prosecution offence consultation response committee standards public life progress review duty care harm content removal transparency data annual publish welcome outstanding implement accept reject local government ballot address'.split(' ')

function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

function sentence(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ')
}

async function main() {
  if (!existsSync(cli)) {
    console.log('Building once (out/main/cli.js is missing)…')
    spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
  }
  const fixtures = (await import(pathToFileURL(join(root, 'tests', 'support', 'letter-fixtures.ts')).href)) as Fixtures
  const fingerprint = (await import(pathToFileURL(join(root, 'src', 'main', 'core', 'letters', 'fingerprint.ts')).href)) as Fingerprint
  const dir = mkdtempSync(join(tmpdir(), 'pd-bench-import-'))
  const db = join(dir, 'bench.sqlite')
  try {
    runCli(db, ['letters', 'list', '--json']) // creates and migrates the database
    console.log(`Machine: ${availableParallelism()} cores, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} at the start.`)
    const fillSeconds = fill(db, LETTERS, fingerprint)
    console.log(`Filled the database with ${LETTERS} synthetic letters in ${fillSeconds.toFixed(1)} s.`)

    // Text formats: a third each of .txt, .eml and .docx, all different letters.
    const next = rng(7)
    const text = join(dir, 'text')
    mkdirSync(text)
    const perFormat = 400
    for (let i = 0; i < perFormat; i++) {
      const lines = ['Home Office', '2 Marsham Street', `${1 + (i % 28)} March 2021`, 'Dear Lord Evans,', `Re: ${sentence(next, 4)}`, sentence(next, 120), sentence(next, 120), 'Yours sincerely,', 'A Person']
      writeFileSync(join(text, `letter-${i}.txt`), lines.join('\n'))
      writeFileSync(join(text, `mail-${i}.eml`), fixtures.eml({ from: 'Policy <policy@homeoffice.gov.uk>', to: 'secretariat@public-standards.gov.uk', date: 'Tue, 2 Mar 2021 10:00:00 +0000', subject: sentence(next, 4), text: lines.slice(3).join('\n') }))
      writeFileSync(join(text, `word-${i}.docx`), await fixtures.docxLetter(lines, [0]))
    }
    // The CLI's own start (loading the app, opening and checking the database) is paid once per
    // run: measured on a run that imports one small letter, and shown apart.
    const single = join(dir, 'single')
    mkdirSync(single)
    writeFileSync(join(single, 'one.txt'), `Home Office\n1 March 2021\n${sentence(next, 60)}`)
    const startup = timeImport(db, single)
    console.log(`CLI start-up and one letter: ${startup.seconds.toFixed(2)} s wall, ${startup.cpuSeconds.toFixed(2)} CPU-seconds.`)
    const textRun = timeImport(db, text)
    const steady = { seconds: textRun.seconds - startup.seconds, cpuSeconds: textRun.cpuSeconds - startup.cpuSeconds }
    console.log(`Text formats (.txt, .eml, .docx): ${textRun.imported} letters into a ${LETTERS}-letter database: ${rate(textRun.imported, textRun, 'letters')} including start-up; ${rate(textRun.imported - 1, steady, 'letters')} once started.`)

    // Text PDFs: 20 documents of 10 pages.
    const pdfs = join(dir, 'pdf')
    mkdirSync(pdfs)
    const pages = 10
    for (let i = 0; i < 20; i++) {
      writeFileSync(join(pdfs, `report-${i}.pdf`), fixtures.minimalPdf(Array.from({ length: pages }, () => Array.from({ length: 40 }, () => sentence(next, 12)))))
    }
    const pdfRun = timeImport(db, pdfs)
    console.log(`Text PDFs: ${pdfRun.imported * pages} pages, ${rate(pdfRun.imported * pages, pdfRun, 'pages')}.`)

    // OCR: full A4 pages of text, drawn at 150 dpi (needs pdftoppm from poppler).
    if (!fixtures.HAS_PDFTOPPM) {
      console.log('OCR: skipped (pdftoppm is not installed, so no scanned pages can be drawn).')
    } else {
      // A typical letter page (about 300 words) and a full page of dense text (about 500 words).
      for (const [label, lines] of [['a letter page, about 300 words', 27], ['a dense full page, about 500 words', 44]] as const) {
        const scans = join(dir, `scans-${lines}`)
        mkdirSync(scans)
        const count = 4
        for (let i = 0; i < count; i++) {
          const page = ['College of Policing', `${10 + i} May 2021`, 'Dear Lord Evans,', ...Array.from({ length: lines }, () => sentence(next, 11))]
          writeFileSync(join(scans, `scan-${i}.png`), fixtures.pdfToImage(fixtures.minimalPdf([page]), 'png', 150)!)
        }
        const run = timeImport(db, scans)
        const perPage = { seconds: (run.seconds - startup.seconds) / Math.max(1, run.imported), cpuSeconds: (run.cpuSeconds - startup.cpuSeconds) / Math.max(1, run.imported) }
        console.log(`OCR, A4 at 150 dpi, ${label}: ${perPage.seconds.toFixed(2)} s wall, ${perPage.cpuSeconds.toFixed(2)} CPU-seconds a page over ${run.imported} pages (start-up excluded; the first page also loads the English model, about 0.5 s).`)
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    rmSync(CPU_PRELOAD_DIR, { recursive: true, force: true })
  }
}

/**
 * A preload that reports the CLI's CPU time (all its threads) when it exits: on a shared, busy
 * machine, wall time says more about the neighbours than about Progress Desk.
 */
// In a folder made afresh (mode 0700), never at a predictable path in the shared temporary folder
// where another user could plant code for the CLI to --require.
const CPU_PRELOAD_DIR = mkdtempSync(join(tmpdir(), 'pd-bench-cpu-'))
const CPU_PRELOAD = join(CPU_PRELOAD_DIR, 'cpu-usage.cjs')
writeFileSync(CPU_PRELOAD, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\nCPU-SECONDS ' + (u.user + u.system) / 1e6 + '\\n') })\n")

function runCli(db: string, args: string[]): { stdout: string; cpuSeconds: number } {
  const run = spawnSync(process.execPath, ['--require', CPU_PRELOAD, cli, '--db', db, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (run.status !== 0 && run.status !== 1) throw new Error(`progress-desk ${args.join(' ')} failed: ${run.stderr}`)
  return { stdout: run.stdout, cpuSeconds: Number(/CPU-SECONDS ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN) }
}

function timeImport(db: string, path: string): { imported: number; seconds: number; cpuSeconds: number } {
  const start = process.hrtime.bigint()
  const { stdout, cpuSeconds } = runCli(db, ['import', '--json', path])
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const lines = stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { status: string; error: string | null })
  const failed = lines.filter((l) => l.status === 'failed')
  if (failed.length > 0) console.log(`  (${failed.length} failed, e.g. ${failed[0]!.error})`)
  return { imported: lines.filter((l) => l.status === 'imported').length, seconds, cpuSeconds }
}

const rate = (count: number, run: { seconds: number; cpuSeconds: number }, unit: string) =>
  `${(count / run.seconds).toFixed(0)} ${unit}/s wall (${run.seconds.toFixed(2)} s), ${(count / run.cpuSeconds).toFixed(0)} ${unit} per CPU-second`

/** Direct inserts in one transaction: letters, originals, FTS (by trigger) and fingerprints. */
function fill(path: string, letters: number, fingerprint: Fingerprint): number {
  const Database = requireHere('better-sqlite3') as typeof import('better-sqlite3')
  const sqlite = new Database(path)
  const start = process.hrtime.bigint()
  const next = rng(42)
  // A register of 40 organisations, the letters spread over them, as in a real database.
  const organisation = sqlite.prepare("INSERT INTO organisations (name, group_id, created_at) VALUES (?, (SELECT min(id) FROM stakeholder_groups), '2024-01-01')")
  const domain = sqlite.prepare('INSERT INTO organisation_domains (organisation_id, domain) VALUES (?, ?)')
  const organisations: number[] = []
  sqlite.transaction(() => {
    for (let i = 0; i < 40; i++) {
      const id = Number(organisation.run(`Organisation ${i}`).lastInsertRowid)
      domain.run(id, `organisation-${i}.org.uk`)
      organisations.push(id)
    }
  })()
  const original = sqlite.prepare('INSERT INTO originals (sha256, size, bytes) VALUES (?, ?, ?)')
  const letter = sqlite.prepare("INSERT INTO letters (original_sha256, file_name, format, organisation_id, letter_date, subject, body_text, imported_at, import_method) VALUES (?, ?, 'txt', ?, ?, ?, ?, '2024-01-01T00:00:00.000Z', 'bench')")
  const print = sqlite.prepare('INSERT INTO letter_fingerprints (letter_id, signature) VALUES (?, ?)')
  const band = sqlite.prepare('INSERT OR IGNORE INTO letter_fingerprint_bands (band_key, letter_id) VALUES (?, ?)')
  sqlite.transaction(() => {
    for (let i = 0; i < letters; i++) {
      const body = `Synthetic letter ${i}\n${sentence(next, 90)}`
      const bytes = Buffer.from(body)
      const sha = createHash('sha256').update(bytes).digest('hex')
      original.run(sha, bytes.length, bytes)
      const id = Number(letter.run(sha, `synthetic-${i}.txt`, organisations[i % organisations.length], `20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`, sentence(next, 5), body).lastInsertRowid)
      const signature = fingerprint.signatureOf(body)
      if (!signature) continue
      print.run(id, fingerprint.toBlob(signature))
      for (const key of fingerprint.bandKeys(signature)) band.run(key, id)
    }
  })()
  sqlite.close()
  return Number(process.hrtime.bigint() - start) / 1e9
}

await main()
