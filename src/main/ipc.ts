// The Electron transport: one IPC channel carries (method, input) to the dispatcher, after
// checking that the message comes from our own renderer frame.
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { RPC_CHANNEL } from '../shared/api/method-names'
import type { Dispatch } from './core/rpc/dispatch'

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isTrustedSender: (url: string) => boolean): void {
  ipcMain.handle(RPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? ''
    if (!isTrustedSender(url)) return { ok: false, error: { code: 'invalid_input', message: 'Requests are accepted from Progress Desk’s own window only.' } }
    return dispatch(method, input)
  })
}
