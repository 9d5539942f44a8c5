// What pg is given for a team database's URL. The URL's `sslmode` is read here, with libpq's
// meaning (pg on its own treats `require` as `verify-full`, and cannot fall back to plain text as
// `prefer` would), and taken out of the URL so that pg's own reading of it cannot override ours.
import { readFileSync } from 'node:fs'
import type { ConnectionOptions } from 'node:tls'
import { AppError } from '../../../../shared/api/errors'

export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const
export type SslMode = (typeof SSL_MODES)[number]

export interface PostgresClientOptions {
  connectionString: string
  ssl: false | ConnectionOptions
}

/**
 * pg's options for a URL: `disable` (and `allow`/`prefer`, which pg cannot try both ways) connect
 * in plain text; `require` encrypts without checking the certificate (as libpq does, unless
 * `sslrootcert` names a CA: then as `verify-ca`); `verify-ca` checks the chain; `verify-full` the
 * chain and the host name. No sslmode means plain text, as pg's default.
 */
export function postgresClientOptions(url: string, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): PostgresClientOptions {
  const parsed = parseUrl(url)
  const mode = parsed.searchParams.get('sslmode') ?? 'disable'
  const rootCert = parsed.searchParams.get('sslrootcert')
  for (const name of ['sslmode', 'sslrootcert', 'uselibpqcompat']) parsed.searchParams.delete(name)
  if (!(SSL_MODES as readonly string[]).includes(mode)) {
    throw new AppError('invalid_input', `The team database's sslmode “${mode.slice(0, 40)}” is not one of ${SSL_MODES.join(', ')}.`)
  }
  const connectionString = parsed.toString()
  if (mode === 'disable' || mode === 'allow' || mode === 'prefer') return { connectionString, ssl: false }
  const ca = rootCert ? { ca: readCa(readFile, rootCert) } : {}
  if (mode === 'require' && !rootCert) return { connectionString, ssl: { rejectUnauthorized: false } }
  if (mode === 'verify-full') return { connectionString, ssl: { rejectUnauthorized: true, ...ca } }
  // verify-ca, or require with a CA: the chain must lead to the CA, whatever name the server has.
  return { connectionString, ssl: { rejectUnauthorized: true, ...ca, checkServerIdentity: () => undefined } }
}

/** The server a URL names, for sentences: "HOST:PORT/DB", never the user or password. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname.length > 1 ? parsed.pathname : ''}`
  } catch {
    return 'the team database server'
  }
}

/** A database location fit to show: a URL's password left out, a file name as it is. */
export function withoutPassword(location: string): string {
  try {
    const url = new URL(location)
    if (!url.protocol.startsWith('postgres') || !url.password) return location
    url.password = ''
    return url.toString()
  } catch {
    return location
  }
}

function parseUrl(url: string): URL {
  try {
    return new URL(url)
  } catch {
    throw new AppError('invalid_input', 'The team database address is not a valid URL; write it as postgres://USER@HOST:PORT/DATABASE.')
  }
}

function readCa(readFile: (path: string) => string, path: string): string {
  try {
    return readFile(path)
  } catch {
    throw new AppError('file_error', `The certificate authority file ${path} named by sslrootcert could not be read.`)
  }
}
