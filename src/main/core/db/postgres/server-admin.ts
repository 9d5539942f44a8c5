// Work on a PostgreSQL server outside any one archive: the bench and the tests make and drop
// scratch databases there. Each piece of work has a short connection of its own, to the database
// the URL names, since CREATE and DROP DATABASE run neither in a transaction nor in the database
// they create or drop.
import pg from 'pg'

/** Runs `work` on one connection to the URL's database, closed afterwards whatever happens. */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** The same server's URL for another database on it. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}
