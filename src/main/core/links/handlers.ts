// The links slice of the contract: links to recommendations and the passages they quote.
import type { linksContract } from '../../../shared/api/links'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { createLink, removeLink, updateLink } from './link-service'
import { listPassages } from './passage-queries'
import { createPassage, reanchorLetter, removePassage } from './passage-service'

export function linksHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof linksContract> {
  return {
    'links.create': (input) => createLink(ctx, input),
    'links.update': (input) => updateLink(ctx, input),
    'links.remove': ({ id }) => removeLink(ctx, id),
    'passages.list': ({ letterId }) => listPassages(ctx.db, letterId),
    'passages.create': (input) => createPassage(ctx, input),
    'passages.remove': ({ id }) => removePassage(ctx, id),
    'passages.reanchor': ({ letterId }) => reanchorLetter(ctx, letterId),
  }
}
