import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { approveDecision, checkMayDecide } from '../../../app/decisions/approve-decision.js';
import { localDate } from '../../../domain/calendar-dates.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { mention } from '../../escape.js';
import { buttonValue, DecisionId } from '../../parse/governance-forms.js';
import { buildDecisionRejectView } from '../../views/decision-reject-view.js';
import type { ButtonArgs } from './claim-click.js';
import { clickContext, tellClicker } from './tell-clicker.js';

function handleApproveClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const result = await approveDecision({ ctx: clickContext(deps, args.body), input: { decisionId: buttonValue(DecisionId, args.action.value) } });
    if (result.status === 'already_decided') {
      const when = result.at ? ` on ${localDate(result.at, deps.policy.timeZone)}` : '';
      await tellClicker(deps, args, { text: `This decision was already ${result.outcome}${result.by ? ` by ${mention(result.by)}` : ''}${when}; nothing was changed.` });
    }
  };
}

/** Reject asks for a reason; only admins get the form (the admin list is configuration, no database read). */
function handleRejectClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const decisionId = buttonValue(DecisionId, args.action.value);
    checkMayDecide(clickContext(deps, args.body));
    await deps.gateway.openView(args.body.trigger_id, buildDecisionRejectView({ decisionId }));
  };
}

export function registerDecisionActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.decisionApprove, handleApproveClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.decisionReject, handleRejectClick(deps));
}
