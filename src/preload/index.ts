// The sandboxed preload: the renderer's only door to the main process. It exposes two functions
// for the contract's names only, never ipcRenderer itself: invoke(method, input) for calls and
// subscribe(event, callback) for the core's events, which returns the function that unsubscribes.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { eventChannel, isEventName } from '../shared/api/events'
import { METHOD_NAMES, RPC_CHANNEL } from '../shared/api/method-names'

const allowed = new Set<string>(METHOD_NAMES)

contextBridge.exposeInMainWorld('bridge', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!allowed.has(method)) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `There is no method called ${method}.` } })
    return ipcRenderer.invoke(RPC_CHANNEL, method, input)
  },
  subscribe(event: string, callback: (payload: unknown) => void): () => void {
    if (!isEventName(event) || typeof callback !== 'function') return () => undefined
    const channel = eventChannel(event)
    // The IPC event object (with its sender) stays here: the page sees the payload only.
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload)
    ipcRenderer.on(channel, listener)
    return () => ipcRenderer.removeListener(channel, listener)
  },
})
