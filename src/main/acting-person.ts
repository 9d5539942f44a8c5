// Who acts from this desktop when nobody has said: PROGRESS_DESK_ACTOR when set, else the
// operating system's user name (the app, the harness and the CLI agree), else "secretariat".
import { userInfo } from 'node:os'

export function defaultActingPerson(env: NodeJS.ProcessEnv = process.env, osUser: () => string = () => userInfo().username): string {
  const configured = env.PROGRESS_DESK_ACTOR?.trim()
  if (configured) return configured
  try {
    return osUser().trim() || 'secretariat'
  } catch {
    return 'secretariat'
  }
}
