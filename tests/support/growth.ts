// Measures how a function's time grows with its input, for the linear-time property tests: the
// ratio of the time for an input eight times longer to the time for the input itself. Linear
// work gives about 8, quadratic about 64. No wall time is asserted, only this ratio. Times are
// the process's CPU time, not the clock's, so time spent waiting for a core on a busy machine
// (two cores shared by several test runs) is not counted; each is the fastest of several tries,
// and short and long tries alternate, so what load remains falls on both sides alike.

/** How much longer the long input is than the short one. */
export const GROWTH_FACTOR = 8
/**
 * Above this, time grows faster than linearly. Linear work measures about 8, but up to about 20
 * when the longer input no longer fits the processor's caches or the young heap; quadratic work
 * measures about 64.
 */
export const LINEAR_LIMIT = 32

/** The CPU time (user and system, milliseconds) that `calls` calls of `run(input)` take. */
function timeOf(run: (input: string) => unknown, input: string, calls: number): number {
  const start = process.cpuUsage()
  for (let i = 0; i < calls; i++) run(input)
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/**
 * time(8n) / time(n), where `make(length)` builds an input of about `length` characters. The
 * function is called often enough on the shorter input to take at least `floorMs`, so the
 * ratio is not a ratio of timer noise.
 */
export function growthRatio(run: (input: string) => unknown, make: (length: number) => string, length: number, { tries = 2, floorMs = 5, attempts = 3 } = {}): number {
  const short = make(length)
  const long = make(length * GROWTH_FACTOR)
  run(short) // compile and warm up
  let calls = 1
  while (timeOf(run, short, calls) < floorMs && calls < 1 << 16) calls *= 2
  const ratio = () => {
    let fastShort = Infinity
    let fastLong = Infinity
    for (let i = 0; i < tries; i++) {
      fastShort = Math.min(fastShort, timeOf(run, short, calls))
      fastLong = Math.min(fastLong, timeOf(run, long, calls))
    }
    return fastLong / fastShort
  }
  // Another look only when a ratio seems too steep: load can spoil one measurement, but not
  // several in a row, while quadratic work fails every one.
  let best = ratio()
  for (let i = 1; i < attempts && best >= LINEAR_LIMIT; i++) best = Math.min(best, ratio())
  return best
}

/** `unit` repeated to about `length` characters, then `end` (a character that breaks the run). */
export function runOf(unit: string, end: string, length: number): string {
  return unit.repeat(Math.max(1, Math.ceil(length / unit.length))) + end
}
