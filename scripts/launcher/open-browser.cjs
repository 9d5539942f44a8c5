// Opens a URL in the user's browser where the system can; never fails if it cannot.
const { spawn } = require('node:child_process')

function openCommand(platform, url) {
  if (platform === 'darwin') return ['open', [url]]
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]]
  return ['xdg-open', [url]]
}

function openInBrowser(url, platform = process.platform) {
  const [command, args] = openCommand(platform, url)
  try {
    // cmd's start takes the window title first; verbatim arguments keep its empty quotes intact.
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true, windowsVerbatimArguments: platform === 'win32' })
    child.on('error', () => {})
    child.unref()
  } catch {
    // No opener on this system: the URL is printed, which is enough.
  }
}

module.exports = { openInBrowser }
