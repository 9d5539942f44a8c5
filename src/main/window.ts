// The main window and the rules that keep its web content in its box: Electron's security
// checklist (context isolation, sandbox, no Node in the page, CSP, no navigation, no new windows,
// no permissions, links out only through openExternalSafely).
import { BrowserWindow, session, shell } from 'electron'
import { CONTENT_SECURITY_POLICY } from './security/content-security-policy'
import { openExternalSafely } from './security/external-links'

export interface WindowTarget {
  preloadPath: string
  /** The dev server URL in development, else the built index.html. */
  rendererUrl?: string
  rendererFile?: string
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
  spellcheck: true,
} as const

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
  if (target.rendererUrl) void window.loadURL(target.rendererUrl)
  else if (target.rendererFile) void window.loadFile(target.rendererFile)
  return window
}

/** True for frames showing our own renderer: the built file or the dev server, nothing else. */
export function isTrustedRendererUrl(url: string, target: WindowTarget): boolean {
  try {
    const parsed = new URL(url)
    if (target.rendererUrl) return parsed.origin === new URL(target.rendererUrl).origin
    return parsed.protocol === 'file:' && target.rendererFile !== undefined && decodeURIComponent(parsed.pathname).endsWith(target.rendererFile.replace(/\\/g, '/'))
  } catch {
    return false
  }
}
