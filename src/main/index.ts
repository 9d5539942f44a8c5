// The Electron entry point: lifecycle, the window, the save dialog, and the IPC transport.
import { app, BrowserWindow, dialog, ipcMain, safeStorage, shell } from 'electron'
import { dirname, join } from 'node:path'
import { createCore, type Core } from './core/create-core'
import type { Host } from './core/rpc/host'
import { defaultActingPerson } from './acting-person'
import { registerIpc, relayEvents } from './ipc'
import { defaultDatabasePath, resourcesDir, userDataDir } from './paths'
import { clearTeamConnection, loadTeamDatabase, readTeamConnection, saveTeamConnection } from './team-connection/team-connection-settings'
import { APP_ENTRY_URL } from './security/app-protocol'
import { createMainWindow, hardenSession, registerAppScheme, serveRenderer, trustedOrigin, type WindowTarget } from './window'

let core: Core | null = null
let lastSaveFolder: string | null = null

const target: WindowTarget = {
  preloadPath: join(__dirname, '../preload/index.js'),
  rendererUrl: process.env.ELECTRON_RENDERER_URL && !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : APP_ENTRY_URL,
}

/** The app's settings file: "Connect to a team database…" is kept there (the password encrypted). */
const settingsFile = () => join(userDataDir(), 'settings.json')

function host(): Host {
  return {
    teamDatabase: {
      read: () => readTeamConnection(settingsFile()),
      save: (input) => saveTeamConnection(settingsFile(), input, safeStorage),
      forget: () => clearTeamConnection(settingsFile()),
    },
    // The native save dialog asks before a file is replaced.
    confirmsReplace: true,
    async chooseSavePath(request) {
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
      const options = {
        title: request.title,
        defaultPath: join(lastSaveFolder ?? app.getPath('documents'), request.defaultName),
        filters: request.filters,
      }
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      lastSaveFolder = dirname(result.filePath)
      return result.filePath
    },
    async openPath(path) {
      const problem = await shell.openPath(path)
      if (problem) throw new Error(problem)
    },
    async chooseOpenPath(request) {
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
      const options = { title: request.title, filters: request.filters, properties: ['openFile' as const] }
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}

app.enableSandbox()
registerAppScheme()
if (!app.requestSingleInstanceLock()) app.quit()

app.on('second-instance', () => {
  const window = BrowserWindow.getAllWindows()[0]
  if (window?.isMinimized()) window.restore()
  window?.focus()
})

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
})

void app.whenReady().then(async () => {
  hardenSession()
  serveRenderer(join(__dirname, '../renderer'))
  // PROGRESS_DESK_DB wins; else the saved team database (used from the start after it was saved);
  // else this desktop's own archive file.
  let actor = defaultActingPerson()
  let team: ReturnType<typeof loadTeamDatabase> = null
  try {
    team = process.env.PROGRESS_DESK_DB ? null : loadTeamDatabase(settingsFile(), safeStorage)
    if (team) actor = process.env.PROGRESS_DESK_ACTOR?.trim() || team.actor
    core = await createCore({ databasePath: team?.databaseUrl ?? defaultDatabasePath(), resourcesDir: resourcesDir(), dailyBackup: true, actor })
  } catch (error) {
    // A saved team database that cannot be opened must not lock the person out of the setting.
    const choice = team
      ? dialog.showMessageBoxSync({ type: 'error', title: 'Progress Desk could not open the team database', message: (error as Error).message, buttons: ['Quit', 'Forget the team database and quit'], defaultId: 0, cancelId: 0 })
      : (dialog.showErrorBox('Progress Desk could not open its database', (error as Error).message), 0)
    if (choice === 1) clearTeamConnection(settingsFile())
    app.quit()
    return
  }
  registerIpc(ipcMain, core.dispatcher(host(), { actor }), trustedOrigin(target))
  relayEvents(core.events, () => BrowserWindow.getAllWindows().map((window) => window.webContents))
  createMainWindow(target)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(target)
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => {
  void core?.close()
})
