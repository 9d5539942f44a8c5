// One client of the multi-client figure, in its own process (forked by multi-client.ts): it opens
// its own core on the shared database as its own person and, until its time is up, repeats one of
// two things a reviewer does, chosen at random: save an assessment of a random recommendation
// based on the version it just read (a refusal as stale is counted, then it reads again and
// retries), or link a random passage of a random letter to a random recommendation (a passage
// someone already linked is refused by the constraint, and counted). It reports every accepted
// save's version, so that the parent can check that no update was lost.
import type { Core } from '../core/create-core'
import { createCore } from '../core/create-core'
import { noHost } from '../core/rpc/host'
import type { Dispatch } from '../core/rpc/dispatch'
import type { AssessmentView, LetterDetail } from '../../shared/domain/dto'
import { seededRandom, type Random } from './prng'
import { timeMs } from './measure'

/** Set in a forked client's environment: the process runs the client, not the bench. */
export const BENCH_CLIENT_ENV = 'PROGRESS_DESK_BENCH_CLIENT'

export interface ClientPlan {
  databasePath: string
  resourcesDir: string
  actor: string
  seconds: number
  seed: number
  recommendationIds: number[]
  cycleId: number
  letterIds: number[]
}

export interface ClientReport {
  actor: string
  /** Each operation's time in ms (a save's retries after stale refusals included). */
  latencies: number[]
  /** [recommendationId, version] of every save the database accepted. */
  accepted: [number, number][]
  staleRefusals: number
  linksCreated: number
  linksAlreadyThere: number
  /** Other refusals and failures, by message (none expected). */
  errors: string[]
}

export function isBenchClient(): boolean {
  return process.env[BENCH_CLIENT_ENV] === '1'
}

/** The forked process's work: the plan comes as a message, the report goes back as one. */
export function runBenchClient(): void {
  process.once('message', (plan: ClientPlan) => {
    runClient(plan).then(
      (report) => process.send?.(report, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`A bench client failed: ${(error as Error).stack ?? String(error)}\n`)
        process.exit(1)
      },
    )
  })
}

export async function runClient(plan: ClientPlan): Promise<ClientReport> {
  const core: Core = await createCore({ databasePath: plan.databasePath, resourcesDir: plan.resourcesDir, actor: plan.actor, log: () => undefined })
  const dispatch = core.dispatcher(noHost, { actor: plan.actor })
  const random = seededRandom(plan.seed)
  const report: ClientReport = { actor: plan.actor, latencies: [], accepted: [], staleRefusals: 0, linksCreated: 0, linksAlreadyThere: 0, errors: [] }
  const texts = new Map<number, string>()
  const deadline = Date.now() + plan.seconds * 1000
  try {
    while (Date.now() < deadline) {
      const recommendationId = random.pick(plan.recommendationIds)
      if (random.chance(0.5)) report.latencies.push(await timeMs(() => saveAssessment(dispatch, plan.cycleId, recommendationId, report, random)))
      else report.latencies.push(await timeMs(() => linkPassage(dispatch, texts, random.pick(plan.letterIds), recommendationId, report, random)))
    }
  } finally {
    await core.close()
  }
  return report
}

async function saveAssessment(dispatch: Dispatch, cycleId: number, recommendationId: number, report: ClientReport, random: Random) {
  for (;;) {
    const read = await dispatch('recommendations.get', { id: recommendationId })
    if (!read.ok) return void report.errors.push(read.error.message)
    const version = (read.value as { assessments: AssessmentView[] }).assessments.find((a) => a.cycleId === cycleId)?.version ?? 0
    const narrative = `Saved by ${report.actor} on version ${version} (${random.int(0, 999_999)}).`
    const saved = await dispatch('assessments.set', { recommendationId, cycleId, status: 'In progress', narrative, ifVersion: version })
    if (saved.ok) return void report.accepted.push([recommendationId, (saved.value as AssessmentView).version])
    if (saved.error.code !== 'stale') return void report.errors.push(saved.error.message)
    report.staleRefusals++
  }
}

async function linkPassage(dispatch: Dispatch, texts: Map<number, string>, letterId: number, recommendationId: number, report: ClientReport, random: Random) {
  let text = texts.get(letterId)
  if (text === undefined) {
    const letter = await dispatch('letters.get', { id: letterId })
    if (!letter.ok) return void report.errors.push(letter.error.message)
    text = (letter.value as LetterDetail).bodyText
    texts.set(letterId, text)
  }
  // A run of five to ten words exactly as the letter has them, among its first 80 words so that
  // people meet on the same passages.
  const words = [...text.slice(0, 2000).matchAll(/\S+/g)].slice(0, 80)
  const length = random.int(5, 10)
  const start = random.int(0, Math.max(0, words.length - length))
  const first = words[start]
  const last = words[Math.min(words.length, start + length) - 1]
  const quote = first && last ? text.slice(first.index, last.index + last[0].length) : ''
  const linked = await dispatch('links.create', quote ? { letterId, recommendationId, quote } : { letterId, recommendationId })
  if (linked.ok) report.linksCreated++
  else if (linked.error.code === 'conflict') report.linksAlreadyThere++
  else report.errors.push(linked.error.message)
}
