// Writing a letter's original to disk so that a program can open it: the app writes into a private
// folder made fresh for the purpose, the CLI into the folder it is given. Either way the file is
// created exclusively ("wx"): if anything already stands under that name (a file, or a symlink
// planted to redirect the write) it is never followed or overwritten; the next free name is taken.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../../shared/api/errors'
import type { LetterFormat } from '../../../shared/domain/dto'
import { originalFileName } from './file-names'

export interface StoredOriginal {
  fileName: string
  format: LetterFormat
  bytes: Uint8Array
}

/** Writes the original into `dir` under its safe name (or "name (2).pdf" …); returns the path. */
export function writeOriginal(dir: string, original: StoredOriginal): string {
  const name = originalFileName(original.fileName, original.format)
  const dot = name.lastIndexOf('.')
  for (let attempt = 1; attempt <= 100; attempt++) {
    const candidate = attempt === 1 ? name : `${name.slice(0, dot)} (${attempt})${name.slice(dot)}`
    const path = join(dir, candidate)
    try {
      writeFileSync(path, original.bytes, { flag: 'wx', mode: 0o600 })
      return path
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new AppError('file_error', `The original could not be written to ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
    }
  }
  throw new AppError('conflict', `${dir} already holds 100 files called ${name}; choose another folder.`)
}

/**
 * A folder only this user can enter, new for every call: mkdtemp picks an unpredictable name and
 * creates it with mode 0700, inside the user's own runtime folder where the system offers one
 * (XDG_RUNTIME_DIR), else the user's temporary folder.
 */
export function makePrivateFolder(): string {
  const runtime = process.env.XDG_RUNTIME_DIR
  if (runtime) {
    try {
      return mkdtempSync(join(runtime, 'progress-desk-original-'))
    } catch {
      // A runtime folder that is missing or full: the temporary folder will do.
    }
  }
  return mkdtempSync(join(tmpdir(), 'progress-desk-original-'))
}
