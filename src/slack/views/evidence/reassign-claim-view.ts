import type { ModalView } from '@slack/types';
import { VIEWS } from '../../ids.js';
import { context, input, modal, usersSelect, type Block } from '../blocks.js';
import { claimHeading, type ClaimHeading } from './claim-context.js';

export const REASSIGN_BLOCK = 'new_owner';

/** Reassign one claim. Owners are mapped per source: the other sources' claims keep theirs. */
export function buildReassignClaimView(args: { claim: ClaimHeading; systemName: string }): ModalView {
  return modal({
    callbackId: VIEWS.claimReassign, title: 'Reassign claim', submit: 'Reassign',
    privateMetadata: JSON.stringify({ claimId: args.claim.id }),
    blocks: [
      ...claimHeading(args.claim, args.systemName),
      input(REASSIGN_BLOCK, 'New owner of this claim', usersSelect('value')),
      context('Only this claim moves; the same system\'s claims under other sources keep their owners. The new owner gets their own evidence request.'),
    ],
  });
}
