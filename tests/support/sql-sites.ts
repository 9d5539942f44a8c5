// Where core files build SQL: Kysely's query builders, `sql` templates and raw statements. The
// house plan keeps all of it in repositories (files named *repository.ts) and in the database
// engine's own folder (db/), so that a service can run on another engine unchanged.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const SQL_BUILDERS = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(|\bsql\s*(?:`|<|\.raw\b|\.ref\b|\.lit\b|\.join\b|\.id\b|\.table\b)|\.prepare\s*\(|\.pragma\s*\(/g

/** May hold SQL: repositories, and the database engines' own folder. */
export function mayBuildSql(file: string): boolean {
  return /(^|[/-])repository\.ts$/.test(file) || file.includes('/core/db/')
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** Each core file outside repositories and db/ that builds SQL, with how many places it does. */
export function sqlOutsideRepositories(root: string): Map<string, number> {
  const found = new Map<string, number>()
  for (const path of files(join(root, 'src', 'main', 'core'))) {
    const file = relative(root, path)
    if (mayBuildSql(file)) continue
    const count = [...readFileSync(path, 'utf8').matchAll(SQL_BUILDERS)].length
    if (count > 0) found.set(file, count)
  }
  return found
}
