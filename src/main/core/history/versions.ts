// No lost updates. The shared texts a person edits (assessments, letter details, framing
// paragraphs, organisations, recommendations) carry a version; a save names the version it started
// from (`ifVersion`), and when someone else has saved since, it is refused with a sentence saying who
// and when, carrying the stored value so the app can show both texts. The check is the UPDATE's own
// condition (tracked-rows-repository `claimNextVersion`), so two savers can never both win.
import { AppError, type StaleDetails } from '../../../shared/api/errors'
import type { ChangeRecorder } from './changes'
import type { Row, VersionedTable } from './tracked-rows-repository'

export interface SaveStamp {
  by: string
  at: string
}

/** What a refusal names: "this assessment", "this letter’s details" …, and the stored value as the app shows it. */
export interface StaleSubject {
  what: string
  current: () => Promise<unknown>
}

/**
 * Moves the row to its next version for this save, or refuses the save when the row is no longer
 * at `ifVersion` (left out: no check, the save simply wins). Call before writing the new values,
 * in the same transaction.
 */
export async function claimVersion(recorder: ChangeRecorder, table: VersionedTable, id: number, stamp: SaveStamp, ifVersion: number | undefined, subject: StaleSubject): Promise<void> {
  const result = await recorder.claim(table, id, stamp, ifVersion)
  if (result.claimed) return
  if (result.stored === null) throw new AppError('not_found', `${capitalise(subject.what)} no longer exists; someone removed it after you opened it.`)
  throw await staleError(subject, result.stored)
}

/**
 * Moves the row to its next version, stamped, for a change other than its editor's own save that
 * alters what the editor shows (a letter's sender fixed or merged, an organisation's names merged):
 * an editor opened before then saves against a stale version and is shown the change, not overwritten.
 */
export async function moveOnVersion(recorder: ChangeRecorder, table: VersionedTable, id: number, stamp: SaveStamp): Promise<void> {
  await recorder.claim(table, id, stamp, undefined)
}

/** The refusal of a save whose version is not the stored one (also used where a row was created meanwhile). */
export async function staleError(subject: StaleSubject, stored: Row): Promise<AppError> {
  const updatedBy = typeof stored.updated_by === 'string' && stored.updated_by !== '' ? stored.updated_by : null
  const updatedAt = typeof stored.updated_at === 'string' ? stored.updated_at : null
  const who = updatedBy ?? 'Someone'
  const when = updatedAt ? ` at ${describeMoment(updatedAt)}` : ''
  const details: StaleDetails = { version: Number(stored.version), updatedBy, updatedAt, current: await subject.current() }
  return new AppError('stale', `${who} changed ${subject.what}${when} after you opened it.`, details)
}

/** "14:32 on 6 December 2026", in the time zone of the computer running the core. */
export function describeMoment(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false }).format(date)
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date)
  return `${time} on ${day}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
