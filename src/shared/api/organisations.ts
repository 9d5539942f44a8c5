// The register of organisations and their stakeholder groups, and who has not replied.
import { z } from 'zod'
import type { Organisation, StakeholderGroup } from '../domain/dto'
import type { ChaseEntry } from '../domain/review-dto'
import { id, ifVersion, method, none, text } from './define'

const names = z.array(text(200)).max(50)
const domains = z.array(text(253).regex(/^@?[\w-]+(\.[\w-]+)+$/, 'an e-mail domain such as example.org.uk')).max(50)
const fragments = z.array(text(200)).max(20)

/** A group in the summary's order with its organisations' names (groups with nothing to report on are left out). */
export interface GroupInUse {
  name: string
  organisations: string[]
}

/** A registered organisation whose name (or alias) resembles a sender's, scored 0–1. */
export interface ClosestOrganisation {
  id: number
  name: string
  score: number
  /** The name or alias it resembled. */
  matched: string
}

export interface UnmatchedLetter {
  id: number
  subject: string | null
  date: string | null
  fileName: string
}

export const organisationsContract = {
  'groups.list': method<StakeholderGroup[]>()(none),
  /** The groups in the summary's (and dashboard's) order, leaving out those with no organisations. */
  'groups.order': method<GroupInUse[]>()(none),
  /** A new order, first to last; groups not named keep their order after them. One undoable change. */
  'groups.reorder': method<GroupInUse[]>()(z.object({ names: z.array(text(100).min(1)).min(1).max(200) }).strict()),
  'organisations.list': method<Organisation[]>()(none),
  /** Adds an organisation (by hand, or for an unknown sender: letters from its e-mail domains are given to it). */
  'organisations.create': method<Organisation>()(
    z
      .object({
        name: text(200).min(1),
        group: text(100).min(1),
        aliases: names,
        emailDomains: domains,
        addressFragments: fragments.optional(),
      })
      .strict(),
  ),
  /** Edits an organisation: lists given replace its own, `add…` lists add to them. */
  'organisations.update': method<Organisation>()(
    z
      .object({
        id,
        name: text(200).min(1).optional(),
        group: text(100).min(1).optional(),
        aliases: names.optional(),
        emailDomains: domains.optional(),
        addressFragments: fragments.optional(),
        addAliases: names.optional(),
        addDomains: domains.optional(),
        /** The version the person started from; a save over a newer one is refused as stale. */
        ifVersion: ifVersion.optional(),
      })
      .strict(),
  ),
  /** Moves `fromId`'s letters, addressee roles, aliases and domains to `intoId`, keeping its name as an alias. */
  'organisations.merge': method<Organisation>()(z.object({ fromId: id, intoId: id }).strict()),
  /** The registered organisations whose names most resemble `name`, best first. */
  'organisations.closest': method<ClosestOrganisation[]>()(z.object({ name: text(300).min(1), limit: z.number().int().min(1).max(20).optional() }).strict()),
  /** Letters with no sender whose importer saw this sender's name or e-mail domain. */
  'organisations.unmatchedLetters': method<UnmatchedLetter[]>()(z.object({ senderName: text(300).optional(), senderDomain: text(253).optional() }).strict()),
  /** Gives letters to an organisation as a person's confirmed choice; one undoable change. */
  'organisations.assignLetters': method<{ assigned: number }>()(z.object({ organisationId: id, letterIds: z.array(id).min(1).max(5000) }).strict()),
  /** Adds or updates organisations from CSV text (name,category,aliases,email_domains). */
  'organisations.importCsv': method<{ created: number; updated: number }>()(z.object({ csv: text(5_000_000) }).strict()),
  /** Addressees that have not replied within the cycle (default latest), overdue first. */
  'chase.list': method<ChaseEntry[]>()(z.object({ cycleId: id.optional(), includeReplied: z.boolean().optional() }).strict()),
} as const
