// Backups of the archive and restoring one.
import { z } from 'zod'
import type { BackupInfo } from '../domain/dto'
import { method, none, text } from './define'

export const backupContract = {
  'backup.list': method<BackupInfo[]>()(none),
  'backup.now': method<BackupInfo>()(none),
  /** Restores a backup from the list by name, or (without a name) one the person chooses. */
  'backup.restore': method<{ restored: boolean; keptAs: string | null }>()(z.object({ name: text(255).optional() }).strict()),
  /** A consistent copy of the database where the person chooses (the transport's save dialog,
   *  offered under the backups' naming); never over an existing file. */
  'backup.copy': method<{ saved: boolean; path: string | null }>()(none),
} as const
