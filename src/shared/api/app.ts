// The app as a whole: what the window shows first, and the first-run choice.
import { z } from 'zod'
import type { AppInfo } from '../domain/dto'
import type { TeamConnectionView } from './app-team'
import { method, none, text } from './define'

export type { TeamConnectionInput, TeamConnectionView } from './app-team'

/** The desktop's team database setting, and whether this transport can change it (the desktop app only). */
export interface TeamDatabaseSetting {
  saved: TeamConnectionView | null
  canChange: boolean
}

/** What the demonstration data brought in, when it was the choice. */
export interface DemoLoaded {
  organisations: number
  recommendations: number
  letters: number
  links: number
  assessments: number
}

export const appContract = {
  'app.info': method<AppInfo>()(none),
  'app.chooseStart': method<AppInfo & { demo: DemoLoaded | null }>()(z.object({ choice: z.enum(['demo', 'empty']) }).strict()),
  /** Is the archive sound (the database engine's own checks, and every stored original)? One sentence a problem. */
  'app.check': method<{ problems: string[] }>()(none),
  'app.teamDatabase': method<TeamDatabaseSetting>()(none),
  /** Saves "Connect to a team database…" (the password into the credential store); used from the next start. */
  'app.saveTeamDatabase': method<TeamConnectionView>()(z.object({ url: text(2_000).min(1), displayName: text(200).min(1), password: text(1_000).min(1).optional() }).strict()),
  /** Forgets the team database: the next start opens this desktop's own archive file. */
  'app.forgetTeamDatabase': method<{ forgotten: boolean }>()(none),
} as const
