// The one definition of what the renderer, the CLI and tests may ask of the core, assembled from
// each domain's slice (app.ts, letters.ts, organisations.ts …): each method's name, the schema its
// input must pass, and (as a type) what it returns. Every transport goes through the dispatcher,
// which validates input against these schemas.
import type { z } from 'zod'
import { appContract } from './app'
import { backupContract } from './backup'
import { commitmentsContract } from './commitments'
import { cyclesContract } from './cycles'
import { historyContract } from './history'
import { lettersContract } from './letters'
import { linksContract } from './links'
import { METHOD_NAMES } from './method-names'
import { organisationsContract } from './organisations'
import { peopleContract } from './people'
import { recommendationsContract } from './recommendations'
import { searchContract } from './search'
import { suggestionsContract } from './suggestions'
import { summaryContract } from './summary'

export { MAX_FILE_BYTES, MAX_FILES_PER_CALL } from './limits'
export { searchFiltersSchema } from './search'

export const contract = {
  ...appContract,
  ...lettersContract,
  ...organisationsContract,
  ...recommendationsContract,
  ...cyclesContract,
  ...linksContract,
  ...suggestionsContract,
  ...commitmentsContract,
  ...searchContract,
  ...summaryContract,
  ...historyContract,
  ...backupContract,
  ...peopleContract,
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = Contract[M]['output']

// Both lists must name the same methods: a method missing from either fails to compile.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const namesAgree: SameKeys<MethodName, (typeof METHOD_NAMES)[number]> = true
void namesAgree

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
