// Reading a letter's passages where they are in its text now. When the stored offsets no longer
// hold the quote (the text was re-extracted), the passage is found again in memory for display;
// `reanchorLetter` (passage-service.ts) writes the new places down.
import type { PassageView } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import type { Db } from '../db/database'
import { anchorPassage, type AnchorResult } from './anchor'
import { letterBodyText, letterExists, passageLinksOfLetter, storedPassagesOfLetter, type StoredPassage } from './passage-repository'

/** Each passage of the letter where it is now; a stored "lost" stays lost until found. */
export function locate(text: string, passage: StoredPassage): AnchorResult {
  const result = anchorPassage(text, { start: passage.start_offset, end: passage.end_offset, quote: passage.quote, prefix: passage.prefix, suffix: passage.suffix })
  // A passage found at its stored place keeps the state it was stored with (moved, fuzzy), so
  // the reading view can still say it was re-anchored.
  if (result.state === 'exact' && passage.anchor !== 'lost') return { ...result, state: passage.anchor }
  return result
}

export async function livePassages(db: Db, letterId: number): Promise<Map<number, AnchorResult>> {
  const text = await letterBodyText(db, letterId)
  const passages = await storedPassagesOfLetter(db, letterId)
  return new Map(passages.map((p) => [p.id, locate(text ?? '', p)]))
}

export async function listPassages(db: Db, letterId: number): Promise<PassageView[]> {
  if (!(await letterExists(db, letterId))) throw new AppError('not_found', `There is no letter with id ${letterId}.`)
  const places = await livePassages(db, letterId)
  const links = await passageLinksOfLetter(db, letterId)
  const views: PassageView[] = []
  for (const [id, place] of places) {
    views.push({
      id,
      letterId,
      start: place.start,
      end: place.end,
      quote: place.quote,
      anchor: place.state,
      links: links.filter((l) => l.passage_id === id).map(({ passage_id: _p, ...link }) => link),
    })
  }
  // Found passages in reading order; lost ones after them, for a separate list.
  return views.sort((a, b) => Number(a.anchor === 'lost') - Number(b.anchor === 'lost') || a.start - b.start || a.end - b.end || a.id - b.id)
}
