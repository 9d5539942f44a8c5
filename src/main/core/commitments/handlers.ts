// The commitments slice of the contract.
import type { commitmentsContract } from '../../../shared/api/commitments'
import type { HandlerDeps, SliceHandlers } from '../handler-deps'
import { acceptCommitment, commitmentOffers, dismissCommitment, listCommitments, setCommitmentStatus } from './commitment-service'

export function commitmentsHandlers({ ctx }: HandlerDeps): SliceHandlers<typeof commitmentsContract> {
  return {
    'commitments.offers': (input) => commitmentOffers(ctx, input),
    'commitments.accept': (input) => acceptCommitment(ctx, input),
    'commitments.dismiss': (input) => dismissCommitment(ctx, input),
    'commitments.setStatus': (input) => setCommitmentStatus(ctx, input),
    'commitments.list': (input) => listCommitments(ctx, input),
  }
}
