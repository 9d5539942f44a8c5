// The progress-desk command line: a transport like the desktop window and the browser harness.
// It opens the core in-process and calls it through the dispatcher (cli-api.ts), so its input
// passes the same schemas. Its commands, output and exit codes are a stable interface.
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ApiCallError, type Api } from '../../shared/api/client'
import { AppError } from '../../shared/api/errors'
import { createCore, isPostgresUrl, restoreDatabaseFile } from '../core/create-core'
import { resourcesDir } from '../paths'
import { openCliCore, type CliCore, type CliIo, type HostAnswers } from './cli-api'
import { importCommand } from './import-command'
import { lettersListCommand } from './letters-list-command'
import { runBinCommand } from './bin-commands'
import { runRegisterCommand } from './register-commands'
import { runReviewCommand } from './review-commands'
import { runSummaryCommand } from './summary-commands'
import { takeGlobalOptions, type GlobalOptions } from './global-options'
import { migrateCommand, watchCommand } from './team-commands'
import { USAGE, UsageError } from './usage'

export type { CliIo } from './cli-api'

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  write: (chunk) => process.stdout.write(chunk),
  err: (line) => process.stderr.write(`${line}\n`),
}

/** Runs one CLI invocation and returns its exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const args = [...argv]
  let options: GlobalOptions
  try {
    options = takeGlobalOptions(args)
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message)
    throw error
  }
  const { databasePath, actor, debug } = options
  if (options.help) return io.out(USAGE), 0
  const command = args.shift()
  if (!command || command === 'help') return io.out(USAGE), command ? 0 : 2

  let opened: CliCore | null = null
  try {
    // Restoring is the way out of a damaged database, so it must not need to open the current file.
    if (command === 'restore') return await restoreCommand(databasePath, args, io)
    // Moving in reads the archive and writes the team database itself, in one transaction.
    if (command === 'migrate') return await migrateCommand(databasePath, args, io)
    // A damaged file is refused with the way to recover, and left exactly as it is.
    opened = await openCliCore(databasePath, resourcesDir(), actor)
    if (command === 'watch') return await watchCommand(opened, args, io)
    return (await runBinCommand(opened, command, args, io)) ?? (await runRegisterCommand(opened, command, args, io)) ?? (await runCommand(opened, command, args, io))
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message)
    // Expected failures (an AppError, or a call's error envelope) are one sentence already.
    if (error instanceof AppError || error instanceof ApiCallError) io.err(error.message)
    else io.err(`progress-desk failed: ${(error as Error).message ?? String(error)}`)
    if (debug) io.err((error as Error).stack ?? String(error))
    return 1
  } finally {
    await opened?.core.close()
  }
}

function usage(io: CliIo, message: string): number {
  io.err(message)
  io.err(USAGE)
  return 2
}

async function runCommand(opened: CliCore, command: string, args: string[], io: CliIo): Promise<number> {
  const { core, api: connect } = opened
  const api: Api = connect()
  const sub = () => {
    const word = args.shift()
    if (!word) throw new UsageError(`${command} needs a sub-command.`)
    return word
  }
  switch (command) {
    case 'demo': {
      const { demo } = await api.call('app.chooseStart', { choice: 'demo' })
      io.out(`Loaded the demonstration data: ${demo!.organisations} organisations, ${demo!.recommendations} recommendations, ${demo!.letters} letters, ${demo!.links} links, ${demo!.assessments} assessments.`)
      return 0
    }
    case 'organisations': {
      if (sub() !== 'import') throw new UsageError('Did you mean: organisations import FILE.csv?')
      const [file] = parseArgs({ args, allowPositionals: true, options: {} }).positionals
      if (!file) throw new UsageError('organisations import needs a CSV file.')
      const result = await api.call('organisations.importCsv', { csv: await readText(file) })
      io.out(`Organisations: ${result.created} added, ${result.updated} updated.`)
      return 0
    }
    case 'recommendations': {
      if (sub() !== 'import') throw new UsageError('Did you mean: recommendations import FILE.csv?')
      const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { report: { type: 'string' } } })
      if (!positionals[0]) throw new UsageError('recommendations import needs a CSV file.')
      const result = await api.call('recommendations.importCsv', { csv: await readText(positionals[0]), ...(values.report ? { reportTitle: values.report } : {}) })
      io.out(`Recommendations: ${result.created} added, ${result.updated} updated.`)
      return 0
    }
    case 'import':
      return importCommand(api, args, io)
    case 'letters': {
      const word = sub()
      if (word === 'original') return saveOriginalCommand(connect, args, io)
      if (word !== 'list') throw new UsageError('Did you mean: letters list --json?')
      return lettersListCommand(api, args, io)
    }
    case 'groups':
    case 'summary':
    case 'export':
      return runSummaryCommand(opened, command, args, io)
    case 'backup': {
      const [file] = parseArgs({ args, allowPositionals: true, options: {} }).positionals
      if (!file) throw new UsageError('backup needs a file to write the backup to.')
      if (existsSync(resolve(file))) throw new AppError('conflict', `${file} already exists; choose a new file name for the backup.`)
      const { path } = await connect({ savePath: resolve(file) }).call('backup.copy', {})
      io.out(`Backed up ${basename(core.databasePath)} to ${path}.`)
      return 0
    }
    case 'check': {
      const { problems } = await api.call('app.check', {})
      for (const problem of problems) io.err(problem)
      if (problems.length === 0) io.out(`The database ${basename(core.databasePath)} is sound.`)
      return problems.length === 0 ? 0 : 1
    }
    case 'suggest':
    case 'link':
    case 'assess':
    case 'search':
      return runReviewCommand(api, command, args, io)
    default:
      throw new UsageError(`Unknown command ${command}.`)
  }
}

/** Replaces the database with a backup (atomically), then opens it once so that it is migrated. */
async function restoreCommand(databasePath: string, args: string[], io: CliIo): Promise<number> {
  const [file] = parseArgs({ args, allowPositionals: true, options: {} }).positionals
  if (!file) throw new UsageError('restore needs the backup file to restore.')
  if (isPostgresUrl(databasePath)) throw new AppError('conflict', 'A team database is restored by its administrator with pg_restore, not with progress-desk; nothing was changed.')
  const { keptAs } = restoreDatabaseFile(databasePath, resolve(file), new Date())
  await (await createCore({ databasePath, resourcesDir: resourcesDir(), onDamage: 'refuse' })).close()
  io.out(`Restored ${basename(databasePath)} from ${resolve(file)}.${keptAs ? ` The previous file was kept as ${keptAs}.` : ''}`)
  return 0
}

/** Saves a letter's original exactly as the app would open it (same name, same safe writing). */
async function saveOriginalCommand(connect: (answers?: HostAnswers) => Api, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { letter: { type: 'string' }, out: { type: 'string' } } })
  const letterId = Number(values.letter)
  if (!values.letter || !Number.isInteger(letterId) || letterId <= 0) throw new UsageError('letters original needs --letter ID (a letter number from letters list).')
  if (!values.out) throw new UsageError('letters original needs --out FOLDER.')
  const dir = resolve(values.out)
  if (!(await stat(dir).catch(() => null))?.isDirectory()) throw new AppError('file_error', `${dir} is not a folder; create it first or choose another.`)
  const { path } = await connect({ folder: dir }).call('letters.saveOriginal', { id: letterId })
  io.out(path!)
  return 0
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    throw new AppError('file_error', `${file} could not be read; check the name and try again.`)
  }
}
