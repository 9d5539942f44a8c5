// electron-builder's afterPack hook: flips the fuses (fuses.cjs) in the packed Electron binary,
// before electron-builder signs it and builds the installer.
const { join } = require('node:path')
const { flipFuses } = require('@electron/fuses')
const { FUSES } = require('./fuses.cjs')

function electronBinary(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      return join(context.appOutDir, context.packager.executableName)
  }
}

module.exports = async function afterPack(context) {
  // Flipping fuses breaks a Mac binary's ad hoc signature; re-sign it ad hoc (a real signature follows).
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' })
}
