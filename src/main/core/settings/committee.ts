// Who "we" are: the committee whose secretariat uses the app. Letters on its letterhead or from
// its e-mail domain are ones the secretariat sent, not replies.
import type { Db } from '../db/database'
import type { OwnIdentity } from '../letters/infer-metadata'
import { getSetting } from './settings'

export const DEFAULT_COMMITTEE: OwnIdentity = {
  names: ['Committee on Standards in Public Life'],
  domains: ['public-standards.gov.uk'],
}

export async function ownIdentity(db: Db): Promise<OwnIdentity> {
  const stored = await getSetting(db, 'committee.identity')
  return stored ? (JSON.parse(stored) as OwnIdentity) : DEFAULT_COMMITTEE
}
