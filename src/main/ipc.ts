// The Electron transport: one IPC channel carries (method, input) to the dispatcher, after
// checking that the message comes from our own window's main frame, showing our own origin.
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { RPC_CHANNEL } from '../shared/api/method-names'
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
