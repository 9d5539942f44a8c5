// The review commands of the CLI: suggest, link, assess, search. Their --json output is a stable
// interface other tools rely on: the keys, their order and their types do not change.
import { DEFAULT_SUGGESTIONS } from '../../shared/api/suggestions'
import { parseArgs } from 'node:util'
import type { Api } from '../../shared/api/client'
import { AppError } from '../../shared/api/errors'
import { plainSnippet } from '../../shared/domain/snippet-text'
import { parseStatus, STATUSES } from '../../shared/domain/status'
import type { CliIo } from './cli-api'
import { UsageError } from './usage'

export const REVIEW_COMMANDS = ['suggest', 'link', 'assess', 'search'] as const

/** The most suggestions and search results one call returns (the contract's limits). */
const MAX_SUGGESTIONS = 100
const MAX_RESULTS = 100

export async function runReviewCommand(api: Api, command: (typeof REVIEW_COMMANDS)[number], args: string[], io: CliIo): Promise<number> {
  switch (command) {
    case 'suggest':
      return suggest(api, args, io)
    case 'link':
      return link(api, args, io)
    case 'assess':
      return assess(api, args, io)
    case 'search':
      return searchCommand(api, args, io)
  }
}

function letterId(value: string | undefined, command: string): number {
  if (!value) throw new UsageError(`${command} needs --letter ID.`)
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--letter needs a letter id (a whole number), not “${value}”.`)
  return id
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} needs a whole number above 0.`)
  return n
}

/** A recommendation by its number as printed ("14", "12b"), across reports. */
async function recommendationByNumber(api: Api, number: string | undefined, command: string): Promise<{ id: number; number: string }> {
  if (!number) throw new UsageError(`${command} needs --recommendation NUMBER.`)
  const rows = (await api.call('recommendations.list', {})).filter((r) => r.number === number.trim())
  if (rows.length === 0) throw new AppError('not_found', `There is no recommendation numbered ${number}.`)
  if (rows.length > 1) throw new AppError('conflict', `More than one report has a recommendation ${number}; this command cannot tell which is meant.`)
  return rows[0]!
}

async function suggest(api: Api, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { letter: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } } })
  const letter = letterId(values.letter, 'suggest')
  const { items: suggestions } = await api.call('suggestions.forLetter', { letterId: letter, limit: Math.min(positiveInteger(values.limit, '--limit', DEFAULT_SUGGESTIONS), MAX_SUGGESTIONS) })
  const lines = suggestions.map((s) => ({ recommendation: s.recommendationNumber, score: s.score, passage: s.passage?.text ?? '', why: s.why }))
  if (values.json) io.out(JSON.stringify(lines))
  else if (lines.length === 0) io.out('No suggestions for this letter.')
  else for (const l of lines) io.out(`${l.recommendation.padStart(4)}  ${l.score.toFixed(2)}  ${l.why}\n        “${l.passage.replace(/\s+/g, ' ')}”`)
  return 0
}

async function link(api: Api, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { letter: { type: 'string' }, recommendation: { type: 'string' }, quote: { type: 'string' }, note: { type: 'string' } } })
  const id = letterId(values.letter, 'link')
  const recommendation = await recommendationByNumber(api, values.recommendation, 'link')
  const created = await api.call('links.create', { letterId: id, recommendationId: recommendation.id, ...(values.quote === undefined ? {} : { quote: values.quote }), ...(values.note === undefined ? {} : { note: values.note }) })
  io.out(`Linked ${created.passageId === null ? `letter ${id}` : `a passage of letter ${id}`} to recommendation ${recommendation.number} (link ${created.id}).`)
  return 0
}

async function assess(api: Api, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { recommendation: { type: 'string' }, cycle: { type: 'string' }, status: { type: 'string' }, narrative: { type: 'string' }, json: { type: 'boolean' }, 'if-version': { type: 'string' } },
  })
  if (!values.cycle) throw new UsageError('assess needs --cycle NAME.')
  const ifVersion = versionArgument(values['if-version'])
  if (values.status === undefined && (values.narrative !== undefined || ifVersion !== undefined)) throw new UsageError('assess needs --status STATUS to save; without it, it shows the assessment.')
  const status = values.status === undefined ? undefined : parseStatus(values.status)
  if (status === null) throw new AppError('invalid_input', `“${values.status}” is not a status; use one of: ${STATUSES.join(', ')}.`)
  const recommendation = await recommendationByNumber(api, values.recommendation, 'assess')
  const cycle = await api.call('cycles.find', { name: values.cycle })
  const stored = (await api.call('recommendations.get', { id: recommendation.id, cycleId: cycle.id })).assessments.find((a) => a.cycleId === cycle.id)
  if (!stored) throw new AppError('not_found', `Recommendation ${recommendation.number} has no assessment row for ${cycle.name}.`)
  if (status === undefined) {
    if (values.json) io.out(assessmentJson(stored))
    else io.out(`Recommendation ${recommendation.number}, ${cycle.name}: ${stored.status} (version ${stored.version}${stored.updatedBy ? `, last saved by ${stored.updatedBy} at ${stored.updatedAt}` : ''}).${stored.narrative ? `\n${stored.narrative}` : ''}`)
    return 0
  }
  // Without --narrative the narrative already written stays as it is. With --if-version the save
  // is refused (exit 1, a sentence saying who changed it) unless the stored version is still that one.
  const narrative = values.narrative ?? stored.narrative
  const view = await api.call('assessments.set', { recommendationId: recommendation.id, cycleId: cycle.id, status, narrative, ...(ifVersion === undefined ? {} : { ifVersion }) })
  if (values.json) {
    io.out(assessmentJson(view))
    return 0
  }
  io.out(`Recommendation ${recommendation.number}, ${cycle.name}: ${view.status}.`)
  if (view.noCurrentEvidence) io.out(`Note: no letter dated within ${cycle.name} is linked to recommendation ${recommendation.number} as evidence yet.`)
  return 0
}

/** The stable --json shape of an assessment: its keys and their order do not change. */
function assessmentJson(view: { status: string; narrative: string; version: number; updatedBy: string | null; updatedAt: string | null }): string {
  return JSON.stringify({ status: view.status, narrative: view.narrative, version: view.version, updatedBy: view.updatedBy, updatedAt: view.updatedAt })
}

function versionArgument(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const version = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(version)) throw new UsageError(`--if-version needs the version number shown by assess --json (a whole number), not “${value}”.`)
  return version
}

async function searchCommand(api: Api, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, limit: { type: 'string' } } })
  const query = positionals.join(' ')
  if (!query.trim()) throw new UsageError('search needs words to look for, e.g. search "code of conduct".')
  const results = await api.call('search.query', { query, filters: { kinds: ['letter'] }, pageSize: Math.min(positiveInteger(values.limit, '--limit', 20), MAX_RESULTS) })
  const lines = results.items.map((hit) => ({ letterId: hit.id, organisation: hit.organisation, date: hit.date, subject: hit.subject, snippet: plainSnippet(hit.snippet), score: hit.score }))
  if (values.json) io.out(JSON.stringify(lines))
  else if (lines.length === 0) io.out('No letters found.')
  else for (const l of lines) io.out(`${String(l.letterId).padStart(5)}  ${l.date ?? '(no date)'}  ${(l.organisation ?? '(unknown sender)').padEnd(30)}  ${l.snippet}`)
  return 0
}
