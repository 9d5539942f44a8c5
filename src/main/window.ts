// The main window and the rules that keep its web content in its box: Electron's security
// checklist (context isolation, sandbox, no Node in the page, CSP, no navigation, no new windows,
// no permissions, links out only through openExternalSafely).
import { BrowserWindow, protocol, session, shell } from 'electron'
import { answerAppRequest, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './security/app-protocol'
import { CONTENT_SECURITY_POLICY } from './security/content-security-policy'
import { openExternalSafely } from './security/external-links'
import { originOf } from './security/trusted-sender'

export interface WindowTarget {
  preloadPath: string
  /** The Vite dev server's URL in development, else APP_ENTRY_URL (served by serveRenderer). */
  rendererUrl: string
}

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // Chromium would download spelling dictionaries, and the app is offline.
  spellcheck: false,
} as const

/** Must run before the app is ready: app:// gets a real origin and a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
}

/** Serves the built renderer folder on app:// (after ready), with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url))
}

export function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

export function createMainWindow(target: WindowTarget): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Progress Desk',
    backgroundColor: '#ffffff',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: target.preloadPath },
  })
  const contents = window.webContents
  // New windows never open inside the app; safe links go to the system browser or mail client.
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely((u) => shell.openExternal(u), url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  window.once('ready-to-show', () => window.show())
  void window.loadURL(target.rendererUrl)
  return window
}

/** The one origin the IPC transport answers: app://progress-desk, or the dev server's. */
export function trustedOrigin(target: WindowTarget): string {
  const origin = originOf(target.rendererUrl)
  if (!origin) throw new Error(`The renderer URL ${target.rendererUrl} has no origin`)
  return origin
}
