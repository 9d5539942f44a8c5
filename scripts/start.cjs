#!/usr/bin/env node
// `npm start`: the desktop app where Electron can run, else the same app in the browser.
// Builds when out/ is missing or older than the sources; finds Electron's binary, fetching it
// once if the package manager skipped Electron's install script; where there is no display or no
// binary, says why in one sentence and starts the loopback harness on the user's own database.
const { dirname, join } = require('node:path')
const { spawn } = require('node:child_process')
const { buildOnce } = require('./launcher/build-once.cjs')
const { fetchElectron, findElectronBinary } = require('./launcher/electron-binary.cjs')
const { openInBrowser } = require('./launcher/open-browser.cjs')
const { defaultDatabasePath, userDataDir } = require('./launcher/user-data-dir.cjs')

const root = join(__dirname, '..')
const READY_LINE = /ready at (http:\/\/127\.0\.0\.1:\d+\/\S*)/

/** Why no window can be shown at all, or null. Only X11/Wayland systems can lack a display. */
function displayProblem(platform = process.platform, env = process.env) {
  if (platform === 'win32' || platform === 'darwin') return null
  return env.DISPLAY || env.WAYLAND_DISPLAY ? null : 'no display was found (DISPLAY and WAYLAND_DISPLAY are unset)'
}

function fallbackSentence(reason) {
  return `The desktop window could not start because ${reason}, so Progress Desk is running in your browser instead.`
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
}

function startBrowserMode(sentence, canOpenBrowser) {
  process.stdout.write(`${sentence}\n`)
  const databasePath = defaultDatabasePath()
  // Exports go beside the database file, or into the user-data folder for a team database's URL.
  const exportsDir = join(/^postgres(?:ql)?:\/\//i.test(databasePath) ? userDataDir(process.platform, process.env) : dirname(databasePath), 'exports')
  const harness = spawn(process.execPath, [join(__dirname, 'run-built.cjs'), 'harness', '--db', databasePath, '--downloads', exportsDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  forwardSignals(harness)
  let opened = false
  harness.stdout.setEncoding('utf8')
  harness.stdout.on('data', (text) => {
    process.stdout.write(text)
    const url = READY_LINE.exec(text)?.[1]
    if (url && canOpenBrowser && !opened) {
      opened = true
      openInBrowser(url)
    }
  })
  harness.on('exit', (code) => process.exit(code ?? 0))
}

function startElectron(binary) {
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  const electron = spawn(binary, [root], { cwd: root, stdio: 'inherit', env })
  forwardSignals(electron)
  let failed = false
  electron.on('error', (error) => {
    failed = true
    startBrowserMode(fallbackSentence(`Electron did not start (${error.code ?? error.message})`), true)
  })
  electron.on('exit', (code) => {
    if (!failed) process.exit(code ?? 0)
  })
}

function main() {
  if (!buildOnce(root, { whenStale: true })) process.exit(1)
  const noDisplay = displayProblem()
  if (noDisplay) return startBrowserMode(fallbackSentence(noDisplay), false)
  let binary = findElectronBinary(root)
  if (!binary) {
    const why = fetchElectron(root)
    binary = why ? null : findElectronBinary(root)
    if (!binary) return startBrowserMode(fallbackSentence(`Electron is not installed here and ${why ?? 'its binary could not be found'}`), true)
  }
  startElectron(binary)
}

if (require.main === module) main()

module.exports = { displayProblem, fallbackSentence }
