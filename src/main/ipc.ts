// The Electron transport: one IPC channel carries (method, input) to the dispatcher, after
// checking that the message comes from our own window's main frame, showing our own origin; the
// core's events go back to the window on a channel per event.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { EVENT_NAMES, eventChannel } from '../shared/api/events'
import { RPC_CHANNEL } from '../shared/api/method-names'
import type { EventHub } from './core/events/event-hub'
import type { Dispatch } from './core/rpc/dispatch'
import { isTrustedSender } from './security/trusted-sender'

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, trustedOrigin: string): void {
  ipcMain.handle(RPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, event.sender?.mainFrame, trustedOrigin)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Requests are accepted from Progress Desk’s own window only.' } }
    }
    return dispatch(method, input)
  })
}

/** Relays every event of the core to the windows that are open when it happens. */
export function relayEvents(events: EventHub, windows: () => WebContents[]): () => void {
  const unsubscribers = EVENT_NAMES.map((name) =>
    events.subscribe(name, (payload) => {
      for (const contents of windows()) if (!contents.isDestroyed()) contents.send(eventChannel(name), payload)
    }),
  )
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
}
