// An empty PostgreSQL database for one browser test, on the server whose `postgres` database
// PROGRESS_DESK_TEST_PG_URL names (npm test starts a throwaway one). The first harness to connect
// creates the tables, as a desktop does on a team database an administrator has just made.
import pg from 'pg'

export const TEST_PG_URL_VARIABLE = 'PROGRESS_DESK_TEST_PG_URL'

let made = 0

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Creates the database; resolves to its URL and a function that drops it (and any connection left). */
export async function createTeamDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `progress_desk_e2e_${process.pid}_${++made}`
  await asAdmin(adminUrl, `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}
