// The app as a whole: what the window shows first, and the first-run choice.
import { z } from 'zod'
import type { AppInfo } from '../domain/dto'
import { method, none } from './define'

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
} as const
