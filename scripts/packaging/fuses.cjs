// Electron's fuses for the packaged app, flipped in its binary by after-pack.cjs (a packaged app
// cannot be told to act as plain Node, to take NODE_OPTIONS or --inspect from outside, or to load
// code from anywhere but its own checked app.asar). tests/unit/packaging checks these values.
const { FuseV1Options, FuseVersion } = require('@electron/fuses')

const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
}

module.exports = { FUSES }
