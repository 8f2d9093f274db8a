import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Origin, ServiceContext } from '../../../app/context.js';
import type { ClaimRow } from '../../../app/evidence/claim-access.js';
import { loadClaimForm } from '../../../app/evidence/load-claim-form.js';
import { contextFor, type SlackDeps } from '../../deps.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function clickOrigin(body: BlockAction): Origin {
  return {
    via: 'slack', surface: 'block_actions', channel: body.channel?.id, messageTs: body.container?.message_ts as string | undefined,
    viewId: body.view?.id, actionId: body.actions[0]?.action_id,
  };
}

/**
 * The claim a card button names, if the clicker may act on it. Refusals are AppErrors, which the app's
 * error handler shows the clicker ephemerally; nothing has changed by then.
 */
export async function claimForClick(deps: SlackDeps, { body, action }: ButtonArgs, opts: { mustBeOpen: boolean }): Promise<{ ctx: ServiceContext; claim: ClaimRow; systemName: string }> {
  const ctx = contextFor(deps, body.user.id, clickOrigin(body));
  const { claim, systemName } = await loadClaimForm({ ctx, input: { claimId: action.value ?? '', mustBeOpen: opts.mustBeOpen } });
  return { ctx, claim, systemName };
}
