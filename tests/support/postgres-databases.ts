// A fresh PostgreSQL database for each test core, on the server named by PROGRESS_DESK_TEST_PG_URL
// (scripts/test-postgres.cjs starts a throwaway one). The schema is migrated once, into a template
// database, under an advisory lock (test files run in parallel processes); each test core's
// database is then a copy of it (CREATE DATABASE … TEMPLATE), which takes a few tens of ms.
import type pg from 'pg'
import { openPostgres } from '../../src/main/core/db/postgres/connection'
import { databaseUrl, onServer } from '../../src/main/core/db/postgres/server-admin'

const TEMPLATE = 'progress_desk_template'
const TEMPLATE_LOCK = 7_140_015
let made = 0

export function testEngine(): 'sqlite' | 'postgres' {
  return process.env.PROGRESS_DESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'
}

function adminUrl(): string {
  const url = process.env.PROGRESS_DESK_TEST_PG_URL
  if (!url) throw new Error('PROGRESS_DESK_TEST_ENGINE=postgres needs PROGRESS_DESK_TEST_PG_URL (the server\'s postgres database); run the suite with node scripts/test-postgres.cjs')
  return url
}

function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return onServer(adminUrl(), work)
}

async function ensureTemplate(client: pg.Client): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK])
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE])
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${TEMPLATE}`)
      const connection = await openPostgres(databaseUrl(adminUrl(), TEMPLATE))
      try {
        await connection.migrate()
      } finally {
        await connection.close()
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK])
  }
}

/** A new, migrated database; resolves to its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `progress_desk_test_${process.pid}_${++made}`
  await admin(async (client) => {
    await ensureTemplate(client)
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`)
  })
  return {
    url: databaseUrl(adminUrl(), name),
    drop: () => admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  }
}
