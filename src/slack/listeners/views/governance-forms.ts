import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { rejectDecision } from '../../../app/decisions/reject-decision.js';
import { acceptRisk } from '../../../app/exceptions/accept-risk.js';
import { extendRiskAcceptance } from '../../../app/exceptions/extend-risk-acceptance.js';
import { planCorrectiveAction } from '../../../app/exceptions/plan-corrective-action.js';
import { reassignOverdueItem } from '../../../app/escalations/reassign-overdue-item.js';
import { snoozeEscalation } from '../../../app/escalations/snooze-escalation.js';
import { VIEWS } from '../../ids.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { DecisionMeta, EscalationMeta, ExceptionMeta, ExceptionResolveMeta } from '../../parse/governance-forms.js';
import { parseMetadata } from '../../parse/metadata.js';
import { single, ViewStateValues } from '../../parse/view-values.js';
import { DECISION_REJECT_BLOCKS } from '../../views/decision-reject-view.js';
import { REASSIGN_BLOCKS, SNOOZE_BLOCKS } from '../../views/escalation-forms.js';
import { EXCEPTION_RESOLVE_BLOCKS as R } from '../../views/exception-resolve-view.js';
import { RISK_EXTEND_BLOCKS } from '../../views/risk-extend-view.js';
import { answerSubmissionErrors } from './submission-errors.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

// Each form: metadata ids (checked again by the verb), the fields read as text, one verb, close on success.
// Errors from the verb come back keyed by the block ids below and are shown under those fields.

const ctxOf = (deps: SlackDeps, body: Args['body']) => contextFor(deps, body.user.id, { via: 'slack', surface: 'view_submission', viewId: body.view.id });
const text = (args: Args, blockId: string) => single(ViewStateValues.parse(args.view.state.values), blockId) ?? '';

function handleDecisionReject(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { decisionId } = parseMetadata(DecisionMeta, args.view.private_metadata);
    await rejectDecision({ ctx: ctxOf(deps, args.body), input: { decisionId, reason: text(args, DECISION_REJECT_BLOCKS.reason) } });
    await args.ack({ response_action: 'clear' });
  };
}

function handleExceptionResolve(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { exceptionId, resolution } = parseMetadata(ExceptionResolveMeta, args.view.private_metadata);
    const ctx = ctxOf(deps, args.body);
    if (resolution === 'accept_risk') await acceptRisk({ ctx, input: { exceptionId, rationale: text(args, R.rationale), expiresOn: text(args, R.expiresOn) } });
    else await planCorrectiveAction({ ctx, input: { exceptionId, action: text(args, R.action), ownerId: text(args, R.actionOwner), dueOn: text(args, R.actionDue) } });
    await args.ack({ response_action: 'clear' });
  };
}

function handleRiskExtend(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { exceptionId } = parseMetadata(ExceptionMeta, args.view.private_metadata);
    await extendRiskAcceptance({ ctx: ctxOf(deps, args.body), input: { exceptionId, until: text(args, RISK_EXTEND_BLOCKS.until), reason: text(args, RISK_EXTEND_BLOCKS.reason) } });
    await args.ack({ response_action: 'clear' });
  };
}

function handleEscalationSnooze(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { itemRef, channel, ts } = parseMetadata(EscalationMeta, args.view.private_metadata);
    await snoozeEscalation({ ctx: ctxOf(deps, args.body), input: { itemRef, clicked: { channel, ts }, until: text(args, SNOOZE_BLOCKS.until), reason: text(args, SNOOZE_BLOCKS.reason) } });
    await args.ack({ response_action: 'clear' });
  };
}

function handleEscalationReassign(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { itemRef, channel, ts } = parseMetadata(EscalationMeta, args.view.private_metadata);
    await reassignOverdueItem({ ctx: ctxOf(deps, args.body), input: { itemRef, clicked: { channel, ts }, newOwnerId: text(args, REASSIGN_BLOCKS.owner) } });
    await args.ack({ response_action: 'clear' });
  };
}

/** Where an unexpected error is shown: the first field of whichever form was submitted. */
function firstFieldOfResolution(args: Args): string {
  try {
    return parseMetadata(ExceptionResolveMeta, args.view.private_metadata).resolution === 'corrective_action' ? R.action : R.rationale;
  } catch {
    return R.rationale;
  }
}

export function registerGovernanceForms(app: App, deps: SlackDeps): void {
  app.view(VIEWS.decisionReject, answerSubmissionErrors(() => DECISION_REJECT_BLOCKS.reason, deps.logger, handleDecisionReject(deps)));
  app.view(VIEWS.exceptionResolve, answerSubmissionErrors(firstFieldOfResolution, deps.logger, handleExceptionResolve(deps)));
  app.view(VIEWS.riskExtend, answerSubmissionErrors(() => RISK_EXTEND_BLOCKS.reason, deps.logger, handleRiskExtend(deps)));
  app.view(VIEWS.escalationSnooze, answerSubmissionErrors(() => SNOOZE_BLOCKS.reason, deps.logger, handleEscalationSnooze(deps)));
  app.view(VIEWS.escalationReassign, answerSubmissionErrors(() => REASSIGN_BLOCKS.owner, deps.logger, handleEscalationReassign(deps)));
}
