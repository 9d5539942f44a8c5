// `import PATH... [--json]`: the CLI reads the files from disk itself (each size checked on the open
// file before it is read) and sends them to the core a group at a time through
// `letters.importGroup`. The next group is read and sent while the core stores the one before
// (the core stores groups in the order sent), and each file's line is printed once its group is
// committed. Exit 0 when every file was imported or already held, 1 when any failed.
import { open, type FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { ApiCallError, type Api } from '../../shared/api/client'
import { IMPORT_GROUP_BYTES, IMPORT_GROUP_FILES } from '../../shared/api/limits'
import type { ImportOutcome } from '../../shared/domain/dto'
import { tooLarge } from '../../shared/domain/file-size'
import type { CliIo } from './cli-api'
import { collectFiles } from './collect-files'
import { UsageError } from './usage'

/** A file of a group: its bytes, or the reason it was not read. */
type ReadFile = { path: string; name: string; bytes: Uint8Array } | { path: string; name: string; readError: string }

/** A group's outcomes, a list a file (a mailbox gives one a message), or the failure that ended the import (the group was not stored). */
type GroupResult = { group: ReadFile[]; outcomes: ImportOutcome[][] } | { group: ReadFile[]; fatal: string }

export async function importCommand(api: Api, args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } })
  if (positionals.length === 0) throw new UsageError('import needs at least one file or folder.')
  const { files, unreadable } = await collectFiles(positionals)
  let failed = 0
  const report = (line: ReturnType<typeof importLine>) => {
    if (line.status === 'failed') failed++
    if (values.json) io.out(JSON.stringify(line))
    else if (line.status === 'failed') io.err(`${line.file}: ${line.error}`)
    else io.out(`${line.status === 'duplicate' ? 'duplicate' : 'imported '} ${line.file} → letter ${line.letterId} (${line.organisation ?? 'sender unknown'}, ${line.date ?? 'no date'})`)
  }
  for (const { path, error } of unreadable) report(importLine(path, { file: path, status: 'failed', error }))

  let reported = 0
  let fatal: string | null = null
  // A group that ended the import: every file of it, and every file not yet sent, gets its line
  // with that reason, so no file is left unaccounted for. A group already sent is still reported
  // as it turned out.
  const settle = (result: GroupResult) => {
    if ('fatal' in result && fatal === null) {
      fatal = result.fatal
      io.err(fatal)
    }
    for (const [index, entry] of result.group.entries()) {
      if ('fatal' in result) report(importLine(entry.path, { file: entry.path, status: 'failed', error: result.fatal }))
      else for (const outcome of result.outcomes[index]!) report(importLine(outcome.message ? `${entry.path} › message ${outcome.message.number} of ${outcome.message.of}` : entry.path, outcome))
      reported++
    }
  }
  try {
    const { maxFileMegabytes } = await api.call('letters.importLimits', {})
    let previous: Promise<GroupResult> | null = null
    for await (const group of readGroups(files, Math.round(maxFileMegabytes * 1024 * 1024))) {
      const sent = sendGroup(api, group)
      if (previous) settle(await previous)
      previous = sent
      if (fatal !== null) break
    }
    if (previous) settle(await previous)
  } catch (error) {
    // The limits could not be read, or a file could not be reported: the import ends here.
    if (fatal === null) io.err((fatal = fatalMessage(error)))
  }
  if (fatal !== null) {
    for (const path of files.slice(reported)) report(importLine(path, { file: path, status: 'failed', error: fatal }))
    return 1
  }
  return failed > 0 ? 1 : 0
}

/** Sends the files of a group that were read; the others keep the reason they were not. */
async function sendGroup(api: Api, group: ReadFile[]): Promise<GroupResult> {
  const readable = group.flatMap((file) => ('bytes' in file ? [{ name: file.name, bytes: file.bytes }] : []))
  let stored: ImportOutcome[] = []
  try {
    if (readable.length > 0) stored = await api.call('letters.importGroup', { files: readable })
  } catch (error) {
    return { group, fatal: fatalMessage(error) }
  }
  // Outcomes come in file order; a mailbox's messages follow one another, numbered from 1.
  let next = 0
  const outcomesOf = (): ImportOutcome[] => {
    const first = stored[next++]!
    const count = first.message?.of ?? 1
    const rest = stored.slice(next, next + count - 1)
    next += rest.length
    return [first, ...rest]
  }
  return { group, outcomes: group.map((file) => ('bytes' in file ? outcomesOf() : [{ file: file.name, status: 'failed', error: file.readError }])) }
}

function fatalMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message
  return `The import stopped before this file was stored (${(error as Error).message ?? String(error)}); nothing of it was kept.`
}

/** Reads files a group at a time (IMPORT_GROUP_FILES files, about IMPORT_GROUP_BYTES bytes). */
async function* readGroups(paths: string[], maxFileBytes: number): AsyncGenerator<ReadFile[]> {
  for (let start = 0; start < paths.length; ) {
    const group: ReadFile[] = []
    let bytes = 0
    while (start < paths.length && group.length < IMPORT_GROUP_FILES && (group.length === 0 || bytes < IMPORT_GROUP_BYTES)) {
      const path = paths[start++]!
      const read = await readWithinLimit(path, maxFileBytes)
      if (typeof read === 'string') group.push({ path, name: basename(path), readError: read })
      else {
        group.push({ path, name: basename(path), bytes: read })
        bytes += read.length
      }
    }
    yield group
  }
}

/** The file's bytes, or the one-sentence reason it was not read (too large, unreadable). */
async function readWithinLimit(path: string, limit: number): Promise<Uint8Array | string> {
  let handle: FileHandle | null = null
  try {
    handle = await open(path, 'r')
    const { size } = await handle.stat()
    if (size > limit) return tooLarge(basename(path), size, limit)
    return new Uint8Array(await handle.readFile())
  } catch (error) {
    return `${path} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`
  } finally {
    await handle?.close()
  }
}

/**
 * The stable --json line other tools parse: always these keys, in this order. Keys added later
 * (near-duplicate, format, OCR, attachments) come only after them, so older parsers keep working.
 */
function importLine(path: string, outcome: ImportOutcome) {
  const found = outcome.status === 'failed' || outcome.status === 'cancelled' ? null : outcome
  const imported = outcome.status === 'imported' ? outcome : null
  return {
    file: path,
    status: outcome.status,
    letterId: found?.letterId ?? null,
    organisation: found?.organisation ?? null,
    date: found?.date ?? null,
    subject: found?.subject ?? null,
    error: outcome.status === 'failed' ? outcome.error : null,
    nearDuplicateOf: imported?.nearDuplicateOf ?? null,
    format: imported?.format ?? null,
    ocr: imported?.ocr ?? false,
    attachments: imported?.attachments ?? [],
  }
}
