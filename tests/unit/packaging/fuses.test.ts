// The fuses the afterPack hook flips in the packaged Electron binary (scripts/packaging/fuses.cjs).
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..', '..')
const requireHere = createRequire(__filename)
const { FUSES } = requireHere(join(ROOT, 'scripts', 'packaging', 'fuses.cjs')) as { FUSES: Record<string, unknown> }
const config = requireHere(join(ROOT, 'electron-builder.cjs')) as { afterPack: string }

describe('the packaged app’s fuses', () => {
  it('cannot run as plain Node, take NODE_OPTIONS or --inspect, and loads only its checked app.asar', () => {
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    })
  })

  it('are flipped by the afterPack hook electron-builder runs, on the packed binary', async () => {
    const afterPack = requireHere(join(ROOT, config.afterPack)) as (context: unknown) => Promise<void>
    expect(typeof afterPack).toBe('function')
    // On a folder with no Electron binary the hook must fail loudly, not skip the fuses.
    const context = { appOutDir: join(ROOT, 'no-such-folder'), electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Progress Desk' }, executableName: 'progress-desk' } }
    await expect(afterPack(context)).rejects.toThrow(/no-such-folder[\\/]progress-desk/)
  })
})
