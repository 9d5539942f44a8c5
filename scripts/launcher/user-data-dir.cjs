// Where the desktop app keeps its data, for the launcher (plain Node, no build needed): the same
// rules as src/main/paths.ts (tests/unit/launcher/launcher.test.ts checks that they agree).
const { homedir } = require('node:os')
const { join } = require('node:path')

const PRODUCT_NAME = 'Progress Desk'
const DATABASE_FILE_NAME = 'progress-desk.sqlite'

function userDataDir(platform = process.platform, env = process.env, home = homedir()) {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME)
}

function defaultDatabasePath(env = process.env) {
  return env.PROGRESS_DESK_DB ?? join(userDataDir(process.platform, env), DATABASE_FILE_NAME)
}

module.exports = { userDataDir, defaultDatabasePath }
