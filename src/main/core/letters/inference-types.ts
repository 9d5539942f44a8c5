// What inference is told about the world, shared by infer-metadata.ts and infer-email.ts (and the
// register and settings that supply it): in a file of its own so neither inference file needs the other's types.

export interface RegisterEntry {
  id: number
  name: string
  aliases: string[]
  domains: string[]
}

/** The committee itself: a letter on its letterhead is one the secretariat sent. */
export interface OwnIdentity {
  names: string[]
  domains: string[]
}
