// Binds the review workspace's contract methods (review-contract.ts) to their services; spread
// into the handlers in handlers.ts. The undo sessions live here: one per person, from the core's creation.
import type { ReviewContract } from '../../shared/api/review-contract'
import type { CoreContext } from './context'
import { compareCycles } from './cycles/compare-cycles'
import { startCycle } from './cycles/start-cycle'
import type { Connection } from './db/connection'
import { itemHistory } from './history/history-queries'
import { UndoSession } from './history/undo-session'
import { chaseList } from './review/chase-list'
import { acceptCommitment, commitmentOffers, dismissCommitment, listCommitments, setCommitmentStatus } from './review/commitments/commitment-service'
import { dashboard } from './review/dashboard'
import { updateLink } from './review/link-service'
import { listPassages } from './review/passage-queries'
import { createPassage, reanchorLetter, removePassage } from './review/passage-service'
import { acceptSuggestion, rejectSuggestion, suggestForLetter, suggestForPassage, suggestPassagesForRecommendation } from './review/suggestion-service'
import type { Handlers } from './rpc/dispatch'
import { listSavedViews, removeSavedView, saveView } from './search/saved-views'
import { search } from './search/search-service'

export type ReviewHandlers = Pick<Handlers, keyof ReviewContract>

export function createReviewHandlers(ctx: CoreContext, connection: Connection): ReviewHandlers {
  // Undo covers what each person did in this session: changes audited after this moment, by them.
  // Sessions are made on first use, all starting from here, so one person's Ctrl+Z never undoes
  // another's change.
  const lastAuditId = Number(connection.sqlite.prepare('SELECT ifnull(max(id), 0) FROM audit_log').pluck().get())
  const sessions = new Map<string, UndoSession>()
  const sessionOf = (actor: string) => {
    let session = sessions.get(actor)
    if (!session) sessions.set(actor, (session = new UndoSession(ctx, actor, lastAuditId)))
    return session
  }
  return {
    'passages.list': ({ letterId }) => listPassages(ctx.db, letterId),
    'passages.create': (input) => createPassage(ctx, input),
    'passages.remove': ({ id }) => removePassage(ctx, id),
    'passages.reanchor': ({ letterId }) => reanchorLetter(ctx, letterId),
    'links.update': (input) => updateLink(ctx, input),
    'suggestions.forLetter': ({ letterId, limit }) => suggestForLetter(ctx, letterId, limit),
    'suggestions.forPassage': (input) => suggestForPassage(ctx, input),
    'suggestions.forRecommendation': (input) => suggestPassagesForRecommendation(ctx, input),
    'suggestions.accept': (input) => acceptSuggestion(ctx, input),
    'suggestions.reject': (input) => rejectSuggestion(ctx, input),
    'cycles.create': (input) => startCycle(ctx, input),
    'cycles.compare': (input) => compareCycles(ctx, input),
    'chase.list': (input) => chaseList(ctx, input),
    'commitments.offers': (input) => commitmentOffers(ctx, input),
    'commitments.accept': (input) => acceptCommitment(ctx, input),
    'commitments.dismiss': (input) => dismissCommitment(ctx, input),
    'commitments.setStatus': (input) => setCommitmentStatus(ctx, input),
    'commitments.list': (input) => listCommitments(ctx, input),
    'search.query': (input) => search(ctx, input),
    'searchViews.list': () => listSavedViews(ctx),
    'searchViews.save': (input) => saveView(ctx, input),
    'searchViews.remove': ({ id }) => removeSavedView(ctx, id),
    'dashboard.get': ({ cycleId }) => dashboard(ctx, cycleId),
    'history.forItem': ({ entity, entityId, limit }) => itemHistory(ctx.db, entity, entityId, limit ?? 100),
    'history.state': (_input, { actor }) => sessionOf(actor).state(),
    'history.undo': (_input, { actor }) => sessionOf(actor).undo(),
    'history.redo': (_input, { actor }) => sessionOf(actor).redo(),
  }
}
