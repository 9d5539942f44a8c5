// The register-editing commands of the CLI, over the dispatcher (the same validation, audit and
// undo as the app): organisations add/update/merge/list, recommendations add/update, groups list.
// Their --json output is a stable interface other tools rely on.
import { parseArgs } from 'node:util'
import type { Organisation, RecommendationDetail } from '../../shared/domain/dto'
import type { GroupInUse } from '../../shared/api/organisations'
import type { CliCore, CliIo } from './cli-api'
import { UsageError } from './usage'

type Call = (method: string, input: unknown) => Promise<unknown>

/** Runs the command if it is one of these; null when it is not (the other commands run it). */
export async function runRegisterCommand(opened: CliCore, command: string, args: string[], io: CliIo): Promise<number | null> {
  const sub = args[0]
  const api = opened.api()
  // A refused call throws ApiCallError with the core's one sentence; run-cli prints it.
  const call: Call = (method, input) => api.call(method as never, input as never)
  const rest = args.slice(1)
  if (command === 'organisations') {
    if (sub === 'add') return addOrganisation(call, rest, io)
    if (sub === 'update') return updateOrganisation(call, rest, io)
    if (sub === 'merge') return mergeOrganisations(call, rest, io)
    if (sub === 'list') return listOrganisations(call, rest, io)
  }
  if (command === 'recommendations') {
    if (sub === 'add') return addRecommendation(call, rest, io)
    if (sub === 'update') return updateRecommendation(call, rest, io)
  }
  // `groups preamble` belongs to the summary's commands (summary-commands.ts).
  if (command === 'groups' && sub === 'list') return listGroups(call, rest, io)
  return null
}

function idOption(value: string | undefined, flag: string): number {
  if (value === undefined) throw new UsageError(`This command needs ${flag} ID.`)
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`${flag} needs an id (a whole number), not “${value}”.`)
  return id
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`This command needs ${flag}.`)
  return value
}

const many = { type: 'string', multiple: true } as const

const describe = (o: Organisation) => `${o.name} (${o.group}; id ${o.id})`

async function addOrganisation(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, group: { type: 'string' }, alias: many, domain: many } })
  const added = (await call('organisations.create', { name: required(values.name, '--name NAME'), group: required(values.group, '--group GROUP'), aliases: values.alias ?? [], emailDomains: values.domain ?? [] })) as Organisation
  io.out(`Added ${describe(added)}.`)
  return 0
}

async function updateOrganisation(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { id: { type: 'string' }, name: { type: 'string' }, group: { type: 'string' }, 'add-alias': many, 'add-domain': many } })
  const input = {
    id: idOption(values.id, '--id'),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.group !== undefined ? { group: values.group } : {}),
    ...(values['add-alias'] ? { addAliases: values['add-alias'] } : {}),
    ...(values['add-domain'] ? { addDomains: values['add-domain'] } : {}),
  }
  const updated = (await call('organisations.update', input)) as Organisation
  io.out(`Updated ${describe(updated)}.`)
  return 0
}

async function mergeOrganisations(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, into: { type: 'string' } } })
  const merged = (await call('organisations.merge', { fromId: idOption(values.from, '--from'), intoId: idOption(values.into, '--into') })) as Organisation
  io.out(`Merged into ${describe(merged)}: ${merged.letterCount} letters; also known as ${merged.aliases.join('; ') || 'nothing else'}.`)
  return 0
}

async function listOrganisations(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
  const organisations = (await call('organisations.list', {})) as Organisation[]
  if (values.json) {
    io.out(JSON.stringify(organisations.map((o) => ({ id: o.id, name: o.name, group: o.group, aliases: o.aliases, emailDomains: o.emailDomains, addressFragments: o.addressFragments, letterCount: o.letterCount }))))
  } else for (const o of organisations) io.out(`${String(o.id).padStart(5)}  ${o.name.padEnd(40)}  ${o.group}`)
  return 0
}

async function listGroups(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
  const groups = (await call('groups.order', {})) as GroupInUse[]
  if (values.json) io.out(JSON.stringify(groups.map((g) => ({ name: g.name, organisations: g.organisations }))))
  else for (const g of groups) io.out(`${g.name} (${g.organisations.length})`)
  return 0
}

async function addRecommendation(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { number: { type: 'string' }, title: { type: 'string' }, text: { type: 'string' }, addressee: many } })
  const added = (await call('recommendations.create', {
    number: required(values.number, '--number N'),
    title: required(values.title, '--title TITLE'),
    text: required(values.text, '--text TEXT'),
    addressees: values.addressee ?? [],
  })) as RecommendationDetail
  io.out(`Added recommendation ${added.number}: ${added.title}.`)
  return 0
}

async function updateRecommendation(call: Call, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { number: { type: 'string' }, title: { type: 'string' }, text: { type: 'string' }, 'add-addressee': many } })
  const input = {
    number: required(values.number, '--number N'),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.text !== undefined ? { text: values.text } : {}),
    ...(values['add-addressee'] ? { addAddressees: values['add-addressee'] } : {}),
  }
  const updated = (await call('recommendations.update', input)) as RecommendationDetail
  io.out(`Updated recommendation ${updated.number}: ${updated.title}; addressed to ${updated.addressees.map((a) => a.name).join('; ') || 'no one'}.`)
  return 0
}
