// The register of organisations and their stakeholder groups, and who has not replied.
import { z } from 'zod'
import type { Organisation, StakeholderGroup } from '../domain/dto'
import type { ChaseEntry } from '../domain/review-dto'
import { id, method, none, text } from './define'

export const organisationsContract = {
  'groups.list': method<StakeholderGroup[]>()(none),
  'organisations.list': method<Organisation[]>()(none),
  /** "Add as new organisation" for an unknown sender; letters from its e-mail domains are given to it. */
  'organisations.create': method<Organisation>()(
    z
      .object({
        name: text(200).min(1),
        group: text(100).min(1),
        aliases: z.array(text(200)).max(50),
        emailDomains: z.array(text(253).regex(/^@?[\w-]+(\.[\w-]+)+$/, 'an e-mail domain such as example.org.uk')).max(50),
      })
      .strict(),
  ),
  /** Adds or updates organisations from CSV text (name,category,aliases,email_domains). */
  'organisations.importCsv': method<{ created: number; updated: number }>()(z.object({ csv: text(5_000_000) }).strict()),
  /** Addressees that have not replied within the cycle (default latest), overdue first. */
  'chase.list': method<ChaseEntry[]>()(z.object({ cycleId: id.optional(), includeReplied: z.boolean().optional() }).strict()),
} as const
