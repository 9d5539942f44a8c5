// The options before a command: a team database's URL is kept as written, a file made absolute;
// --as names the person acting, else PROGRESS_DESK_ACTOR, else the computer's user.
import { resolve } from 'node:path'
import { userInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { takeGlobalOptions } from '../../../src/main/cli/global-options'
import { UsageError } from '../../../src/main/cli/usage'

describe('the CLI’s global options', () => {
  it('keeps a postgres URL as written and makes a file name absolute', () => {
    const args = ['--db', 'postgres://ann@db.example.org:5432/progress?sslmode=require', 'watch', '--json']
    expect(takeGlobalOptions(args, {}).databasePath).toBe('postgres://ann@db.example.org:5432/progress?sslmode=require')
    expect(args).toEqual(['watch', '--json'])
    expect(takeGlobalOptions(['--db', 'archive.sqlite', 'check'], {}).databasePath).toBe(resolve('archive.sqlite'))
    expect(takeGlobalOptions(['--db', 'postgresql://db/progress', 'check'], {}).databasePath).toBe('postgresql://db/progress')
  })

  it('names the person from --as, else PROGRESS_DESK_ACTOR, else the computer’s user', () => {
    expect(takeGlobalOptions(['--as', '  Ben Lewis ', 'check'], { PROGRESS_DESK_ACTOR: 'amira' }).actor).toBe('Ben Lewis')
    expect(takeGlobalOptions(['check'], { PROGRESS_DESK_ACTOR: 'amira' }).actor).toBe('amira')
    expect(takeGlobalOptions(['check'], {}).actor).toBe(userInfo().username)
  })

  it('refuses a missing value or an unknown option with a sentence', () => {
    expect(() => takeGlobalOptions(['--as'], {})).toThrow(new UsageError('--as needs the name of the person acting.'))
    expect(() => takeGlobalOptions(['--as', ' ', 'check'], {})).toThrow(UsageError)
    expect(() => takeGlobalOptions(['--db'], {})).toThrow(/--db needs a file name or a team database URL/)
    expect(() => takeGlobalOptions(['--colour', 'check'], {})).toThrow(new UsageError('Unknown option --colour.'))
  })
})
