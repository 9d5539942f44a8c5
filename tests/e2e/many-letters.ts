// Thousands of letters for the specs of long lists, written straight into the harness's database
// in one transaction (importing them would take minutes): letter n is dated n days after
// 1 January 2000 and titled "Seeded letter 000n", so the oldest, "Seeded letter 0001", is last.
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'

export const seededSubject = (n: number) => `Seeded letter ${String(n).padStart(4, '0')}`
export const seededText = (n: number) => `The body of seeded letter number ${n}.`

export function seedLetters(databasePath: string, count: number): void {
  const db = new Database(databasePath)
  try {
    db.pragma('busy_timeout = 10000')
    const original = db.prepare('INSERT INTO originals (sha256, size, bytes) VALUES (?, ?, ?)')
    const letter = db.prepare(
      `INSERT INTO letters (original_sha256, file_name, format, letter_date, subject, body_text, imported_at, import_method)
       VALUES (?, ?, 'txt', ?, ?, ?, '2026-01-01T09:00:00.000Z', 'cli')`,
    )
    db.transaction(() => {
      for (let n = 1; n <= count; n++) {
        const bytes = Buffer.from(seededText(n))
        const sha256 = createHash('sha256').update(bytes).digest('hex')
        original.run(sha256, bytes.length, bytes)
        const date = new Date(Date.UTC(2000, 0, n)).toISOString().slice(0, 10)
        letter.run(sha256, `seeded-${n}.txt`, date, seededSubject(n), seededText(n))
      }
    })()
  } finally {
    db.close()
  }
}
