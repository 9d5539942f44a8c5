// A damaged database is never replaced silently: the CLI refuses it, names the way back and
// changes nothing; a restore replaces the file in one step, so a failure part-way through leaves
// the previous file as it was; and files kept aside are offered for restoring.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run-cli'
import { takeBackup } from '../../src/main/core/backup/backup-service'
import { importFiles } from '../../src/main/core/letters/import-service'
import { noHost } from '../../src/main/core/rpc/host'
import { createTestCore, FIXED_NOW, textFile, type TestCore } from '../support/test-core'

let core: TestCore
beforeEach(async () => {
  core = await createTestCore()
  const letters = Array.from({ length: 30 }, (_, i) => textFile(`l${i}.txt`, `Home Office\n${(i % 28) + 1} March 2021\nLetter ${i}. ${'We accept the recommendation and will report progress. '.repeat(40)}${i}`))
  await importFiles(core.ctx, letters, 'cli')
})
afterEach(() => core.dispose().catch(() => undefined))

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const letterCount = () => core.connection.sqlite.prepare('SELECT count(*) FROM letters').pluck().get() as number

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--db', core.databasePath, ...args], { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

describe('a damaged database and the CLI', () => {
  it('refuses a file cut in half, naming it and the backups, and leaves its bytes unchanged', async () => {
    const backup = await takeBackup(core.connection, 'manual', { databasePath: core.databasePath, now: FIXED_NOW })
    await core.close() // checkpoints: the whole database is in the one file
    truncateSync(core.databasePath, Math.floor(statSync(core.databasePath).size / 2))
    const before = sha(core.databasePath)
    const folder = readdirSync(core.dir).sort()

    for (const command of [['letters', 'list', '--json'], ['check'], ['import', join(core.dir, 'x.txt')]]) {
      const result = await cli(...command)
      expect(result.code).toBe(1)
      expect(result.out).toEqual([])
      const said = result.err.join('\n')
      expect(said).toContain(`The database ${core.databasePath} is damaged`)
      expect(said).toContain('left exactly as it is')
      expect(said).toContain(`progress-desk --db "${core.databasePath}" restore BACKUP`)
      expect(said).toContain(backup.path)
      expect(said).not.toMatch(/sound/)
    }
    expect(sha(core.databasePath)).toBe(before)
    expect(readdirSync(core.dir).sort()).toEqual(folder)

    // The way out it named works: restore, and the letters are back; the damaged file is kept.
    const restored = await cli('restore', backup.path)
    expect(restored.code).toBe(0)
    expect(restored.out[0]).toMatch(/^Restored progress-desk\.sqlite from .* The previous file was kept as .*\.before-restore-/)
    expect(JSON.parse((await cli('letters', 'list', '--json')).out[0]!)).toHaveLength(30)
    expect(await cli('check')).toMatchObject({ code: 0 })
    const kept = readdirSync(core.dir).find((name) => name.includes('.before-restore-'))!
    expect(sha(join(core.dir, kept))).toBe(before)
  })

  it('says there is no backup when there is none', async () => {
    await core.close()
    truncateSync(core.databasePath, Math.floor(statSync(core.databasePath).size / 2))
    const result = await cli('letters', 'list')
    expect(result.code).toBe(1)
    expect(result.err.join('\n')).toMatch(/is damaged .* There are no backups in .*backups; ask your IT team/)
  })
})

describe('restoring', () => {
  it('leaves the previous file intact when the copy fails part-way', async () => {
    const backup = await takeBackup(core.connection, 'manual', { databasePath: core.databasePath, now: FIXED_NOW })
    await importFiles(core.ctx, [textFile('later.txt', 'Home Office\n1 May 2021\nA later letter.')], 'cli')
    core.connection.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const before = sha(core.databasePath)
    const halfThenFail = (from: string, to: string) => {
      const bytes = readFileSync(from)
      writeFileSync(to, bytes.subarray(0, bytes.length / 2), { flag: 'wx' })
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }
    await expect(core.restore(backup.path, halfThenFail)).rejects.toThrow(/ENOSPC/)
    expect(sha(core.databasePath)).toBe(before)
    expect(letterCount()).toBe(31)
    expect(readdirSync(core.dir).filter((name) => /restoring|before-restore/.test(name))).toEqual([])
  })

  it('offers a file kept aside by a restore for restoring, and never prunes it', async () => {
    const backup = await takeBackup(core.connection, 'manual', { databasePath: core.databasePath, now: FIXED_NOW })
    await importFiles(core.ctx, [textFile('later.txt', 'Home Office\n1 May 2021\nA later letter.')], 'cli')
    const dispatch = core.dispatcher(noHost)
    const restored = (await dispatch('backup.restore', { name: backup.name })) as { ok: true; value: { keptAs: string } }
    expect(letterCount()).toBe(30)
    const keptName = restored.value.keptAs.split(/[\\/]/).pop()!
    const listed = (await dispatch('backup.list', {})) as { ok: true; value: { name: string }[] }
    expect(listed.value.map((b) => b.name)).toEqual(expect.arrayContaining([keptName, backup.name]))
    for (let i = 0; i < 12; i++) await takeBackup(core.connection, 'manual', { databasePath: core.databasePath, now: new Date(Date.UTC(2022, 0, 1, 0, 0, i)) })
    expect(((await dispatch('backup.list', {})) as { value: { name: string }[] }).value.map((b) => b.name)).toContain(keptName)
    // Restoring the kept file brings back the letter imported after the backup.
    expect(await dispatch('backup.restore', { name: keptName })).toMatchObject({ ok: true, value: { restored: true } })
    expect(letterCount()).toBe(31)
  })
})
