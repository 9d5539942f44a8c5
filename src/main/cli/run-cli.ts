// The progress-desk command line: the same core as the desktop app, called in-process.
import { existsSync } from 'node:fs'
import { open, readFile, stat, type FileHandle } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/api/errors'
import type { ImportOutcome } from '../../shared/domain/dto'
import { checkArchive } from '../core/backup/check-archive'
import { collectFiles } from './collect-files'
import { runReviewCommand } from './review-commands'
import { USAGE, UsageError } from './usage'
import { replaceWithBackup } from '../core/backup/restore'
import { createCore, type Core } from '../core/create-core'
import { explainSqliteError } from '../core/db/sqlite/sqlite-errors'
import { findCycleByName } from '../core/cycles/cycle-service'
import { loadDemo } from '../core/demo/load-demo'
import { saveOriginal } from '../core/files/open-files'
import { GROUP_BYTES, GROUP_FILES, importGroups, type IncomingFile } from '../core/letters/import-service'
import { loadImportSettings, tooLarge } from '../core/letters/import-settings'
import { listLetters } from '../core/letters/letter-queries'
import { parseOrganisationsCsv, upsertOrganisations } from '../core/organisations/organisation-service'
import { parseRecommendationsCsv, upsertRecommendations } from '../core/recommendations/recommendation-import'
import { exportSummary } from '../core/summary/export-service'
import { defaultDatabasePath, resourcesDir } from '../paths'

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

const processIo: CliIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) }

/** Runs one CLI invocation and returns its exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let debug = false
  let databasePath = defaultDatabasePath()
  const args = [...argv]
  while (args[0]?.startsWith('--')) {
    const flag = args.shift()
    if (flag === '--debug') debug = true
    else if (flag === '--help' || flag === '-h') return io.out(USAGE), 0
    else if (flag === '--db') {
      const value = args.shift()
      if (!value) return usage(io, '--db needs a file name.')
      databasePath = resolve(value)
    } else return usage(io, `Unknown option ${flag}.`)
  }
  const command = args.shift()
  if (!command || command === 'help') return io.out(USAGE), command ? 0 : 2

  let core: Core | null = null
  try {
    // Restoring is the way out of a damaged database, so it must not need to open the current file.
    if (command === 'restore') return await restoreCommand(databasePath, args, io)
    // A damaged file is refused with the way to recover, and left exactly as it is.
    core = await createCore({ databasePath, resourcesDir: resourcesDir(), onDamage: 'refuse' })
    return await runCommand(core, command, args, io)
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message)
    const explained = error instanceof AppError ? error : explainSqliteError(error)
    if (explained) io.err(explained.message)
    else io.err(`progress-desk failed: ${(error as Error).message ?? String(error)}`)
    if (debug) io.err((error as Error).stack ?? String(error))
    return 1
  } finally {
    await core?.close()
  }
}

function usage(io: CliIo, message: string): number {
  io.err(message)
  io.err(USAGE)
  return 2
}

async function runCommand(core: Core, command: string, args: string[], io: CliIo): Promise<number> {
  const { ctx } = core
  const sub = () => {
    const word = args.shift()
    if (!word) throw new UsageError(`${command} needs a sub-command.`)
    return word
  }
  switch (command) {
    case 'demo': {
      const summary = await loadDemo(ctx, resourcesDir())
      io.out(`Loaded the demonstration data: ${summary.organisations} organisations, ${summary.recommendations} recommendations, ${summary.letters} letters, ${summary.links} links, ${summary.assessments} assessments.`)
      return 0
    }
    case 'organisations': {
      if (sub() !== 'import') throw new UsageError('Did you mean: organisations import FILE.csv?')
      const [file] = parseArgs({ args, allowPositionals: true, options: {} }).positionals
      if (!file) throw new UsageError('organisations import needs a CSV file.')
      const result = await upsertOrganisations(ctx, parseOrganisationsCsv(await readText(file)))
      io.out(`Organisations: ${result.created} added, ${result.updated} updated.`)
      return 0
    }
    case 'recommendations': {
      if (sub() !== 'import') throw new UsageError('Did you mean: recommendations import FILE.csv?')
      const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { report: { type: 'string' } } })
      if (!positionals[0]) throw new UsageError('recommendations import needs a CSV file.')
      const result = await upsertRecommendations(ctx, parseRecommendationsCsv(await readText(positionals[0])), values.report ? { title: values.report } : null)
      io.out(`Recommendations: ${result.created} added, ${result.updated} updated.`)
      return 0
    }
    case 'import':
      return importCommand(core, args, io)
    case 'letters': {
      const word = sub()
      if (word === 'original') return saveOriginalCommand(core, args, io)
      if (word !== 'list') throw new UsageError('Did you mean: letters list --json?')
      const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
      const letters = (await listLetters(ctx)).map((l) => ({ id: l.id, organisation: l.organisation, date: l.date, subject: l.subject, file: l.fileName, format: l.format }))
      if (values.json) io.out(JSON.stringify(letters))
      else for (const l of letters) io.out(`${String(l.id).padStart(5)}  ${l.date ?? '(no date)'}  ${(l.organisation ?? '(unknown sender)').padEnd(40)}  ${l.subject ?? l.file}`)
      return 0
    }
    case 'export': {
      const { values } = parseArgs({ args, options: { out: { type: 'string' }, cycle: { type: 'string' }, 'no-annex': { type: 'boolean' }, groups: { type: 'string' } } })
      if (!values.out) throw new UsageError('export needs --out FILE.docx.')
      const out = resolve(values.out)
      const cycleId = values.cycle ? (await findCycleByName(ctx.db, values.cycle)).id : undefined
      const groups = values.groups?.split(';').map((g) => g.trim()).filter(Boolean)
      const result = await exportSummary(ctx, { chooseSavePath: async () => out }, { cycleId, includeAnnex: !values['no-annex'], groups })
      io.out(`Exported the progress summary (${result.sections} sections, ${Math.round(result.bytes / 1024)} KB) to ${result.path}`)
      return 0
    }
    case 'backup': {
      const [file] = parseArgs({ args, allowPositionals: true, options: {} }).positionals
      if (!file) throw new UsageError('backup needs a file to write the backup to.')
      if (existsSync(resolve(file))) throw new AppError('conflict', `${file} already exists; choose a new file name for the backup.`)
      await core.database.backupTo(resolve(file))
      io.out(`Backed up ${basename(core.databasePath)} to ${resolve(file)}.`)
      return 0
    }
    case 'check': {
      const problems = await checkArchive(core.database)
      for (const problem of problems) io.err(problem)
      if (problems.length === 0) io.out(`The database ${basename(core.databasePath)} is sound.`)
      return problems.length === 0 ? 0 : 1
    }
    case 'suggest':
    case 'link':
    case 'assess':
    case 'search':
      return runReviewCommand(ctx, command, args, io)
    default:
      throw new UsageError(`Unknown command ${command}.`)
  }
}

/** Replaces the database with a backup (atomically), then opens it once so that it is migrated. */
async function restoreCommand(databasePath: string, args: string[], io: CliIo): Promise<number> {
  const [file] = parseArgs({ args, allowPositionals: true, options: {} }).positionals
  if (!file) throw new UsageError('restore needs the backup file to restore.')
  const { keptAs } = replaceWithBackup(databasePath, resolve(file), new Date())
  await (await createCore({ databasePath, resourcesDir: resourcesDir(), onDamage: 'refuse' })).close()
  io.out(`Restored ${basename(databasePath)} from ${resolve(file)}.${keptAs ? ` The previous file was kept as ${keptAs}.` : ''}`)
  return 0
}

/** Saves a letter's original exactly as the app would open it (same name, same safe writing). */
async function saveOriginalCommand(core: Core, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { letter: { type: 'string' }, out: { type: 'string' } } })
  const letterId = Number(values.letter)
  if (!values.letter || !Number.isInteger(letterId) || letterId <= 0) throw new UsageError('letters original needs --letter ID (a letter number from letters list).')
  if (!values.out) throw new UsageError('letters original needs --out FOLDER.')
  const dir = resolve(values.out)
  if (!(await stat(dir).catch(() => null))?.isDirectory()) throw new AppError('file_error', `${dir} is not a folder; create it first or choose another.`)
  io.out(await saveOriginal(core.ctx, letterId, dir))
  return 0
}

async function importCommand(core: Core, args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } })
  if (positionals.length === 0) throw new UsageError('import needs at least one file or folder.')
  const { files, unreadable } = await collectFiles(positionals)
  let failed = 0
  const report = (line: ReturnType<typeof importLine>) => {
    if (line.status === 'failed') failed++
    if (values.json) io.out(JSON.stringify(line))
    else if (line.status === 'failed') io.err(`${line.file}: ${line.error}`)
    else io.out(`${line.status === 'duplicate' ? 'duplicate' : 'imported '} ${line.file} → letter ${line.letterId} (${line.organisation ?? 'sender unknown'}, ${line.date ?? 'no date'})`)
  }
  for (const { path, error } of unreadable) report(importLine(path, { file: path, status: 'failed', error }))
  // Files are read a group at a time and reported in order once their group is committed; the
  // next group is read and parsed while one is being stored.
  let reported = 0
  try {
    const { maxFileBytes } = await loadImportSettings(core.ctx.db)
    for await (const { files: group, outcomes } of importGroups(core.ctx, readGroups(files, maxFileBytes), 'cli')) {
      for (const [index, entry] of group.entries()) {
        report(importLine(entry.path, outcomes[index]!))
        reported++
      }
    }
  } catch (fatal) {
    // A failure that ends the whole import (the disk is full, the database is read-only): every
    // file not yet reported gets its line with that reason, so no file is left unaccounted for.
    const error = fatalMessage(fatal)
    io.err(error)
    for (const path of files.slice(reported)) report(importLine(path, { file: path, status: 'failed', error }))
    return 1
  }
  return failed > 0 ? 1 : 0
}

function fatalMessage(error: unknown): string {
  if (error instanceof AppError) return error.message
  const explained = explainSqliteError(error)
  if (explained) return explained.message
  return `The import stopped before this file was stored (${(error as Error).message ?? String(error)}); nothing of it was kept.`
}

/**
 * Reads files from disk a group at a time (GROUP_FILES files, about GROUP_BYTES bytes). A file's
 * size is checked on the open file before it is read, so an oversized file is never loaded.
 */
async function* readGroups(paths: string[], maxFileBytes: number): AsyncGenerator<(IncomingFile & { path: string })[]> {
  for (let start = 0; start < paths.length; ) {
    const group: (IncomingFile & { path: string })[] = []
    let bytes = 0
    while (start < paths.length && group.length < GROUP_FILES && (group.length === 0 || bytes < GROUP_BYTES)) {
      const path = paths[start++]!
      const read = await readWithinLimit(path, maxFileBytes)
      if (typeof read === 'string') group.push({ path, name: basename(path), bytes: new Uint8Array(), readError: read })
      else {
        group.push({ path, name: basename(path), bytes: read })
        bytes += read.length
      }
    }
    yield group
  }
}

/** The file's bytes, or the one-sentence reason it was not read (too large, unreadable). */
async function readWithinLimit(path: string, limit: number): Promise<Uint8Array | string> {
  let handle: FileHandle | null = null
  try {
    handle = await open(path, 'r')
    const { size } = await handle.stat()
    if (size > limit) return tooLarge(basename(path), size, limit)
    return new Uint8Array(await handle.readFile())
  } catch (error) {
    return `${path} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`
  } finally {
    await handle?.close()
  }
}

/**
 * The stable --json line other tools parse: always these keys, in this order. Keys added later
 * (near-duplicate, format, OCR, attachments) come only after them, so older parsers keep working.
 */
function importLine(path: string, outcome: ImportOutcome) {
  const found = outcome.status === 'failed' ? null : outcome
  const imported = outcome.status === 'imported' ? outcome : null
  return {
    file: path,
    status: outcome.status,
    letterId: found?.letterId ?? null,
    organisation: found?.organisation ?? null,
    date: found?.date ?? null,
    subject: found?.subject ?? null,
    error: outcome.status === 'failed' ? outcome.error : null,
    nearDuplicateOf: imported?.nearDuplicateOf ?? null,
    format: imported?.format ?? null,
    ocr: imported?.ocr ?? false,
    attachments: imported?.attachments ?? [],
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    throw new AppError('file_error', `${file} could not be read; check the name and try again.`)
  }
}
