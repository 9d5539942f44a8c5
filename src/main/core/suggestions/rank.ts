// Ranks recommendations for a letter (or a selected passage of it). Each paragraph is scored
// against every recommendation with BM25 over stems (the paragraph is the query, recommendations
// the documents), plus a bonus for shared two-word phrases ("code of conduct", "ballot paper").
// A recommendation's lexical score is its best paragraph plus a little of its second best. Then:
//   - an addressee prior: addressed to the sender ×2, to the sender's group ×1.4, to others
//     ×0.45 (only when the sender is an addressee of something at all; a charity writing about
//     party codes is not penalised);
//   - a cited number ("recommendation 14") puts the recommendation ahead of every uncited one.
// The passage offered is the letter's best sentence reporting what the body did (passage-roles.ts).
import type { SuggestionReason } from '../../../shared/domain/review-dto'
import { citedNumbers } from './citations'
import type { IndexedRecommendation, RecommendationIndex } from './recommendation-index'
import { isContext, pointsBack } from './passage-roles'
import type { Segment, Span } from './segments'
import { adjacent, tokenise, type Token } from './terms'

const K1 = 1.2
const B = 0.75
const BIGRAM_WEIGHT = 0.8
const SECOND_PARAGRAPH = 0.3
const PRIOR_ORGANISATION = 2
const PRIOR_GROUP = 1.4
const PRIOR_OTHER = 0.45
const CITED_BONUS = 12
/** Below this a match is a coincidence of one or two common words, not a suggestion. */
const MIN_RAW = 1.5
/** Raw score at which the displayed score reaches one half. */
const HALF_SCORE = 8

export interface RankInput {
  text: string
  segments: Segment[]
  senderOrganisationId: number | null
  /** Recommendation ids never to suggest (already linked, rejected). */
  exclude: ReadonlySet<number>
  /** Only these recommendation ids (the reverse search); all when absent. */
  only?: ReadonlySet<number>
  limit: number
}

export interface Ranked {
  recommendation: IndexedRecommendation
  /** 0–1 for display. */
  score: number
  raw: number
  passage: Span | null
  reasons: SuggestionReason[]
}

interface SegmentScores {
  tokens: Token[]
  scores: Map<number, number>
}

export function rankRecommendations(index: RecommendationIndex, input: RankInput): Ranked[] {
  const { recommendations } = index
  const allowed = (i: number) => !input.exclude.has(recommendations[i]!.id) && (!input.only || input.only.has(recommendations[i]!.id))
  const perSegment: SegmentScores[] = input.segments.map((segment) => {
    const tokens = tokenise(input.text.slice(segment.start, segment.end), segment.start)
    return { tokens, scores: scoreTokens(index, input.text, tokens, allowed) }
  })

  const cited = new Map<number, number>() // recommendation index → offset of the citation
  for (const citation of citedNumbers(input.text)) {
    for (const i of index.byNumber.get(citation.number) ?? []) if (allowed(i) && !cited.has(i)) cited.set(i, citation.start)
  }

  const candidates = new Set<number>([...cited.keys()])
  for (const { scores } of perSegment) for (const i of scores.keys()) candidates.add(i)

  const ranked: Ranked[] = []
  for (const i of candidates) {
    const recommendation = recommendations[i]!
    const bySegment = perSegment.map((s, k) => ({ k, score: s.scores.get(i) ?? 0 })).sort((a, b) => b.score - a.score)
    const best = bySegment[0]
    const lexical = (best?.score ?? 0) + SECOND_PARAGRAPH * (bySegment[1]?.score ?? 0)
    const prior = addresseePrior(index, recommendation, input.senderOrganisationId)
    const citedAt = cited.get(i)
    const raw = lexical * prior.factor
    if (raw < MIN_RAW && citedAt === undefined) continue

    // The paragraph to quote: the one citing the number when it also speaks to it, else the best.
    const citedSegment = citedAt === undefined ? -1 : input.segments.findIndex((s) => citedAt >= s.start && citedAt < s.end)
    const citedScore = citedSegment >= 0 ? (perSegment[citedSegment]!.scores.get(i) ?? 0) : 0
    const segmentIndex = citedSegment >= 0 && (citedScore >= 0.5 * (best?.score ?? 0) || !best || best.score === 0) ? citedSegment : (best?.k ?? -1)
    const segment = segmentIndex >= 0 ? input.segments[segmentIndex]! : null

    const reasons: SuggestionReason[] = []
    if (citedAt !== undefined) reasons.push({ kind: 'cited', text: `cites recommendation ${recommendation.number}` })
    if (segment) {
      const shared = sharedWords(index, i, input.text, perSegment[segmentIndex]!.tokens)
      if (shared.length > 0) reasons.push({ kind: 'terms', text: `shares ${shared.map((w) => `“${w}”`).join(', ')}` })
    }
    if (prior.reason) reasons.push({ kind: 'addressee', text: prior.reason })

    ranked.push({
      recommendation,
      raw,
      score: 0,
      passage: segment ? bestPassage(index, i, input.text, input.segments, segment, citedAt) : null,
      reasons,
    })
  }
  // A cited recommendation comes before any that is not: lift each above the best uncited one.
  const topUncited = Math.max(0, ...ranked.filter((r) => !isCited(r)).map((r) => r.raw))
  for (const r of ranked) {
    if (isCited(r)) r.raw += Math.max(CITED_BONUS, topUncited + 0.5)
    r.score = Math.round((r.raw / (r.raw + HALF_SCORE)) * 1000) / 1000
  }
  return ranked.sort((a, b) => b.raw - a.raw || a.recommendation.id - b.recommendation.id).slice(0, input.limit)
}

function isCited(ranked: Ranked): boolean {
  return ranked.reasons.some((r) => r.kind === 'cited')
}

/** One line from the reasons: "Cites recommendation 14; shares “expulsion”; addressed to …". */
export function whyLine(reasons: SuggestionReason[]): string {
  const line = reasons.map((r) => r.text).join('; ')
  return line ? line[0]!.toUpperCase() + line.slice(1) : 'Shares words with the recommendation'
}

function scoreTokens(index: RecommendationIndex, text: string, tokens: Token[], allowed: (i: number) => boolean): Map<number, number> {
  const scores = new Map<number, number>()
  const queryFreq = new Map<string, number>()
  for (const t of tokens) queryFreq.set(t.stem, (queryFreq.get(t.stem) ?? 0) + 1)
  for (const [term, q] of queryFreq) {
    const list = index.postings.get(term)
    if (!list) continue
    const weight = index.idf.get(term)! * (1 + 0.5 * (Math.min(q, 3) - 1))
    for (const i of list) {
      if (!allowed(i)) continue
      scores.set(i, (scores.get(i) ?? 0) + weight * termWeight(index, index.recommendations[i]!, term))
    }
  }
  const seen = new Set<string>()
  for (let k = 1; k < tokens.length; k++) {
    const a = tokens[k - 1]!
    const b = tokens[k]!
    if (!adjacent(text, a, b)) continue
    const bigram = `${a.stem} ${b.stem}`
    if (seen.has(bigram)) continue
    seen.add(bigram)
    const list = index.bigramPostings.get(bigram)
    if (!list) continue
    const bonus = (BIGRAM_WEIGHT * ((index.idf.get(a.stem) ?? 0) + (index.idf.get(b.stem) ?? 0))) / 2
    for (const i of list) if (allowed(i)) scores.set(i, (scores.get(i) ?? 0) + bonus)
  }
  return scores
}

/** BM25's saturating term-frequency weight of a term in one recommendation. */
function termWeight(index: RecommendationIndex, recommendation: IndexedRecommendation, term: string): number {
  const tf = recommendation.termFreq.get(term) ?? 0
  if (tf === 0) return 0
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * recommendation.length) / index.averageLength))
}

function addresseePrior(index: RecommendationIndex, recommendation: IndexedRecommendation, sender: number | null): { factor: number; reason: string | null } {
  if (sender === null) return { factor: 1, reason: null }
  const group = index.groupOfOrganisation.get(sender)
  const senderIsAddressee = index.addressedOrganisations.has(sender) || (group !== undefined && index.addressedGroups.has(group))
  if (!senderIsAddressee) return { factor: 1, reason: null }
  if (recommendation.addresseeOrganisations.has(sender)) return { factor: PRIOR_ORGANISATION, reason: `addressed to ${index.organisationName.get(sender)}` }
  if (group !== undefined && (recommendation.addresseeGroups.has(group) || recommendation.groupsOfAddressees.has(group))) {
    return { factor: PRIOR_GROUP, reason: `addressed to ${index.groupName.get(group)}, the sender's group` }
  }
  return { factor: PRIOR_OTHER, reason: null }
}

/** Up to three words (or two-word phrases) the passage shares with the recommendation, most telling first. */
function sharedWords(index: RecommendationIndex, i: number, text: string, tokens: Token[]): string[] {
  const recommendation = index.recommendations[i]!
  const found: { word: string; weight: number; stems: string[] }[] = []
  for (let k = 1; k < tokens.length; k++) {
    const a = tokens[k - 1]!
    const b = tokens[k]!
    if (adjacent(text, a, b) && recommendation.bigrams.has(`${a.stem} ${b.stem}`)) {
      found.push({ word: text.slice(a.start, b.end).replace(/\s+/g, ' ').toLowerCase(), weight: 10 + (index.idf.get(a.stem) ?? 0) + (index.idf.get(b.stem) ?? 0), stems: [a.stem, b.stem] })
    }
  }
  for (const t of tokens) {
    if (!recommendation.termFreq.has(t.stem)) continue
    found.push({ word: t.word.toLowerCase(), weight: (index.idf.get(t.stem) ?? 0) * termWeight(index, recommendation, t.stem), stems: [t.stem] })
  }
  found.sort((a, b) => b.weight - a.weight)
  const words: string[] = []
  const usedStems = new Set<string>()
  for (const f of found) {
    if (f.stems.every((s) => usedStems.has(s))) continue
    f.stems.forEach((s) => usedStems.add(s))
    words.push(f.word)
    if (words.length === 3) break
  }
  return words
}

interface ScoredSentence {
  span: Span
  score: number
  context: boolean
  /** Index of its segment, so that a neighbour is only taken from the same paragraph. */
  segment: number
}

/**
 * The passage to quote for recommendation i: the sentence of the whole letter that speaks most to
 * it among those reporting what the body did or will do (a sentence restating the committee's
 * recommendation, or thanking it, is context, not evidence); within the best paragraph when no
 * such sentence scores at all. A sentence opening by pointing back ("It…") takes the one before
 * it; a neighbour that speaks nearly as much to the recommendation is added.
 */
function bestPassage(index: RecommendationIndex, i: number, text: string, segments: readonly Segment[], home: Segment, citedAt: number | undefined): Span {
  const only = (k: number) => k === i
  const sentences: ScoredSentence[] = segments.flatMap((segment, k) =>
    segment.sentences.map((span) => {
      const words = text.slice(span.start, span.end)
      return { span, score: scoreTokens(index, text, tokenise(words, span.start), only).get(i) ?? 0, context: isContext(words), segment: k }
    }),
  )
  const homeIndex = segments.indexOf(home)
  const inHome = sentences.filter((s) => s.segment === homeIndex)
  if (inHome.length === 0) return { start: home.start, end: home.end }
  const evidence = sentences.filter((s) => s.score > 0 && !s.context)
  let best = evidence.length > 0 ? evidence.reduce((a, b) => (b.score > a.score ? b : a)) : inHome.reduce((a, b) => (b.score > a.score ? b : a))
  if (best.score === 0 && citedAt !== undefined) best = inHome.find((s) => citedAt >= s.span.start && citedAt < s.span.end) ?? best

  const at = sentences.indexOf(best)
  const previous = sentences[at - 1]?.segment === best.segment ? sentences[at - 1] : undefined
  const next = sentences[at + 1]?.segment === best.segment ? sentences[at + 1] : undefined
  let { start, end } = best.span
  if (previous && !previous.context && pointsBack(text.slice(best.span.start, best.span.end))) start = previous.span.start
  else if (next && !next.context && next.score > 0 && next.score >= 0.5 * best.score) end = next.span.end
  else if (previous && !previous.context && previous.score > 0 && previous.score >= 0.5 * best.score) start = previous.span.start
  return { start, end }
}
