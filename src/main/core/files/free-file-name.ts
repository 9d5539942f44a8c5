// A file name not yet taken in a folder: "name.docx", else "name (2).docx", "name (3).docx" … as
// browsers name repeated downloads. Used where no dialog asks before a file would be replaced.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../shared/api/errors'

const MOST = 1_000

export function freeFilePath(dir: string, name: string): string {
  const dot = name.lastIndexOf('.')
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
  for (let n = 1; n <= MOST; n++) {
    const path = join(dir, n === 1 ? name : `${stem} (${n})${extension}`)
    if (!existsSync(path)) return path
  }
  throw new AppError('conflict', `${dir} already holds ${MOST} files called ${name}; clear some out or choose another folder.`)
}
