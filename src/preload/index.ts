// The sandboxed preload: the renderer's only door to the main process. It exposes two functions
// for the contract's method names only, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron'
import { METHOD_NAMES, RPC_CHANNEL } from '../shared/api/method-names'

const allowed = new Set<string>(METHOD_NAMES)

contextBridge.exposeInMainWorld('bridge', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!allowed.has(method)) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `There is no method called ${method}.` } })
    return ipcRenderer.invoke(RPC_CHANNEL, method, input)
  },
})
