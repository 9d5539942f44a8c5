// An in-memory BM25 index of the recommendations (stemmed title, text and theme) with who each is
// addressed to. Recommendations number in the tens or hundreds, so holding them in memory is cheap
// and lets every paragraph of a letter be scored against all of them in well under a millisecond.
// It is rebuilt when a cheap signature of the recommendations, addressees or register changes.
import type { Db } from '../db/database'
import { indexSignature, indexSource } from './recommendation-index-repository'
import { adjacent, tokenise } from './terms'

export interface IndexedRecommendation {
  id: number
  number: string
  title: string
  termFreq: Map<string, number>
  length: number
  /** Consecutive content-word stems ("code conduct"), for phrase matches. */
  bigrams: Set<string>
  addresseeOrganisations: Set<number>
  addresseeGroups: Set<number>
  /** Groups of the organisations it is addressed to. */
  groupsOfAddressees: Set<number>
  addresseeLabel: string
}

export interface RecommendationIndex {
  recommendations: IndexedRecommendation[]
  idf: Map<string, number>
  averageLength: number
  /** stem → indexes into `recommendations` */
  postings: Map<string, number[]>
  /** "stem stem" → indexes into `recommendations` */
  bigramPostings: Map<string, number[]>
  /** lower-case number as printed → indexes */
  byNumber: Map<string, number[]>
  groupOfOrganisation: Map<number, number>
  organisationName: Map<number, string>
  groupName: Map<number, string>
  /** Organisations and groups that at least one recommendation is addressed to. */
  addressedOrganisations: Set<number>
  addressedGroups: Set<number>
}

/** The title says what a recommendation is about in few words, so its words count double. */
const TITLE_WEIGHT = 2
const THEME_WEIGHT = 0.5

const cache = new WeakMap<Db, { signature: string; index: RecommendationIndex }>()

export async function recommendationIndex(db: Db): Promise<RecommendationIndex> {
  const signature = await indexSignature(db)
  const cached = cache.get(db)
  if (cached && cached.signature === signature) return cached.index
  const index = await buildIndex(db)
  cache.set(db, { signature, index })
  return index
}

async function buildIndex(db: Db): Promise<RecommendationIndex> {
  const { recommendations: rows, addressees, organisations, groups } = await indexSource(db)
  const groupOfOrganisation = new Map(organisations.map((o) => [o.id, o.group_id]))
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]))
  const groupName = new Map(groups.map((g) => [g.id, g.name]))

  const recommendations: IndexedRecommendation[] = rows.map((row) => {
    const termFreq = new Map<string, number>()
    const add = (text: string, weight: number) => {
      const tokens = tokenise(text)
      for (const t of tokens) termFreq.set(t.stem, (termFreq.get(t.stem) ?? 0) + weight)
      return tokens
    }
    const bigrams = new Set<string>()
    for (const [text, weight] of [[row.title, TITLE_WEIGHT], [row.text, 1]] as const) {
      const tokens = add(text, weight)
      for (let i = 1; i < tokens.length; i++) if (adjacent(text, tokens[i - 1]!, tokens[i]!)) bigrams.add(`${tokens[i - 1]!.stem} ${tokens[i]!.stem}`)
    }
    if (row.theme) add(row.theme, THEME_WEIGHT)
    const mine = addressees.filter((a) => a.recommendation_id === row.id)
    const addresseeOrganisations = new Set(mine.flatMap((a) => (a.organisation_id === null ? [] : [a.organisation_id])))
    const addresseeGroups = new Set(mine.flatMap((a) => (a.group_id === null ? [] : [a.group_id])))
    const groupsOfAddressees = new Set([...addresseeOrganisations].map((id) => groupOfOrganisation.get(id)!).filter((g) => g !== undefined))
    const labels = mine.map((a) => (a.organisation_id !== null ? organisationName.get(a.organisation_id) : groupName.get(a.group_id ?? -1)) ?? '')
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      termFreq,
      length: [...termFreq.values()].reduce((a, b) => a + b, 0),
      bigrams,
      addresseeOrganisations,
      addresseeGroups,
      groupsOfAddressees,
      addresseeLabel: labels.filter(Boolean).join(', '),
    }
  })

  const postings = new Map<string, number[]>()
  recommendations.forEach((r, i) => {
    for (const term of r.termFreq.keys()) postings.set(term, [...(postings.get(term) ?? []), i])
  })
  const bigramPostings = new Map<string, number[]>()
  recommendations.forEach((r, i) => {
    for (const bigram of r.bigrams) bigramPostings.set(bigram, [...(bigramPostings.get(bigram) ?? []), i])
  })
  const n = recommendations.length
  const idf = new Map<string, number>()
  for (const [term, list] of postings) idf.set(term, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)))
  const byNumber = new Map<string, number[]>()
  recommendations.forEach((r, i) => byNumber.set(r.number.toLowerCase(), [...(byNumber.get(r.number.toLowerCase()) ?? []), i]))

  return {
    recommendations,
    idf,
    averageLength: n === 0 ? 1 : recommendations.reduce((sum, r) => sum + r.length, 0) / n,
    postings,
    bigramPostings,
    byNumber,
    groupOfOrganisation,
    organisationName,
    groupName,
    addressedOrganisations: new Set(recommendations.flatMap((r) => [...r.addresseeOrganisations])),
    addressedGroups: new Set(recommendations.flatMap((r) => [...r.addresseeGroups, ...r.groupsOfAddressees])),
  }
}
