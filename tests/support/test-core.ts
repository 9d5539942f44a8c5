// A fresh core on a temporary database, with a fixed clock, for one test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src/main/core/create-core'
import { createTestDatabase, testEngine } from './postgres-databases'

export const REPO_ROOT = join(__dirname, '..', '..')
export const RESOURCES_DIR = join(REPO_ROOT, 'resources')
export const FIXED_NOW = new Date('2021-07-01T09:30:00.000Z')

export interface TestCore extends Core {
  dir: string
  /** The database the core opened: its file, or its URL on the test server. */
  databasePath: string
  dispose(): Promise<void>
}

/**
 * A core on a new database: a SQLite file in a temporary folder, or, when
 * PROGRESS_DESK_TEST_ENGINE=postgres, a new database on the test server (see
 * postgres-databases.ts). A test that names its own `databasePath` gets that file on any engine.
 */
export async function createTestCore(options: { databasePath?: string } = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'progress-desk-test-'))
  const server = options.databasePath === undefined && testEngine() === 'postgres' ? await createTestDatabase() : null
  const databasePath = options.databasePath ?? server?.url ?? join(dir, 'progress-desk.sqlite')
  const core = await createCore({
    databasePath,
    resourcesDir: RESOURCES_DIR,
    clock: () => FIXED_NOW,
    log: () => undefined,
  })
  return Object.assign(core, {
    dir,
    databasePath,
    async dispose() {
      await core.close()
      await server?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  })
}

export const SMALL_REGISTER_CSV = [
  'name,category,aliases,email_domains',
  'Independent Press Standards Organisation,Press regulators,IPSO;Editors\' Code of Practice Committee,ipso.co.uk',
  'Crown Prosecution Service,Policing and prosecution,CPS,cps.gov.uk',
  'Facebook,Social media companies,Meta;Meta Platforms,fb.com;meta.com',
  'Home Office,Government,,homeoffice.gov.uk',
].join('\n')

export const SMALL_RECOMMENDATIONS_CSV = [
  'number,title,text,addressees,theme',
  '1,New electoral offence,Government should consult on an offence of intimidating candidates.,Home Office,Electoral law',
  '2,Publish takedown data,Platforms should publish how quickly they remove reported content.,Social media companies,Online platforms',
  '3,Code on harassment,"The press regulators should make clear that their codes cover intimidation, including online.",IPSO,Press regulation',
].join('\n')

export function textFile(name: string, text: string) {
  return { name, bytes: new TextEncoder().encode(text) }
}

/** A call through a dispatcher that answers its value, or throws the core's own sentence. */
export async function answerOf<T>(dispatch: ReturnType<Core['dispatcher']>, method: string, input: unknown): Promise<T> {
  const envelope = await dispatch(method as never, input)
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value as T
}
