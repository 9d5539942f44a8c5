// word-extractor ships no types; this is the part of its API Progress Desk uses.
declare module 'word-extractor' {
  interface WordDocument {
    getBody(): string
    getHeaders(options?: { includeFooters?: boolean }): string
    getFootnotes(): string
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>
  }
}
