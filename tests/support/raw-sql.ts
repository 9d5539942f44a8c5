// Plain SQL for tests that look at the tables directly, on whichever engine the test core runs
// (SQLite, or PostgreSQL under scripts/test-postgres.cjs). `?` marks a parameter, as in SQLite;
// statements must be ones both engines read alike (no SQLite-only functions or pragmas).
import { sql, type RawBuilder } from 'kysely'
import type { Core } from '../../src/main/core/core'

function statement(text: string, params: unknown[]): RawBuilder<Record<string, unknown>> {
  const parts = text.split('?')
  if (parts.length !== params.length + 1) throw new Error(`${parts.length - 1} placeholders but ${params.length} parameters in: ${text}`)
  let built: RawBuilder<unknown> = sql.raw(parts[0]!)
  parts.slice(1).forEach((part, i) => {
    built = sql`${built}${params[i]}${sql.raw(part)}`
  })
  return built as RawBuilder<Record<string, unknown>>
}

/** Every row, as objects. */
export async function rowsOf<T = Record<string, unknown>>(core: Pick<Core, 'database'>, text: string, ...params: unknown[]): Promise<T[]> {
  return (await statement(text, params).execute(core.database.db)).rows as T[]
}

/** The first row, or undefined. */
export async function rowOf<T = Record<string, unknown>>(core: Pick<Core, 'database'>, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await rowsOf<T>(core, text, ...params))[0]
}

/** The first column of every row. */
export async function columnOf<T = unknown>(core: Pick<Core, 'database'>, text: string, ...params: unknown[]): Promise<T[]> {
  return (await rowsOf(core, text, ...params)).map((row) => Object.values(row)[0] as T)
}

/** The first column of the first row, or undefined. */
export async function valueOf<T = unknown>(core: Pick<Core, 'database'>, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await columnOf<T>(core, text, ...params))[0]
}

/** Runs a statement that returns nothing to read. */
export async function runSql(core: Pick<Core, 'database'>, text: string, ...params: unknown[]): Promise<void> {
  await statement(text, params).execute(core.database.db)
}

/** The number of rows of a table. */
export async function countOf(core: Pick<Core, 'database'>, table: string): Promise<number> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a table name: ${table}`)
  return Number(await valueOf(core, `SELECT count(*) FROM ${table}`))
}

/** Makes every insert into `table` fail with `message`, as a failing disk would, on either engine. */
export async function refuseInserts(core: Pick<Core, 'database'>, table: string, message: string): Promise<void> {
  if (!/^[a-z_]+$/.test(table) || /'/.test(message)) throw new Error('a plain table name and a message without quotes, please')
  if (core.database.engine === 'postgres') {
    await runSql(core, `CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`)
    await runSql(core, `CREATE TRIGGER refuse BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_insert()`)
  } else {
    await runSql(core, `CREATE TRIGGER refuse BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`)
  }
}
