// What every slice of the contract declares its methods with: `method<Output>()(inputSchema)`,
// and the small schemas most of them share.
import { z } from 'zod'

/** Declares a method: its input schema now, its output type as a phantom for the typed client. */
export function method<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out })
}

export const id = z.number().int().positive()
export const none = z.object({}).strict()
export const text = (max: number) => z.string().max(max)
/** A position in a letter's `bodyText` as JavaScript counts them (UTF-16 code units). */
export const offset = z.number().int().min(0).max(50_000_000)
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
export const limit = (max: number) => z.number().int().min(1).max(max).optional()
/** The version a save started from (see the `stale` error); 0 for a thing that did not exist yet. */
export const ifVersion = z.number().int().min(0).max(2_000_000_000)
