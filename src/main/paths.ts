// Where Progress Desk keeps its data, computed without Electron so that the CLI and the desktop
// app agree: the same folder Electron's app.getPath('userData') gives for the product name.
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { isPostgresUrl } from './core/db/postgres/connection'

export const PRODUCT_NAME = 'Progress Desk'
export const DATABASE_FILE_NAME = 'progress-desk.sqlite'

export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME)
}

export function defaultDatabasePath(): string {
  return process.env.PROGRESS_DESK_DB ?? join(userDataDir(), DATABASE_FILE_NAME)
}

/** A database named on a command line or in PROGRESS_DESK_DB: a team database's URL as written, a file made absolute. */
export function databaseLocation(value: string): string {
  return isPostgresUrl(value) ? value : resolve(value)
}

export { withoutPassword as printableDatabase } from './core/db/postgres/client-options'

/** The resources folder: beside the app when packaged, else found upwards from the code. */
export function resourcesDir(start: string = __dirname): string {
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath
  if (packaged && existsSync(join(packaged, 'resources', 'demo'))) return join(packaged, 'resources')
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', 'demo'))) return join(dir, 'resources')
    if (dirname(dir) === dir) throw new Error(`Progress Desk's resources folder was not found above ${start}`)
  }
}
