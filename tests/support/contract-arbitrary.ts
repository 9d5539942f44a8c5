// Inputs shaped like a contract method's own schema (its keys and value types, with edge and
// out-of-range values), for fuzzing: random noise almost never passes validation, so it never
// reaches the handlers whose failures could leave something half-written.
import fc from 'fast-check'
import type { z } from 'zod'

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  entries?: Record<string, string | number>
  values?: unknown[]
  options?: z.ZodType[]
  checks?: { _zod: { def: { check: string; pattern?: RegExp } } }[]
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

// Ids and counts mostly small enough to name rows that exist, sometimes not; texts that mean
// something to the app (a status, an organisation, a date) as well as random ones.
const numbers = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 40 }), weight: 6 }, { arbitrary: fc.constantFrom(0, -1, 2 ** 31, 1.5), weight: 1 }, { arbitrary: fc.integer(), weight: 1 })
const strings = fc.oneof(
  { arbitrary: fc.constantFrom('', ' ', 'Implemented', 'Home Office', 'IPSO', '2021-03-04', '2021-02-30', 'demo', '../x', 'ipso.co.uk'), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constant('a'.repeat(300)), weight: 1 },
)

/** An arbitrary of values that mostly pass `schema`, with values at and beyond its edges. */
export function shapedLike(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {}
      const required = Object.keys(shape).filter((key) => !['optional', 'default'].includes(defOf(shape[key]!).type))
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, shapedLike(value)])), { requiredKeys: required })
    }
    case 'optional':
    case 'default':
      return shapedLike(def.innerType!)
    case 'nullable':
      return fc.oneof(fc.constant(null), shapedLike(def.innerType!))
    case 'array':
      return fc.array(shapedLike(def.element!), { maxLength: 3 })
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}))
    case 'literal':
      return fc.constantFrom(...(def.values ?? []))
    case 'union':
      return fc.oneof(...(def.options ?? []).map(shapedLike))
    case 'number':
      return numbers
    case 'string': {
      // A string that must match a pattern (a date, an e-mail domain) mostly does.
      const pattern = def.checks?.map((check) => check._zod.def.pattern).find((p) => p !== undefined)
      return pattern ? fc.oneof({ arbitrary: fc.stringMatching(pattern), weight: 4 }, { arbitrary: strings, weight: 1 }) : strings
    }
    case 'boolean':
      return fc.boolean()
    default:
      // A type this generator does not know yet: anything at all (it will mostly be refused).
      return fc.anything()
  }
}
