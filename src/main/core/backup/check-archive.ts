// `check`: is the database sound (the engine's own checks, through the port), and is every stored
// original still what it claims to be? One sentence a problem; none when all is well.
import { createHash } from 'node:crypto'
import type { DatabasePort } from '../db/port'
import { countOrphanOriginals, streamOriginals } from '../letters/originals-repository'

export async function checkArchive(database: Pick<DatabasePort, 'db' | 'integrityProblems'>): Promise<string[]> {
  const problems = await database.integrityProblems()
  for await (const original of streamOriginals(database.db)) {
    const actual = createHash('sha256').update(original.bytes).digest('hex')
    if (actual !== original.sha256 || original.bytes.length !== original.size) problems.push(`The stored original ${original.sha256.slice(0, 12)}… has changed since it was imported`)
  }
  const orphans = await countOrphanOriginals(database.db)
  if (orphans > 0) problems.push(`${orphans} stored originals belong to no letter`)
  return problems
}
