// Near-duplicate fingerprints: the same letter as an Outlook message and as its PDF print, or
// sent twice, has nearly the same words. Text → 3-word shingles → a 64-value MinHash signature
// (the share of equal values estimates the Jaccard similarity of the shingle sets) → 16 bands
// of 4 values, each hashed to a key stored in an index. Letters sharing any band key are the
// only candidates compared, so checking one letter against 50 000 reads a handful of rows.
export const SIGNATURE_SIZE = 64
export const BANDS = 16
const ROWS = SIGNATURE_SIZE / BANDS
const SHINGLE_WORDS = 3
/** Shorter texts ("Thank you, received.") are too alike by chance to compare. */
export const MIN_SHINGLES = 12

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)))

function mix(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Lower case, accents and punctuation gone: layout and typography do not make letters differ. */
export function words(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

export function shingleHashes(text: string): Set<number> {
  const list = words(text)
  const hashes = new Set<number>()
  for (let i = 0; i + SHINGLE_WORDS <= list.length; i++) hashes.add(fnv1a(list.slice(i, i + SHINGLE_WORDS).join(' ')))
  return hashes
}

/** The signature of a text, or null when the text is too short to fingerprint. */
export function signatureOf(text: string): Uint32Array | null {
  const hashes = shingleHashes(text)
  if (hashes.size < MIN_SHINGLES) return null
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  for (const hash of hashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = mix(hash ^ SEEDS[i]!)
      if (value < signature[i]!) signature[i] = value
    }
  }
  return signature
}

/** One key per band: the band's number in the high bits, so equal values in other bands never meet. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = []
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5
    for (let row = 0; row < ROWS; row++) h = Math.imul(h ^ signature[band * ROWS + row]!, 0x01000193)
    keys.push(band * 2 ** 32 + (h >>> 0))
  }
  return keys
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++
  return same / SIGNATURE_SIZE
}

export function toBlob(signature: Uint32Array): Uint8Array {
  return new Uint8Array(signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.byteLength))
}

export function fromBlob(blob: Uint8Array): Uint32Array {
  const copy = new Uint8Array(blob) // aligned copy
  return new Uint32Array(copy.buffer, 0, SIGNATURE_SIZE)
}
