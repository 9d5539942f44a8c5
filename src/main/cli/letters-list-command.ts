// `letters list [--json]`: every letter, newest first. The core gives the list a page at a time;
// each page is written as it arrives, so memory holds one page however large the archive. The
// JSON form is one array, byte for byte what printing the whole list at once gave.
import { parseArgs } from 'node:util'
import type { Api } from '../../shared/api/client'
import type { LetterSummary } from '../../shared/domain/dto'
import type { CliIo } from './cli-api'

type Listed = { id: number; organisation: string | null; date: string | null; subject: string | null; file: string; format: string }

const listed = (l: LetterSummary): Listed => ({ id: l.id, organisation: l.organisation, date: l.date, subject: l.subject, file: l.fileName, format: l.format })

/** Every letter, a page at a time, in the list's order. */
async function* everyLetter(api: Api): AsyncGenerator<Listed[]> {
  let cursor: string | undefined
  do {
    const page = await api.call('letters.list', cursor === undefined ? {} : { cursor })
    yield page.rows.map(listed)
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
}

export async function lettersListCommand(api: Api, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } })
  if (!values.json) {
    for await (const page of everyLetter(api)) {
      for (const l of page) io.out(`${String(l.id).padStart(5)}  ${l.date ?? '(no date)'}  ${(l.organisation ?? '(unknown sender)').padEnd(40)}  ${l.subject ?? l.file}`)
    }
    return 0
  }
  // Without a way to write part of a line (a caller collecting lines), the array is one line at the end.
  const chunks: string[] = []
  const write = io.write ?? ((chunk: string) => chunks.push(chunk))
  let first = true
  for await (const page of everyLetter(api)) {
    if (page.length === 0) continue
    const items = page.map((l) => JSON.stringify(l)).join(',')
    write(`${first ? '[' : ','}${items}`)
    first = false
  }
  write(first ? '[]\n' : ']\n')
  if (!io.write) io.out(chunks.join('').slice(0, -1))
  return 0
}
