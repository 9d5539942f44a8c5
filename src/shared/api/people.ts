// Who may change the archive: each named person is an editor (changes everything) or a reader
// (reads only). With nobody named, everyone is an editor; a person not named is an editor too.
import { z } from 'zod'
import { method, none, text } from './define'

export const ROLES = ['editor', 'reader'] as const
export type Role = (typeof ROLES)[number]

export interface Person {
  name: string
  role: Role
}

export const peopleContract = {
  /** The people given a role, by name. */
  'people.list': method<Person[]>()(none),
  /** Gives a person a role; `role: null` forgets them (they become an editor, as anyone unnamed is). */
  'people.setRole': method<Person[]>()(z.object({ name: text(200).min(1), role: z.enum(ROLES).nullable() }).strict()),
} as const
