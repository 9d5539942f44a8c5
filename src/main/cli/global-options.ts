// The options before the command: which database (a SQLite file or a team database's URL), who
// acts, and whether to show error details. They apply to every command.
import { defaultActingPerson } from '../acting-person'
import { databaseLocation, defaultDatabasePath } from '../paths'
import { UsageError } from './usage'

export interface GlobalOptions {
  /** A SQLite file's absolute path, or a postgres:// URL as given. */
  databasePath: string
  /** The person the audit rows, history and undo name. */
  actor: string
  debug: boolean
  help: boolean
}

/** Reads the leading options off `args` (which keeps the command and its own options). */
export function takeGlobalOptions(args: string[], env: NodeJS.ProcessEnv = process.env): GlobalOptions {
  const options: GlobalOptions = { databasePath: databaseLocation(defaultDatabasePath()), actor: defaultActingPerson(env), debug: false, help: false }
  while (args[0]?.startsWith('--') || args[0] === '-h') {
    const flag = args.shift()!
    if (flag === '--debug') options.debug = true
    else if (flag === '--help' || flag === '-h') options.help = true
    else if (flag === '--db') {
      const value = args.shift()
      if (!value) throw new UsageError('--db needs a file name or a team database URL (postgres://USER@HOST:PORT/DATABASE).')
      options.databasePath = databaseLocation(value)
    } else if (flag === '--as') {
      const value = args.shift()?.trim()
      if (!value) throw new UsageError('--as needs the name of the person acting.')
      if (value.length > 200) throw new UsageError('--as takes a name of at most 200 characters.')
      options.actor = value
    } else throw new UsageError(`Unknown option ${flag}.`)
  }
  return options
}
