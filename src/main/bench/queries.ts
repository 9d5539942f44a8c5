// The benchmark's fixed set of search queries: one to three words, phrases and prefixes, drawn
// with a seed from the words the synthetic letters use.
import { seededRandom } from './prng'

export interface BenchQuery {
  /** What a person types into the search box. */
  text: string
  /** The plain string ripgrep looks for (its nearest equivalent). */
  ripgrep: string
}

const WORDS = ['intimidation', 'candidates', 'transparency', 'abuse', 'police', 'guidance', 'sanctions', 'training', 'harassment', 'legislation', 'complaints', 'committee', 'elections', 'ballot', 'imprints', 'regulator', 'volunteers', 'disciplinary', 'escalation', 'framework']
const PHRASES = ['duty of care', 'code of conduct', 'home addresses', 'parliamentary time', 'named contact', 'annual report', 'credible threats', 'local elections']

export function benchQueries(seed: number, count: number): BenchQuery[] {
  const r = seededRandom(seed)
  return Array.from({ length: count }, () => {
    const kind = r.int(0, 3)
    if (kind === 0) {
      const word = r.pick(WORDS)
      return { text: word, ripgrep: word }
    }
    if (kind === 1) {
      const words = [r.pick(WORDS), r.pick(WORDS), ...(r.chance(0.5) ? [r.pick(WORDS)] : [])]
      return { text: words.join(' '), ripgrep: words[0]! }
    }
    if (kind === 2) {
      const phrase = r.pick(PHRASES)
      return { text: `"${phrase}"`, ripgrep: phrase }
    }
    const word = r.pick(WORDS)
    const prefix = word.slice(0, r.int(4, Math.max(4, word.length - 2)))
    return { text: `${prefix}*`, ripgrep: prefix }
  })
}
