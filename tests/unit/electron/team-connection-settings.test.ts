// "Connect to a team database…": the URL is kept without its password, the password only as the
// credential store encrypted it, and the next start gets the URL back whole with the name to act
// under. A machine without a credential store refuses to keep a password rather than keep it plain.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clearTeamConnection, loadTeamDatabase, readTeamConnection, saveTeamConnection, type SecretStore } from '../../../src/main/team-connection/team-connection-settings'

/** Stands in for safeStorage: reversible, and visibly not the plain text. */
const secrets: SecretStore = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((byte) => byte ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((byte) => byte ^ 0x5a)).toString(),
}
const noStore: SecretStore = { ...secrets, isEncryptionAvailable: () => false }

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'team-settings-'))
  file = join(dir, 'settings.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the team database setting', () => {
  it('keeps the password only encrypted, and gives the whole URL and the name back at the next start', () => {
    writeFileSync(file, JSON.stringify({ theme: 'dark' }))
    const saved = saveTeamConnection(file, { url: ' postgres://ann@db.example.org:5432/progress?sslmode=require ', displayName: ' Ann Smith ', password: 's3cret pass' }, secrets)
    expect(saved).toEqual({ url: 'postgres://ann@db.example.org:5432/progress?sslmode=require', displayName: 'Ann Smith', hasPassword: true })
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain('s3cret')
    expect(JSON.parse(text).theme).toBe('dark')
    expect(readTeamConnection(file)).toEqual(saved)
    const team = loadTeamDatabase(file, secrets)!
    expect(team.actor).toBe('Ann Smith')
    expect(new URL(team.databaseUrl).password).toBe('s3cret%20pass')
    expect(team.databaseUrl).toBe('postgres://ann:s3cret%20pass@db.example.org:5432/progress?sslmode=require')
    // Saved again with a new name and no password typed: the kept password stays; a new address drops it.
    expect(saveTeamConnection(file, { url: saved.url, displayName: 'Ann S.' }, secrets).hasPassword).toBe(true)
    expect(loadTeamDatabase(file, secrets)).toEqual({ databaseUrl: team.databaseUrl, actor: 'Ann S.' })
    expect(saveTeamConnection(file, { url: 'postgres://ann@other.example.org/progress', displayName: 'Ann' }, secrets).hasPassword).toBe(false)
  })

  it('moves a password written into the URL into the credential store too', () => {
    saveTeamConnection(file, { url: 'postgres://ann:typed%40here@db/progress', displayName: 'Ann' }, secrets)
    expect(readFileSync(file, 'utf8')).not.toContain('typed')
    expect(loadTeamDatabase(file, secrets)!.databaseUrl).toBe('postgres://ann:typed%40here@db/progress')
  })

  it('refuses to keep a password where no credential store is available, and keeps nothing', () => {
    expect(() => saveTeamConnection(file, { url: 'postgres://ann@db/progress', displayName: 'Ann', password: 'x' }, noStore)).toThrow(/no secure store for the password, so it was not saved/)
    expect(readTeamConnection(file)).toBeNull()
    expect(saveTeamConnection(file, { url: 'postgres://ann@db/progress', displayName: 'Ann' }, noStore)).toEqual({ url: 'postgres://ann@db/progress', displayName: 'Ann', hasPassword: false })
  })

  it('refuses an address that is not a team database, or has no database, and an empty name', () => {
    expect(() => saveTeamConnection(file, { url: 'C:\\archive.sqlite', displayName: 'Ann' }, secrets)).toThrow('The address must start with postgres:// (for example postgres://ann@db.example.org:5432/progress).')
    expect(() => saveTeamConnection(file, { url: 'postgres://db.example.org', displayName: 'Ann' }, secrets)).toThrow(/must name the server and the database/)
    expect(() => saveTeamConnection(file, { url: 'postgres://db/progress', displayName: '  ' }, secrets)).toThrow(/name your colleagues will see/)
    expect(readTeamConnection(file)).toBeNull()
  })

  it('forgets the setting, leaving the other settings', () => {
    writeFileSync(file, JSON.stringify({ theme: 'dark' }))
    saveTeamConnection(file, { url: 'postgres://db/progress', displayName: 'Ann' }, secrets)
    clearTeamConnection(file)
    expect(loadTeamDatabase(file, secrets)).toBeNull()
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ theme: 'dark' })
  })
})
