// Timing helpers for the benchmarks. Figures are reported, never asserted.
import { spawn } from 'node:child_process'
import { accessSync, constants, readFileSync } from 'node:fs'

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

export async function timeMs(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

export async function medianOf(trials: number, work: () => Promise<unknown> | unknown): Promise<number> {
  return (await spreadOf(trials, work)).median
}

/** A figure from several trials: the median, and the lowest and highest trial (the spread). */
export interface Spread {
  median: number
  min: number
  max: number
}

export function spread(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) }
}

/** Times `work` once untimed (warm-up: caches, prepared statements, compiled code), then `trials` times. */
export async function spreadOf(trials: number, work: () => Promise<unknown> | unknown, warmUp = true): Promise<Spread> {
  if (warmUp) await work()
  const times: number[] = []
  for (let i = 0; i < trials; i++) times.push(await timeMs(work))
  return spread(times)
}

export interface ChildRun {
  ms: number
  code: number | null
  stdout: string
  /** Peak resident memory of the child (VmHWM), in MB; null where /proc is not available. */
  peakRssMb: number | null
}

/** Runs a program, timing it and sampling its peak memory from /proc while it runs. */
export function runChild(command: string, args: string[], options: { cwd?: string; stderr?: 'ignore' | 'inherit' } = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', options.stderr === 'inherit' ? 'inherit' : 'pipe'] })
    let stdout = ''
    let peakKb: number | null = null
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.resume()
    const sample = () => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (match) peakKb = Math.max(peakKb ?? 0, Number(match[1]))
      } catch {
        // The process has gone, or there is no /proc: keep the last sample.
      }
    }
    const timer = setInterval(sample, 20)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearInterval(timer)
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, code, stdout, peakRssMb: peakKb === null ? null : Math.round(peakKb / 1024) })
    })
  })
}

export function hasCommand(command: string): boolean {
  const paths = (process.env.PATH ?? '').split(':')
  return paths.some((dir) => {
    try {
      accessSync(`${dir}/${command}`, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}
