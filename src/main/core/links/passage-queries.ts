// Reading a letter's passages where they are in its text now. When the stored offsets no longer
// hold the quote (the text was re-extracted), the passage is found again in memory for display;
// `reanchorLetter` (passage-service.ts) writes the new places down.
import type { PassageView } from '../../../shared/domain/review-dto'
import { AppError } from '../../../shared/api/errors'
import type { Db } from '../db/database'
import { anchorPassage, type AnchorResult } from './anchor'

export interface StoredPassage {
  id: number
  start_offset: number
  end_offset: number
  quote: string
  prefix: string
  suffix: string
  anchor: 'exact' | 'moved' | 'fuzzy' | 'lost'
}

/** Each passage of the letter where it is now; a stored "lost" stays lost until found. */
export function locate(text: string, passage: StoredPassage): AnchorResult {
  const result = anchorPassage(text, { start: passage.start_offset, end: passage.end_offset, quote: passage.quote, prefix: passage.prefix, suffix: passage.suffix })
  // A passage found at its stored place keeps the state it was stored with (moved, fuzzy), so
  // the reading view can still say it was re-anchored.
  if (result.state === 'exact' && passage.anchor !== 'lost') return { ...result, state: passage.anchor }
  return result
}

export async function livePassages(db: Db, letterId: number): Promise<Map<number, AnchorResult>> {
  const letter = await db.selectFrom('letters').select('body_text').where('id', '=', letterId).executeTakeFirst()
  const passages = await db.selectFrom('passages').select(['id', 'start_offset', 'end_offset', 'quote', 'prefix', 'suffix', 'anchor']).where('letter_id', '=', letterId).execute()
  return new Map(passages.map((p) => [p.id, locate(letter?.body_text ?? '', p)]))
}

export async function listPassages(db: Db, letterId: number): Promise<PassageView[]> {
  const letter = await db.selectFrom('letters').select('id').where('id', '=', letterId).executeTakeFirst()
  if (!letter) throw new AppError('not_found', `There is no letter with id ${letterId}.`)
  const places = await livePassages(db, letterId)
  const links = await db
    .selectFrom('links as k')
    .innerJoin('recommendations as r', 'r.id', 'k.recommendation_id')
    .select(['k.id as linkId', 'k.passage_id', 'k.recommendation_id as recommendationId', 'r.number as recommendationNumber', 'r.title as recommendationTitle', 'k.note', 'k.created_by as createdBy', 'k.created_at as createdAt'])
    .where('k.letter_id', '=', letterId)
    .where('k.passage_id', 'is not', null)
    .orderBy('r.position')
    .orderBy('k.id')
    .execute()
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
