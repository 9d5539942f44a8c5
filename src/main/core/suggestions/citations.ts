// Recommendation numbers a letter cites: "recommendation 14", "Recommendations 16 and 17",
// "recommendations 12, 13 and 14", "recommendations 18 to 21", "Rec. 12b". A cited number is the
// strongest signal there is, so a suggestion that is cited comes first.

export interface Citation {
  /** The number as written, lower case ("12b"). */
  number: string
  /** Where the citing words are in the text (the whole "recommendations 16 and 17"). */
  start: number
  end: number
}

const NUMBER = String.raw`\d{1,3}[a-z]?\b`
const LIST = new RegExp(String.raw`\b(?:recommendations?|recs?\.?)\s+(?:no\.?\s*|number\s+)?(${NUMBER}(?:\s*(?:,|and|&|or|to|-|–|—)\s*${NUMBER})*)`, 'gi')

export function citedNumbers(text: string): Citation[] {
  const citations: Citation[] = []
  for (const match of text.matchAll(LIST)) {
    const list = match[1]!
    const start = match.index
    const end = start + match[0].length
    const parts = [...list.matchAll(/(\d{1,3})([a-z]?)|(to|-|–|—)/gi)]
    let previous: number | null = null
    let rangeNext = false
    for (const part of parts) {
      if (part[3]) {
        rangeNext = true
        continue
      }
      const value = Number(part[1])
      const number = `${part[1]}${(part[2] ?? '').toLowerCase()}`
      if (rangeNext && previous !== null && value > previous && value - previous <= 30) {
        for (let n = previous + 1; n < value; n++) citations.push({ number: String(n), start, end })
      }
      citations.push({ number, start, end })
      previous = value
      rangeNext = false
    }
  }
  return citations
}
