// The app:// scheme the window loads the renderer from (instead of file://, where a page may read
// any file and the CSP header never applies). Electron-free, so the path rules are unit-tested:
// a request names a file inside the renderer folder by plain segments, or it is refused.
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './content-security-policy'
import { CONTENT_TYPES } from './content-types'

export const APP_SCHEME = 'app'
export const APP_HOST = 'progress-desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * standard: a real origin, relative URLs and the same-origin policy; secure: a secure context,
 * like https; supportFetchAPI: the renderer's fetch of its own assets; corsEnabled: Vite's module
 * scripts are fetched in CORS mode (same origin here, and no response allows another origin);
 * codeCache: V8 keeps compiled scripts. Deliberately absent: bypassCSP, allowServiceWorkers, stream.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } as const

const PREFIX = `${APP_ORIGIN}/`
const MAX_PATH_LENGTH = 1024
// What the build emits (index.html, assets/index-BQ3_x9.js, fonts): letters, digits and . _ - @ +,
// never a leading dot. No %, so no encoded separator, dot or NUL can get through decoded.
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]*$/
// Windows opens a device, not a file, for these names whatever the extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i

/**
 * The file an app:// URL names inside rendererDir, or null for anything else. Works on the raw
 * URL text: a URL parser would quietly resolve `..` or turn `\` into `/`, hiding an attempt
 * instead of refusing it. Linear in the URL's length, which is capped.
 */
export function resolveRendererPath(rendererDir: string, url: string): string | null {
  if (!url.startsWith(PREFIX) || url.length > PREFIX.length + MAX_PATH_LENGTH) return null
  const end = url.search(/[?#]/)
  const path = url.slice(PREFIX.length, end === -1 ? undefined : end)
  const segments = path === '' ? ['index.html'] : path.split('/')
  if (!segments.every((segment) => SAFE_SEGMENT.test(segment) && !WINDOWS_DEVICE.test(segment))) return null
  const file = join(rendererDir, ...segments)
  const inside = relative(rendererDir, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

const securityHeaders = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }

/** The answer to one app:// request: the file with its type and the CSP, or a bare 404. */
export async function answerAppRequest(rendererDir: string, url: string, read: (file: string) => Promise<Uint8Array> = readFile): Promise<Response> {
  const file = resolveRendererPath(rendererDir, url)
  const body = file ? await read(file).catch(() => null) : null
  if (!file || !body) return new Response('Not found', { status: 404, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...securityHeaders, 'Content-Type': contentTypeOf(file) } })
}
