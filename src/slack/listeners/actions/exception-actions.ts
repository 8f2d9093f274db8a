import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { closeRiskAcceptance } from '../../../app/exceptions/close-risk-acceptance.js';
import { completeCorrectiveAction } from '../../../app/exceptions/complete-corrective-action.js';
import { prepareExceptionResolution } from '../../../app/exceptions/prepare-exception-resolution.js';
import { checkMayExtendRiskAcceptance } from '../../../app/exceptions/extend-risk-acceptance.js';
import type { Resolution } from '../../../domain/exception-resolution.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { buttonValue, ExceptionId } from '../../parse/governance-forms.js';
import { buildExceptionResolveView } from '../../views/exception-resolve-view.js';
import { buildRiskExtendView } from '../../views/risk-extend-view.js';
import type { ButtonArgs } from './claim-click.js';
import { clickContext, tellClicker } from './tell-clicker.js';

/** Accept risk / Corrective action: the exception and the clicker's right are checked before the form opens. */
function handleResolveClick(deps: SlackDeps, resolution: Resolution) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const exceptionId = buttonValue(ExceptionId, args.action.value);
    const form = await prepareExceptionResolution({ ctx: clickContext(deps, args.body), input: { exceptionId, resolution } });
    await deps.gateway.openView(args.body.trigger_id, buildExceptionResolveView(form));
  };
}

function handleActionDoneClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const result = await completeCorrectiveAction({ ctx: clickContext(deps, args.body), input: { exceptionId: buttonValue(ExceptionId, args.action.value) } });
    if (result.status === 'already_closed') await tellClicker(deps, args, { text: 'This exception is already closed; nothing was changed.' });
  };
}

/** Extend is for admins, with a reason and a date: the form opens only for them. */
function handleRiskExtendClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const exceptionId = buttonValue(ExceptionId, args.action.value);
    checkMayExtendRiskAcceptance(clickContext(deps, args.body));
    await deps.gateway.openView(args.body.trigger_id, buildRiskExtendView({ exceptionId }));
  };
}

function handleRiskCloseClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const result = await closeRiskAcceptance({ ctx: clickContext(deps, args.body), input: { exceptionId: buttonValue(ExceptionId, args.action.value) } });
    await tellClicker(deps, args, { text: result.status === 'closed' ? 'The risk acceptance is closed.' : 'This exception is already closed; nothing was changed.' });
  };
}

export function registerExceptionActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.exceptionAcceptRisk, handleResolveClick(deps, 'accept_risk'));
  app.action<BlockAction<ButtonAction>>(ACTIONS.exceptionCorrectiveAction, handleResolveClick(deps, 'corrective_action'));
  app.action<BlockAction<ButtonAction>>(ACTIONS.exceptionActionDone, handleActionDoneClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.riskExtend, handleRiskExtendClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.riskClose, handleRiskCloseClick(deps));
}
