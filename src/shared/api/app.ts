// The app as a whole: what the window shows first, and the first-run choice.
import { z } from 'zod'
import type { AppInfo } from '../domain/dto'
import { method, none } from './define'

export const appContract = {
  'app.info': method<AppInfo>()(none),
  'app.chooseStart': method<AppInfo>()(z.object({ choice: z.enum(['demo', 'empty']) }).strict()),
} as const
