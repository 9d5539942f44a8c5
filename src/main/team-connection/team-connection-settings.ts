// The desktop's "Connect to a team database…" setting, kept in the app's settings file: the
// database's URL without its password, the name the person acts under, and the password encrypted
// by the operating system's credential store (Electron's safeStorage: Keychain, DPAPI, libsecret),
// never in plain text. Electron-free: the caller passes safeStorage in, tests a stand-in.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../../shared/api/errors'
import type { TeamConnectionInput, TeamConnectionView } from '../../shared/api/app-team'
import { isPostgresUrl } from '../core/create-core'

/** The part of Electron's safeStorage this needs. */
export interface SecretStore {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

interface StoredTeamConnection {
  url: string
  displayName: string
  /** base64 of safeStorage.encryptString(password) */
  encryptedPassword?: string
}

/** What the app opens at start: the URL with its password put back, and who acts. */
export interface TeamDatabase {
  databaseUrl: string
  actor: string
}

const KEY = 'teamDatabase'

export function readTeamConnection(settingsFile: string): TeamConnectionView | null {
  const stored = readSettings(settingsFile)[KEY] as StoredTeamConnection | undefined
  return stored ? { url: stored.url, displayName: stored.displayName, hasPassword: Boolean(stored.encryptedPassword) } : null
}

/** The saved connection ready to open, or null when none is saved (the desktop's own file is used). */
export function loadTeamDatabase(settingsFile: string, secrets: SecretStore): TeamDatabase | null {
  const stored = readSettings(settingsFile)[KEY] as StoredTeamConnection | undefined
  if (!stored) return null
  const url = new URL(stored.url)
  if (stored.encryptedPassword) {
    if (!secrets.isEncryptionAvailable()) throw new AppError('file_error', 'The team database password cannot be read because this computer’s credential store is not available; connect to the team database again.')
    url.password = encodeURIComponent(secrets.decryptString(Buffer.from(stored.encryptedPassword, 'base64')))
  }
  return { databaseUrl: url.toString(), actor: stored.displayName }
}

/** Checks and saves the setting; it takes effect the next time Progress Desk starts. */
export function saveTeamConnection(settingsFile: string, input: TeamConnectionInput, secrets: SecretStore): TeamConnectionView {
  const displayName = input.displayName.trim()
  if (!displayName) throw new AppError('invalid_input', 'Give the name your colleagues will see beside your changes.')
  if (!isPostgresUrl(input.url.trim())) throw new AppError('invalid_input', 'The address must start with postgres:// (for example postgres://ann@db.example.org:5432/progress).')
  let url: URL
  try {
    url = new URL(input.url.trim())
  } catch {
    throw new AppError('invalid_input', 'The address is not a valid URL; write it as postgres://USER@HOST:PORT/DATABASE.')
  }
  if (!url.hostname || url.pathname.length <= 1) throw new AppError('invalid_input', 'The address must name the server and the database, as postgres://USER@HOST:PORT/DATABASE.')
  // A password written into the URL is moved into the credential store like a typed one.
  const password = input.password ?? (url.password ? decodeURIComponent(url.password) : undefined)
  url.password = ''
  const stored: StoredTeamConnection = { url: url.toString(), displayName }
  // No password typed for the same address: the one already kept stays.
  const before = readSettings(settingsFile)[KEY] as StoredTeamConnection | undefined
  if (!password && before?.encryptedPassword && before.url === stored.url) stored.encryptedPassword = before.encryptedPassword
  else if (password) {
    if (!secrets.isEncryptionAvailable()) throw new AppError('file_error', 'This computer offers no secure store for the password, so it was not saved; ask your administrator for a connection without a password (a client certificate, say) or for a keyring.')
    stored.encryptedPassword = secrets.encryptString(password).toString('base64')
  }
  writeSettings(settingsFile, { ...readSettings(settingsFile), [KEY]: stored })
  return { url: stored.url, displayName, hasPassword: Boolean(stored.encryptedPassword) }
}

/** Forgets the setting: the next start opens the desktop's own file again. */
export function clearTeamConnection(settingsFile: string): void {
  const { [KEY]: _removed, ...rest } = readSettings(settingsFile)
  writeSettings(settingsFile, rest)
}

function readSettings(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {}
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    throw new AppError('file_error', `The settings file ${file} could not be read; move it aside and set the team database again.`)
  }
}

/** Written beside, then renamed over: a crash leaves the old settings or the new, never half. */
function writeSettings(file: string, settings: Record<string, unknown>): void {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 })
  renameSync(temporary, file)
}
