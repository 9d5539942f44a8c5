// Schema v6: an index that holds everything the Letters list shows of a letter (date, id, sender,
// subject, file name, format), in the list's order. Reading those from the letters table means
// reading each letter's whole row, its text included: at 50 000 letters the list took 340–590 ms;
// walked backwards, this index gives the rows newest first with no sort, in a fifth of the time.
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw('CREATE INDEX letters_list ON letters(letter_date, id, organisation_id, subject, file_name, format)').execute(db)
}
