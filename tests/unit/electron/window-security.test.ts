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
  privileged: [] as { scheme: string; privileges: Record<string, unknown> }[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  loaded: [] as string[],
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
    loadURL(url: string) {
      recorded.loaded.push(url)
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof recorded.privileged) => recorded.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => recorded.protocolHandlers.set(scheme, handler),
    },
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

const { createMainWindow, hardenSession, registerAppScheme, serveRenderer, trustedOrigin } = await import('../../../src/main/window')
const { registerIpc } = await import('../../../src/main/ipc')
const { APP_ENTRY_URL } = await import('../../../src/main/security/app-protocol')

const target = { preloadPath: '/app/out/preload/index.js', rendererUrl: APP_ENTRY_URL }

beforeEach(() => {
  recorded.windowOptions.length = 0
  recorded.opened.length = 0
  recorded.loaded.length = 0
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
      // Chromium would download spelling dictionaries; the app is offline.
      spellcheck: false,
      preload: target.preloadPath,
    })
  })

  it('loads the renderer from app://, never file://, and serves that scheme with the CSP', async () => {
    registerAppScheme()
    expect(recorded.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    createMainWindow(target)
    expect(recorded.loaded).toEqual(['app://progress-desk/index.html'])
    serveRenderer('/nowhere/renderer')
    const response = await recorded.protocolHandlers.get('app')!({ url: 'app://progress-desk/../../etc/passwd' })
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
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
  type Handler = (event: unknown, method: unknown, input: unknown) => Promise<unknown>
  function register(origin: string) {
    let handler: Handler | null = null
    const ipcMain = { handle: (_channel: string, h: Handler) => (handler = h) }
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'hello' }))
    registerIpc(ipcMain as never, dispatch, origin)
    return { call: (event: unknown) => handler!(event, 'app.info', {}), dispatch }
  }
  const eventFrom = (url: string, { child = false } = {}) => {
    const mainFrame = { url, parent: null }
    const frame = child ? { url, parent: mainFrame } : mainFrame
    return { senderFrame: frame, sender: { mainFrame } }
  }

  it('answers only the main frame of our own window at exactly app://progress-desk', async () => {
    const { call, dispatch } = register(trustedOrigin(target))
    expect(await call(eventFrom('app://progress-desk/index.html#/letters'))).toEqual({ ok: true, value: 'hello' })
    for (const url of ['https://evil.example/', 'app://progress-desk.evil/index.html', 'app://evil/index.html', 'app://progress-desk:1/index.html', 'file:///app/out/renderer/index.html', 'http://progress-desk/']) {
      expect(await call(eventFrom(url)), url).toMatchObject({ ok: false })
    }
    // Our own origin in an iframe, or a frame that is not the window's main frame, is refused too.
    expect(await call(eventFrom('app://progress-desk/index.html', { child: true }))).toMatchObject({ ok: false })
    expect(await call({ senderFrame: { url: 'app://progress-desk/index.html', parent: null }, sender: { mainFrame: { url: 'app://progress-desk/index.html', parent: null } } })).toMatchObject({ ok: false })
    expect(await call({ senderFrame: null, sender: { mainFrame: null } })).toMatchObject({ ok: false })
    expect(dispatch).toHaveBeenCalledTimes(1)
  })

  it('trusts the dev server by its exact origin only', async () => {
    const { call } = register(trustedOrigin({ preloadPath: 'p', rendererUrl: 'http://localhost:5173/' }))
    expect(await call(eventFrom('http://localhost:5173/#/letters'))).toEqual({ ok: true, value: 'hello' })
    expect(await call(eventFrom('http://localhost:5174/'))).toMatchObject({ ok: false })
    expect(await call(eventFrom('app://progress-desk/index.html'))).toMatchObject({ ok: false })
  })
})
