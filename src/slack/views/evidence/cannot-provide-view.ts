import type { ModalView } from '@slack/types';
import { VIEWS } from '../../ids.js';
import { context, input, modal, textInput, type Block } from '../blocks.js';
import { claimHeading, type ClaimHeading } from './claim-context.js';

export const CANNOT_PROVIDE_BLOCK = 'reason';

/** Can't provide: the reason becomes an exception the governance forum resolves. */
export function buildCannotProvideView(args: { claim: ClaimHeading; systemName: string }): ModalView {
  return modal({
    callbackId: VIEWS.claimCannotProvide, title: "Can't provide", submit: 'Raise exception',
    privateMetadata: JSON.stringify({ claimId: args.claim.id }),
    blocks: [
      ...claimHeading(args.claim, args.systemName),
      input(CANNOT_PROVIDE_BLOCK, 'Why can the evidence not be provided?', textInput('value', { multiline: true, maxLength: 2000 })),
      context('This opens an exception in the governance channel. The forum either accepts the risk (with an approver and an expiry) or orders corrective action (with an owner and a due date).'),
    ],
  });
}
