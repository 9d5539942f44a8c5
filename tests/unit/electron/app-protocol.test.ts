// The app:// handler's path rules: a request names a file inside the renderer folder by plain
// segments, or it gets a 404. Electron-free, so this runs the real code.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerAppRequest, APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, resolveRendererPath } from '../../../src/main/security/app-protocol'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, withContentSecurityPolicyMeta } from '../../../src/main/security/content-security-policy'

const root = mkdtempSync(join(tmpdir(), 'progress-desk-renderer-'))
const renderer = join(root, 'renderer')
mkdirSync(join(renderer, 'assets'), { recursive: true })
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Progress Desk</title>')
writeFileSync(join(renderer, 'assets', 'index-BQ3_x9.js'), 'console.log(1)')
writeFileSync(join(root, 'secret.txt'), 'outside')

const HOSTILE = [
  'app://progress-desk/../secret.txt',
  'app://progress-desk/assets/../../secret.txt',
  'app://progress-desk/%2e%2e/secret.txt',
  'app://progress-desk/..%2fsecret.txt',
  'app://progress-desk/..%2Fsecret.txt',
  'app://progress-desk/..%5csecret.txt',
  'app://progress-desk/..%5Csecret.txt',
  'app://progress-desk/%252e%252e/secret.txt',
  'app://progress-desk/..\\secret.txt',
  'app://progress-desk/assets\\..\\..\\secret.txt',
  'app://progress-desk/index.html%00.js',
  'app://progress-desk/index.html\u0000.js',
  'app://progress-desk//etc/passwd',
  'app://progress-desk/C:/Windows/win.ini',
  'app://progress-desk/C:%5cWindows%5cwin.ini',
  'app://progress-desk/%2fetc%2fpasswd',
  'app://progress-desk/.env',
  'app://progress-desk/./index.html',
  'app://progress-desk/assets/',
  'app://progress-desk/CON',
  'app://progress-desk/nul.js',
  'app://progress-desk/index.html::$DATA',
  'app://evil/index.html',
  'app://progress-desk.evil/index.html',
  'app://progress-desk:8080/index.html',
  'file:///etc/passwd',
  'https://progress-desk/index.html',
  `app://progress-desk/${'a/'.repeat(600)}index.html`,
]

describe('resolveRendererPath', () => {
  it('serves the renderer’s own files, index.html for the bare origin, ignoring query and hash', () => {
    expect(resolveRendererPath(renderer, APP_ENTRY_URL)).toBe(join(renderer, 'index.html'))
    expect(resolveRendererPath(renderer, 'app://progress-desk/')).toBe(join(renderer, 'index.html'))
    expect(resolveRendererPath(renderer, 'app://progress-desk/index.html#/letters?x=1')).toBe(join(renderer, 'index.html'))
    expect(resolveRendererPath(renderer, 'app://progress-desk/assets/index-BQ3_x9.js?v=2')).toBe(join(renderer, 'assets', 'index-BQ3_x9.js'))
  })

  it.each(HOSTILE)('refuses %s', (url) => {
    expect(resolveRendererPath(renderer, url)).toBeNull()
  })
})

describe('answerAppRequest', () => {
  it('answers a file with its type, the CSP and nosniff', async () => {
    const response = await answerAppRequest(renderer, 'app://progress-desk/assets/index-BQ3_x9.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('answers 404, with the CSP, for a hostile path and for a missing file, reading nothing outside', async () => {
    const read: string[] = []
    for (const url of ['app://progress-desk/../secret.txt', 'app://progress-desk/missing.js']) {
      const response = await answerAppRequest(renderer, url, async (file) => {
        read.push(file)
        throw new Error('ENOENT')
      })
      expect(response.status).toBe(404)
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    expect(read).toEqual([join(renderer, 'missing.js')])
  })

  it('gives the scheme a secure standard origin without bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true })
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP')
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('allowServiceWorkers')
  })
})

describe('the CSP <meta> of index.html', () => {
  it('is the header’s policy less frame-ancestors (ignored in a meta), filled into the placeholder', () => {
    const html = withContentSecurityPolicyMeta('<head><meta http-equiv="Content-Security-Policy" content="" /></head>')
    expect(html).toBe(`<head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" /></head>`)
    expect(CONTENT_SECURITY_POLICY_META.split('; ')).toEqual(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')))
    expect(() => withContentSecurityPolicyMeta('<head></head>')).toThrow(/placeholder/)
  })
})
