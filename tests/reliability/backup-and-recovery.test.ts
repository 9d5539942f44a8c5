// Backups, restore, a damaged file, a full disk and a network share: nothing is lost, and the app
// keeps working.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackupFiles } from '../../src/main/core/backup/backup-files'
import { backupIfDue, takeBackup } from '../../src/main/core/backup/backup-service'
import { isOnNetworkShare } from '../../src/main/core/backup/storage-warnings'
import { createCore, type Core } from '../../src/main/core/create-core'
import { importFiles } from '../../src/main/core/letters/import-service'
import { noHost } from '../../src/main/core/rpc/host'
import { createTestCore, RESOURCES_DIR, textFile, type TestCore } from '../support/test-core'

const cores: (Core | TestCore)[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close().catch(() => undefined)
})

async function fresh(): Promise<TestCore> {
  const core = await createTestCore()
  cores.push(core)
  return core
}

const letterCount = (core: Core) => core.connection.sqlite.prepare('SELECT count(*) FROM letters').pluck().get() as number

describe('backups', () => {
  it('takes consistent backups while letters are being written, keeps the last N, and lists newest first', async () => {
    const core = await fresh()
    const sqlite = core.connection.sqlite
    // Ballast, so that each backup copies the file in several steps (100 pages a step, the event
    // loop turning in between) and the writer below can commit while a backup is under way.
    sqlite.exec('CREATE TABLE test_ballast (bytes BLOB)')
    sqlite.prepare('INSERT INTO test_ballast VALUES (randomblob(?))').run(4 * 1024 * 1024)
    const LETTERS = 40
    const acknowledged: number[] = []
    let writing = true
    const writes = (async () => {
      for (let i = 0; i < LETTERS; i++) {
        const [outcome] = await importFiles(core.ctx, [textFile(`l${i}.txt`, `Home Office\n${(i % 28) + 1} March 2021\nLetter number ${i}.`)], 'cli')
        if (outcome?.status !== 'imported') throw new Error(`letter ${i} was not imported: ${JSON.stringify(outcome)}`)
        acknowledged.push(outcome.letterId)
      }
    })().finally(() => (writing = false))

    const taken: { name: string; ids: number[]; countBefore: number; countAfter: number; whileWriting: boolean }[] = []
    for (let i = 0; i < 12; i++) {
      const whileWriting = writing
      const countBefore = letterCount(core)
      const file = await takeBackup(core.connection, 'manual', { databasePath: core.databasePath, now: new Date(Date.UTC(2021, 0, 1, 0, 0, i)), keep: 5 })
      const countAfter = letterCount(core)
      // Read the copy at once (it may be pruned by a later backup).
      const copy = new BetterSqlite3(file.path, { readonly: true })
      expect(copy.pragma('integrity_check', { simple: true }), file.name).toBe('ok')
      // Every letter in a backup has its original: the two were written together.
      expect(copy.prepare('SELECT count(*) FROM letters l LEFT JOIN originals o ON o.sha256 = l.original_sha256 WHERE o.sha256 IS NULL').pluck().get(), file.name).toBe(0)
      taken.push({ name: file.name, ids: copy.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[], countBefore, countAfter, whileWriting })
      copy.close()
    }
    await writes
    expect(acknowledged).toHaveLength(LETTERS)

    for (const backup of taken) {
      // A snapshot of one committed state: the first n letters in the order they were written,
      // n no fewer than were committed when the backup began and no more than when it ended.
      expect(backup.ids, backup.name).toEqual(acknowledged.slice(0, backup.ids.length))
      expect(backup.ids.length, backup.name).toBeGreaterThanOrEqual(backup.countBefore)
      expect(backup.ids.length, backup.name).toBeLessThanOrEqual(backup.countAfter)
    }
    // The backups really overlapped the writes: at least one began while the writer was still
    // going and saw letters committed during it, and at least one holds a state strictly between
    // the empty start and the finished import.
    const summary = taken.map((b) => `${b.countBefore}→${b.ids.length}→${b.countAfter}${b.whileWriting ? '' : ' (after the writes)'}`).join(', ')
    console.log(`backups during writes (letters committed at start → in the backup → at end): ${summary}`)
    expect(taken.some((b) => b.whileWriting && b.countAfter > b.countBefore), summary).toBe(true)
    expect(taken.some((b) => b.ids.length > 0 && b.ids.length < LETTERS), summary).toBe(true)

    const files = listBackupFiles(core.databasePath)
    expect(files.map((f) => f.name)).toEqual(taken.slice(-5).map((b) => b.name).reverse())
  })

  it('takes the daily backup only when the newest is older than a day', async () => {
    const core = await fresh()
    const day1 = new Date('2021-07-01T09:00:00Z')
    expect(await backupIfDue(core.connection, { databasePath: core.databasePath, now: day1 })).not.toBeNull()
    expect(await backupIfDue(core.connection, { databasePath: core.databasePath, now: new Date('2021-07-01T20:00:00Z') })).toBeNull()
    expect(await backupIfDue(core.connection, { databasePath: core.databasePath, now: new Date('2021-07-02T09:30:00Z') })).not.toBeNull()
  })

  it('restores a backup, keeping the current file aside', async () => {
    const core = await fresh()
    await importFiles(core.ctx, [textFile('a.txt', 'Home Office\n1 March 2021\nFirst.')], 'cli')
    const dispatch = core.dispatcher(noHost)
    const backup = (await dispatch('backup.now', {})) as { ok: true; value: { name: string } }
    expect(backup.ok).toBe(true)
    await importFiles(core.ctx, [textFile('b.txt', 'Home Office\n2 March 2021\nSecond.')], 'cli')
    expect(letterCount(core)).toBe(2)

    const restored = await dispatch('backup.restore', { name: backup.value.name })
    expect(restored).toMatchObject({ ok: true, value: { restored: true, keptAs: expect.stringContaining('.before-restore-') } })
    expect(letterCount(core)).toBe(1)
    // The replaced file is still there, with both letters.
    const kept = new BetterSqlite3((restored as { value: { keptAs: string } }).value.keptAs, { readonly: true })
    expect(kept.prepare('SELECT count(*) FROM letters').pluck().get()).toBe(2)
    kept.close()
    // And the core keeps working on the restored file.
    await importFiles(core.ctx, [textFile('c.txt', 'Home Office\n3 March 2021\nThird.')], 'cli')
    expect(letterCount(core)).toBe(2)
  })

  it('refuses to restore a file that is not a sound Progress Desk database, changing nothing', async () => {
    const core = await fresh()
    await importFiles(core.ctx, [textFile('a.txt', 'Home Office\n1 March 2021\nFirst.')], 'cli')
    const junk = join(core.dir, 'junk.sqlite')
    writeFileSync(junk, 'not a database at all')
    await expect(core.restore(junk)).rejects.toThrow(/could not be opened as a Progress Desk database/)
    const other = new BetterSqlite3(join(core.dir, 'other.sqlite'))
    other.exec('CREATE TABLE t (x)')
    other.close()
    await expect(core.restore(join(core.dir, 'other.sqlite'))).rejects.toThrow(/not a Progress Desk database/)
    expect(letterCount(core)).toBe(1)
    expect(await core.dispatcher(noHost)('backup.restore', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('a damaged database', () => {
  it('is moved aside on open, a fresh one is started, and the latest backup is offered', async () => {
    const first = await fresh()
    await importFiles(first.ctx, [textFile('a.txt', 'Home Office\n1 March 2021\nFirst.')], 'cli')
    await takeBackup(first.connection, 'manual', { databasePath: first.databasePath, now: new Date('2021-07-01T00:00:00Z') })
    await first.close()
    // Overwrite the header: SQLite no longer recognises the file.
    const bytes = readFileSync(first.databasePath)
    bytes.fill(0x42, 0, 100)
    writeFileSync(first.databasePath, bytes)

    const reopened = await createCore({ databasePath: first.databasePath, resourcesDir: RESOURCES_DIR })
    cores.push(reopened)
    expect(reopened.recovery).toMatchObject({ movedTo: expect.stringContaining('.damaged-'), latestBackup: expect.objectContaining({ name: expect.stringContaining('manual') }) })
    expect(existsSync(reopened.recovery!.movedTo)).toBe(true)
    const info = await reopened.dispatcher(noHost)('app.info', {})
    expect(info).toMatchObject({ ok: true, value: { recovery: { latestBackup: { name: expect.any(String) } }, needsFirstRunChoice: false } })
    // Restoring the offered backup brings the letter back.
    await reopened.dispatcher(noHost)('backup.restore', { name: reopened.recovery!.latestBackup!.name })
    expect(letterCount(reopened)).toBe(1)
  })
})

describe('a full disk', () => {
  it('rolls back the change, says so plainly, and the app keeps working', async () => {
    const core = await fresh()
    const dispatch = core.dispatcher(noHost)
    await importFiles(core.ctx, [textFile('small.txt', 'Home Office\n1 March 2021\nSmall.')], 'cli')
    // Cap the file at its current size: the next large write fails with SQLITE_FULL.
    const pages = core.connection.sqlite.pragma('page_count', { simple: true }) as number
    core.connection.sqlite.pragma(`max_page_count = ${pages + 2}`)
    const big = Buffer.from(`Home Office\n2 March 2021\n${'A long letter. '.repeat(40_000)}`).toString('base64')
    const result = await dispatch('letters.import', { files: [{ name: 'big.txt', dataBase64: big }] })
    expect(result).toMatchObject({ ok: false, error: { code: 'file_error', message: expect.stringContaining('disk is full') } })
    expect(letterCount(core)).toBe(1)
    expect(core.connection.sqlite.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(1)
    expect(core.connection.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    // Space again: the same import now succeeds.
    core.connection.sqlite.pragma('max_page_count = 1073741823')
    expect(await dispatch('letters.import', { files: [{ name: 'big.txt', dataBase64: big }] })).toMatchObject({ ok: true, value: [{ status: 'imported' }] })
  })
})

describe('a database on a network share', () => {
  const mounts = ['/dev/vda1 / ext4 rw 0 0', 'server:/export /mnt/office nfs4 rw 0 0', '//nas/team /mnt/team\\040share cifs rw 0 0'].join('\n')
  it('is recognised on NFS, SMB and Windows UNC paths, and not on a local disk', () => {
    expect(isOnNetworkShare('/mnt/office/progress-desk.sqlite', 'linux', mounts)).toBe(true)
    expect(isOnNetworkShare('/mnt/team share/db.sqlite', 'linux', mounts)).toBe(true)
    expect(isOnNetworkShare('/home/me/progress-desk.sqlite', 'linux', mounts)).toBe(false)
    expect(isOnNetworkShare('/mnt/officeX/db.sqlite', 'linux', mounts)).toBe(false)
    expect(isOnNetworkShare('\\\\server\\share\\db.sqlite', 'win32', null)).toBe(true)
    expect(isOnNetworkShare('C:\\Users\\me\\db.sqlite', 'win32', null)).toBe(false)
  })
})

describe('undo after a restore', () => {
  it('forgets the actions of the replaced file', async () => {
    const core = await fresh()
    const dispatch = core.dispatcher(noHost)
    await dispatch('organisations.importCsv', { csv: 'name,category,aliases,email_domains\nHome Office,Government,,homeoffice.gov.uk' })
    await dispatch('recommendations.importCsv', { csv: 'number,title,text,addressees,theme\n1,Offence,Consult on an offence.,Home Office,Law' })
    const [imported] = await importFiles(core.ctx, [textFile('a.txt', 'Home Office\n1 March 2021\nFirst.')], 'cli')
    const backup = (await dispatch('backup.now', {})) as { ok: true; value: { name: string } }
    const recommendationId = core.connection.sqlite.prepare('SELECT id FROM recommendations').pluck().get() as number
    await dispatch('links.create', { letterId: (imported as { letterId: number }).letterId, recommendationId })
    expect(await dispatch('history.state', {})).toMatchObject({ ok: true, value: { canUndo: true } })
    await dispatch('backup.restore', { name: backup.value.name })
    expect(await dispatch('history.state', {})).toMatchObject({ ok: true, value: { canUndo: false, canRedo: false } })
  })
})
