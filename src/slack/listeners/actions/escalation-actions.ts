import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { acknowledgeEscalation } from '../../../app/escalations/acknowledge-escalation.js';
import { checkMaySnoozeEscalation } from '../../../app/escalations/snooze-escalation.js';
import { localDate } from '../../../domain/calendar-dates.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { mention } from '../../escape.js';
import { buttonValue } from '../../parse/governance-forms.js';
import { buildEscalationReassignView, buildEscalationSnoozeView } from '../../views/escalation-forms.js';
import type { ButtonArgs } from './claim-click.js';
import { clickContext, clickedMessage, tellClicker } from './tell-clicker.js';

const ItemRef = z.string().regex(/^(review|evidence|exception|statutory):[a-z]{3}_[a-z0-9]+$/);

function handleAcknowledgeClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const result = await acknowledgeEscalation({ ctx: clickContext(deps, args.body), input: { itemRef: buttonValue(ItemRef, args.action.value), clicked: clickedMessage(args.body) } });
    if (result.status === 'already_acknowledged') {
      const when = result.at ? ` on ${localDate(result.at, deps.policy.timeZone)}` : '';
      await tellClicker(deps, args, { text: `${mention(result.by)} already took this escalation${when}.` });
    }
  };
}

/** Snooze is for admins only: others are told at once, without a form. */
function handleSnoozeClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const itemRef = buttonValue(ItemRef, args.action.value);
    checkMaySnoozeEscalation(clickContext(deps, args.body));
    await deps.gateway.openView(args.body.trigger_id, buildEscalationSnoozeView({ itemRef, ...clickedMessage(args.body) }));
  };
}

/** Reassign opens the form at once; whether the clicker may move this item is checked when it is submitted. */
function handleReassignClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const itemRef = buttonValue(ItemRef, args.action.value);
    await deps.gateway.openView(args.body.trigger_id, buildEscalationReassignView({ itemRef, ...clickedMessage(args.body) }));
  };
}

export function registerEscalationActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.escalationAcknowledge, handleAcknowledgeClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.escalationSnooze, handleSnoozeClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.escalationReassign, handleReassignClick(deps));
}
