// The multi-client figure: N reviewers in N separate processes (multi-client-worker.ts) saving
// assessments and linking passages on one database at once for S seconds. Reported: operations a
// second, their p95, the stale saves refused, links refused as already there, and lost updates,
// which must be 0. The check: the versions accepted on one assessment must be exactly the versions
// after the one it had at the start, each once (a duplicate is two saves that both believed they
// made the same version: one lost the other's text), and its final version must equal its starting
// version plus the saves accepted on it (a save accepted but not counted in the version, or the
// other way round, is a lost update too).
import { fork } from 'node:child_process'
import { isPostgresUrl, type Core } from '../core/create-core'
import { noHost } from '../core/rpc/host'
import type { AssessmentView } from '../../shared/domain/dto'
import { percentile } from './measure'
import { BENCH_CLIENT_ENV, type ClientPlan, type ClientReport } from './multi-client-worker'

export interface MultiClientFigures {
  engine: 'sqlite' | 'postgres'
  clients: number
  seconds: number
  operations: number
  ops_per_s: number
  p95_ms: number
  p50_ms: number
  saves_accepted: number
  stale_refused: number
  links_created: number
  links_already_there: number
  errors: number
  lost_updates: number
}

export interface MultiClientOptions {
  /** The shared database (a URL; or a SQLite file, which only shows one desktop's processes). */
  databasePath: string
  resourcesDir: string
  clients: number
  seconds: number
  seed: number
  recommendationIds: number[]
  cycleId: number
  letterIds: number[]
  /** The program each client runs: the built bench itself, or a source entry under Vitest. */
  program: { path: string; execArgv: string[] }
}

export async function measureMultiClient(core: Core, options: MultiClientOptions): Promise<MultiClientFigures & { firstErrors: string[] }> {
  const before = await versionsOf(core, options.recommendationIds, options.cycleId)
  const started = process.hrtime.bigint()
  const reports = await Promise.all(Array.from({ length: options.clients }, (_, index) => runForked(options, index)))
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9
  const after = await versionsOf(core, options.recommendationIds, options.cycleId)
  const latencies = reports.flatMap((r) => r.latencies)
  const accepted = reports.flatMap((r) => r.accepted)
  const errors = reports.flatMap((r) => r.errors)
  return {
    engine: isPostgresUrl(options.databasePath) ? 'postgres' : 'sqlite',
    clients: options.clients,
    seconds: options.seconds,
    operations: latencies.length,
    ops_per_s: Math.round((latencies.length / elapsedS) * 10) / 10,
    p95_ms: Math.round(percentile(latencies, 95) * 10) / 10,
    p50_ms: Math.round(percentile(latencies, 50) * 10) / 10,
    saves_accepted: accepted.length,
    stale_refused: reports.reduce((n, r) => n + r.staleRefusals, 0),
    links_created: reports.reduce((n, r) => n + r.linksCreated, 0),
    links_already_there: reports.reduce((n, r) => n + r.linksAlreadyThere, 0),
    errors: errors.length,
    lost_updates: lostUpdates(before, after, accepted),
    firstErrors: [...new Set(errors)].slice(0, 5),
  }
}

/** Saves accepted but missing from the final version, or two accepted saves making one version. */
export function lostUpdates(before: Map<number, number>, after: Map<number, number>, accepted: [number, number][]): number {
  let lost = 0
  for (const [recommendationId, start] of before) {
    const versions = accepted.filter(([id]) => id === recommendationId).map(([, version]) => version)
    const distinct = new Set(versions)
    lost += versions.length - distinct.size
    const end = after.get(recommendationId) ?? start
    lost += Math.abs(end - start - distinct.size)
    for (const version of distinct) if (version <= start || version > end) lost++
  }
  return lost
}

async function versionsOf(core: Core, recommendationIds: number[], cycleId: number): Promise<Map<number, number>> {
  const dispatch = core.dispatcher(noHost)
  const versions = new Map<number, number>()
  for (const id of recommendationIds) {
    const read = await dispatch('recommendations.get', { id })
    if (!read.ok) throw new Error(`recommendations.get failed for ${id}: ${read.error.message}`)
    versions.set(id, (read.value as { assessments: AssessmentView[] }).assessments.find((a) => a.cycleId === cycleId)?.version ?? 0)
  }
  return versions
}

function runForked(options: MultiClientOptions, index: number): Promise<ClientReport> {
  const plan: ClientPlan = {
    databasePath: options.databasePath,
    resourcesDir: options.resourcesDir,
    actor: `Bench reviewer ${index + 1}`,
    seconds: options.seconds,
    seed: options.seed + index,
    recommendationIds: options.recommendationIds,
    cycleId: options.cycleId,
    letterIds: options.letterIds,
  }
  return new Promise((resolve, reject) => {
    const child = fork(options.program.path, [], { execArgv: options.program.execArgv, env: { ...process.env, [BENCH_CLIENT_ENV]: '1' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
    let report: ClientReport | null = null
    child.on('message', (message) => (report = message as ClientReport))
    child.on('error', reject)
    child.on('exit', (code) => (report ? resolve(report) : reject(new Error(`bench client ${index + 1} exited with ${code} before reporting`))))
    child.send(plan)
  })
}
