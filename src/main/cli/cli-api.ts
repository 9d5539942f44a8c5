// How the CLI reaches the core: like the desktop window and the browser harness, through the
// dispatcher, so every input passes the contract's schemas. File paths named on the command line
// reach the core only as the answers of the CLI's host (where to save, which folder), as a save
// dialog's would.
import { createClient, type Api } from '../../shared/api/client'
import { createCore, freeFilePath, type Core, type Host } from '../core/create-core'

export interface CliIo {
  out(line: string): void
  /** Writes part of a line (output streamed a page at a time); callers that collect lines leave it out. */
  write?(chunk: string): void
  err(line: string): void
  /** Ends a command that runs until interrupted (watch); the process's Ctrl+C when absent. */
  interrupted?: AbortSignal
}

/** What the CLI's host answers when the core asks where to save: paths from the command line. */
export interface HostAnswers {
  savePath?: string
  /** Save under the name the core proposes in this folder, or "name (2)…" when that is taken. */
  saveInFolder?: string
  /** The person said on the command line that an existing file may be replaced (--overwrite). */
  confirmsReplace?: boolean
  folder?: string
}

export interface CliCore {
  core: Core
  /** The typed API, with a host that answers with these paths (and has no others to give). */
  api(answers?: HostAnswers): Api
}

export async function openCliCore(databasePath: string, resourcesDir: string, actor?: string): Promise<CliCore> {
  // The dispatcher answers an unexpected failure with a generic sentence and logs the error; the
  // CLI is run by the person who owns the data, so it says what went wrong (and, with --debug,
  // where), as it always has: the error logged during the call is thrown on.
  let unexpected: unknown = null
  const core = await createCore({ databasePath, resourcesDir, onDamage: 'refuse', log: (_message, error) => (unexpected = error) })
  return {
    core,
    api(answers = {}) {
      const dispatch = core.dispatcher(cliHost(answers), { via: 'cli', ...(actor ? { actor } : {}) })
      return createClient(async (method, input) => {
        unexpected = null
        const envelope = await dispatch(method, input)
        if (!envelope.ok && envelope.error.code === 'internal' && unexpected !== null) throw unexpected
        return envelope
      })
    },
  }
}

function cliHost(answers: HostAnswers): Host {
  const { savePath, saveInFolder, folder } = answers
  return {
    ...(answers.confirmsReplace ? { confirmsReplace: true } : {}),
    chooseSavePath: async (request) => (saveInFolder !== undefined ? freeFilePath(saveInFolder, request.defaultName) : (savePath ?? null)),
    ...(folder === undefined ? {} : { chooseFolder: async () => folder }),
  }
}
