// The backup slice of the contract: list, back up now, restore.
import type { backupContract } from '../../../shared/api/backup'
import type { BackupInfo } from '../../../shared/domain/dto'
import { AppError } from '../../../shared/api/errors'
import type { CoreContext } from '../context'
import type { Core } from '../core'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import type { Host } from '../rpc/host'
import { backupName, isPlainBackupName, listRestorable, type BackupFile } from './backup-files'
import { takeBackup } from './backup-service'
import { copyDatabase } from './copy-database'

type CoreView = Pick<Core, 'database' | 'databasePath' | 'restore'>

export function toBackupInfo(file: BackupFile): BackupInfo {
  return { name: file.name, takenAt: file.takenAt, sizeBytes: file.sizeBytes }
}

export function listBackups(core: CoreView): BackupInfo[] {
  return listRestorable(core.databasePath).map(toBackupInfo)
}

export async function backupNow(core: CoreView, ctx: CoreContext): Promise<BackupInfo> {
  if (core.databasePath === ':memory:') throw new AppError('conflict', 'A database held only in memory cannot be backed up.')
  if (core.database.engine === 'postgres') {
    throw new AppError('conflict', 'A team database has no backups folder on this computer: back it up with progress-desk --db URL backup FILE (which runs pg_dump), or ask its administrator.')
  }
  return toBackupInfo(await takeBackup(core.database, 'manual', { databasePath: core.databasePath, now: new Date(ctx.now()) }))
}

export async function restoreBackup(core: CoreView, host: Host, name: string | undefined): Promise<{ restored: boolean; keptAs: string | null }> {
  let path: string | null
  if (name !== undefined) {
    if (!isPlainBackupName(name)) throw new AppError('invalid_input', 'That is not the name of a Progress Desk backup.')
    path = listRestorable(core.databasePath).find((file) => file.name === name)?.path ?? null
    if (!path) throw new AppError('not_found', `There is no backup called ${name}.`)
  } else {
    path = (await host.chooseOpenPath?.({ title: 'Restore Progress Desk from a backup', defaultName: '', filters: [{ name: 'Progress Desk database', extensions: ['sqlite'] }] })) ?? null
    if (!path) return { restored: false, keptAs: null }
  }
  const { keptAs } = await core.restore(path)
  return { restored: true, keptAs: keptAs || null }
}

/** A copy where the transport's host says (a save dialog, the CLI's FILE), offered under the backups' naming. */
export async function copyBackup(core: CoreView, ctx: CoreContext, host: Host): Promise<{ saved: boolean; path: string | null }> {
  if (core.databasePath === ':memory:') throw new AppError('conflict', 'A database held only in memory cannot be backed up.')
  const path = await host.chooseSavePath({
    title: 'Save a copy of the Progress Desk database',
    defaultName: backupName(new Date(ctx.now()), 'copy'),
    filters: [{ name: 'Progress Desk database', extensions: ['sqlite'] }],
  })
  if (!path) return { saved: false, path: null }
  await copyDatabase(core.database, path)
  return { saved: true, path }
}

export function backupHandlers({ ctx, core }: HandlerDeps): SliceHandlers<typeof backupContract> {
  return {
    'backup.list': () => listBackups(core),
    'backup.now': () => backupNow(core, ctx),
    'backup.restore': ({ name }, { host }) => restoreBackup(core, host, name),
    'backup.copy': (_input, { host }) => copyBackup(core, ctx, host),
  }
}
