// Electron cannot run here, so the real `electron` module is replaced by a mock that records how
// the window, session and IPC are configured. This checks the security checklist, not Electron.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const recorded = vi.hoisted(() => ({
  windowOptions: [] as Record<string, unknown>[],
  windowOpenHandler: null as null | ((details: { url: string }) => { action: string }),
  contentsListeners: new Map<string, (event: { preventDefault(): void }) => void>(),
  permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  headers: null as null | ((details: { responseHeaders: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  opened: [] as string[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (handler: typeof recorded.windowOpenHandler) => (recorded.windowOpenHandler = handler),
      on: (name: string, listener: (event: { preventDefault(): void }) => void) => recorded.contentsListeners.set(name, listener),
    }
    constructor(options: Record<string, unknown>) {
      recorded.windowOptions.push(options)
    }
    once() {}
    loadFile() {
      return Promise.resolve()
    }
    loadURL() {
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: async (url: string) => void recorded.opened.push(url) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => (recorded.permissionCheck = handler),
        webRequest: { onHeadersReceived: (handler: typeof recorded.headers) => (recorded.headers = handler) },
      },
    },
  }
})

const { createMainWindow, hardenSession, isTrustedRendererUrl } = await import('../../../src/main/window')
const { registerIpc } = await import('../../../src/main/ipc')

const target = { preloadPath: '/app/out/preload/index.js', rendererFile: '/app/out/renderer/index.html' }

beforeEach(() => {
  recorded.windowOptions.length = 0
  recorded.opened.length = 0
})

describe('the main window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    createMainWindow(target)
    const preferences = recorded.windowOptions[0]?.webPreferences as Record<string, unknown>
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: target.preloadPath,
    })
  })

  it('blocks navigation and new windows, sending only https and mailto links out', async () => {
    createMainWindow(target)
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() }
      recorded.contentsListeners.get(name)?.(event)
      expect(event.preventDefault, name).toHaveBeenCalled()
    }
    for (const url of ['https://www.gov.uk/', 'mailto:chair@example.org', 'http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(recorded.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
    await Promise.resolve()
    expect(recorded.opened).toEqual(['https://www.gov.uk/', 'mailto:chair@example.org'])
  })

  it('denies every permission and sets a strict CSP without unsafe-inline or eval', () => {
    hardenSession()
    const granted: boolean[] = []
    recorded.permissionRequest?.({}, 'media', (g) => granted.push(g))
    recorded.permissionRequest?.({}, 'notifications', (g) => granted.push(g))
    expect(granted).toEqual([false, false])
    expect(recorded.permissionCheck?.()).toBe(false)
    let csp = ''
    recorded.headers?.({ responseHeaders: {} }, (r) => (csp = r.responseHeaders['Content-Security-Policy']?.[0] ?? ''))
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
  })
})

describe('the IPC transport', () => {
  it('answers only our own renderer frame', async () => {
    let handler: ((event: unknown, method: unknown, input: unknown) => Promise<unknown>) | null = null
    const ipcMain = { handle: (_channel: string, h: typeof handler) => (handler = h) }
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'hello' }))
    registerIpc(ipcMain as never, dispatch, (url) => isTrustedRendererUrl(url, target))
    expect(await handler!({ senderFrame: { url: 'file:///app/out/renderer/index.html#/letters' } }, 'app.info', {})).toEqual({ ok: true, value: 'hello' })
    expect(await handler!({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})).toMatchObject({ ok: false })
    expect(await handler!({ senderFrame: null }, 'app.info', {})).toMatchObject({ ok: false })
    expect(dispatch).toHaveBeenCalledTimes(1)
  })

  it('trusts the dev server by origin only', () => {
    const dev = { preloadPath: 'p', rendererUrl: 'http://localhost:5173/' }
    expect(isTrustedRendererUrl('http://localhost:5173/#/letters', dev)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false)
  })
})
