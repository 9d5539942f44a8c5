// The real-world sample corpus, which always stands beside the project (../shared/corpus/real-world).
// A missing folder or file is a failure with its path, never a reason to skip a test.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from './test-core'

export const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus', 'real-world')

/** The path of a folder or file in the corpus; throws, naming it, when it is not there. */
export function corpusPath(...parts: string[]): string {
  const path = join(CORPUS_DIR, ...parts)
  if (!existsSync(path)) throw new Error(`The real-world corpus is missing ${path}: it should stand beside the project (../shared/corpus/real-world).`)
  return path
}
