// The letters' bin from the CLI, over the dispatcher (the same rules, audit and undo as the app):
// letters delete / restore / purge --letter ID, letters bin [--json]. The forms and the --json
// output are a stable interface other tools rely on.
import { parseArgs } from 'node:util'
import type { BinnedLetter } from '../../shared/domain/dto'
import type { CliCore, CliIo } from './cli-api'
import { UsageError } from './usage'

type Call = (method: string, input: unknown) => Promise<unknown>

const BIN_COMMANDS = new Set(['delete', 'restore', 'purge', 'bin'])

/** Runs `letters delete|restore|purge|bin`; null for any other command (the others run it). */
export async function runBinCommand(opened: CliCore, command: string, args: string[], io: CliIo): Promise<number | null> {
  const sub = args[0]
  if (command !== 'letters' || sub === undefined || !BIN_COMMANDS.has(sub)) return null
  const api = opened.api()
  // A refused call throws ApiCallError with the core's one sentence; run-cli prints it.
  const call: Call = (method, input) => api.call(method as never, input as never)
  const rest = args.slice(1)
  if (sub === 'bin') return listBin(call, rest, io)
  const id = letterOption(rest)
  if (sub === 'delete') {
    const { deleted } = (await call('letters.delete', { id })) as { deleted: number[] }
    io.out(`Moved ${lettersNamed(deleted)} to the bin.`)
  } else if (sub === 'restore') {
    const { restored } = (await call('letters.restore', { id })) as { restored: number[] }
    io.out(`Restored ${lettersNamed(restored)} from the bin.`)
  } else {
    const { purged } = (await call('letters.purge', { id })) as { purged: number[] }
    io.out(`Purged ${lettersNamed(purged)} for good.`)
  }
  return 0
}

function letterOption(args: string[]): number {
  const { values } = parseArgs({ args, options: { letter: { type: 'string' } } })
  if (values.letter === undefined) throw new UsageError('This command needs --letter ID.')
  const id = Number(values.letter)
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--letter needs a letter’s id (a whole number), not “${values.letter}”.`)
  return id
}

function lettersNamed(ids: number[]): string {
  return ids.length === 1 ? `letter ${ids[0]}` : `letters ${ids.join(', ')}`
}

async function listBin(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
  const letters = (await call('letters.bin', {})) as BinnedLetter[]
  if (values.json) {
    io.out(JSON.stringify(letters))
    return 0
  }
  if (letters.length === 0) io.out('The bin is empty.')
  for (const l of letters) io.out(`${l.id}\t${l.date ?? 'undated'}\t${l.organisation ?? 'unknown sender'}\t${l.subject ?? l.fileName}\tdeleted ${l.deletedAt} by ${l.deletedBy ?? 'unknown'}`)
  return 0
}
