// What a sentence of a letter does, for choosing the passage to quote as evidence. A sentence that
// restates the committee's recommendation back to it ("In 2017 the Committee recommended that…",
// "Your report asked…") or thanks it for writing shares the recommendation's words but is context,
// not evidence: the passage to quote reports what the body did or will do. A sentence that opens
// by pointing back ("It…", "This…") is quoted with the sentence it points back to.
// Every pattern is anchored or bounded, so a pass over a sentence is linear in its length.

/** The sentence restates what the committee asked, or is a courtesy, rather than reporting action. */
const RESTATES =
  /^(?:(?:in|since|following) (?:\d{4}|its report|your report)[, ]+|as you (?:know|will recall|will be aware)[, ]+|as the committee (?:knows|noted)[, ]+)?(?:the committee(?:'s|’s)?|your (?:report|letter|review|committee|recommendation)|the report|the review|its report|you(?: asked| wrote| said| recommended)|we noted your|in your (?:report|letter))\b/i
/** "… the Committee recommended that …" anywhere in a sentence not opening with what the body did. */
const RECOMMENDED_THAT = /\b(?:committee|report|review|you)\b[^.;]{0,60}?\b(?:recommended|recommends|asked|called for|urged|proposed)\b(?: that| us| parties| the| press| social)/i
/** An opening that reports action: "We have…", "Last year the Party…", "Today the Government…". */
const REPORTS_ACTION = /^(?:(?:today|last (?:year|month|week)|this (?:year|month|week)|in (?:\w+ )?\d{4}|since then|from (?:this|next) year|for the [\w ]{1,40}?)[, ]+)?(?:we|i|our|the (?:party|government|department|college|council|service|commission|ministry|company|organisation|regulator))\b/i
const COURTESY = /^(?:thank you|thanks|many thanks|i am writing|i write|we share|we welcome the committee|the \w+ welcomes the committee|we remain committed|i am copying|we would be (?:glad|happy|pleased))\b/i
/** Opens by pointing back at the sentence before. */
const POINTS_BACK = /^(?:it|this|these|they|that|its|their|such)\b/i

export function isContext(sentence: string): boolean {
  const text = sentence.trimStart().slice(0, 400)
  if (COURTESY.test(text)) return true
  if (RESTATES.test(text)) return true
  return RECOMMENDED_THAT.test(text) && !REPORTS_ACTION.test(text)
}

export function pointsBack(sentence: string): boolean {
  return POINTS_BACK.test(sentence.trimStart())
}
