import type { App, BlockAction } from '@slack/bolt';
import { partialSystemDetails } from '../../parse/system-details.js';
import { ViewStateValues } from '../../parse/view-values.js';
import { VIEWS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { DETAILS_REDRAW_BLOCKS, buildSystemDetailsView } from '../../views/intake/system-details-view.js';

const REDRAW = new RegExp(`^(${DETAILS_REDRAW_BLOCKS.join('|')})$`);

/**
 * A change to the role, EU nexus, data or Annex I answer redraws the details form so that only the
 * follow-up questions those answers make relevant are asked. Block and action ids are unchanged, so Slack
 * keeps what was typed; the hash makes a redraw that lost a race with a newer one a no-op.
 */
function handleIntakeDetailsRedraw(deps: SlackDeps) {
  return async ({ ack, body }: { ack: () => Promise<void>; body: BlockAction }): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view || view.callback_id !== VIEWS.intakeDetails) return;
    const initial = partialSystemDetails(ViewStateValues.parse(view.state?.values ?? {}));
    const next = buildSystemDetailsView({ privateMetadata: view.private_metadata ?? '', initial });
    await deps.gateway.updateView(view.id, next, view.hash).catch((err: unknown) => {
      // hash_conflict: the user changed another answer meanwhile and that redraw wins.
      if ((err as { data?: { error?: string } }).data?.error !== 'hash_conflict') throw err;
    });
  };
}

export function registerIntakeDetailsRedraw(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ block_id: REDRAW, action_id: 'value' }, handleIntakeDetailsRedraw(deps));
}
