import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Origin, ServiceContext } from '../../../app/context.js';
import { AppError } from '../../../app/errors.js';
import { loadClaimForActor, type ClaimRow } from '../../../app/evidence/claim-access.js';
import { isOpenClaim } from '../../views/evidence-card.js';
import { contextFor, type SlackDeps } from '../../deps.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function clickOrigin(body: BlockAction): Origin {
  return {
    via: 'slack', surface: 'block_actions', channel: body.channel?.id, messageTs: body.container?.message_ts as string | undefined,
    viewId: body.view?.id, actionId: body.actions[0]?.action_id,
  };
}

/**
 * The claim a card button names, if the clicker may act on it. The value is only a claim id: whose it is
 * and what state it is in are read from the database. Refusals are AppErrors, which the app's error
 * handler shows the clicker ephemerally; nothing has changed by then.
 */
export async function claimForClick(deps: SlackDeps, { body, action }: ButtonArgs, opts: { mustBeOpen: boolean }): Promise<{ ctx: ServiceContext; claim: ClaimRow; systemName: string }> {
  const ctx = contextFor(deps, body.user.id, clickOrigin(body));
  const { claim, systemName } = await loadClaimForActor(ctx.db, ctx, action.value ?? '');
  if (opts.mustBeOpen && !isOpenClaim(claim.status)) {
    throw new AppError('CONFLICT', `This claim is already answered (${claim.status.replace(/_/g, ' ')}); nothing is waiting on it.`);
  }
  return { ctx, claim, systemName };
}
