import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { localDate } from '../../../domain/calendar-dates.js';
import { listReuseOptions } from '../../../app/evidence/list-reuse-options.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { buildCannotProvideView } from '../../views/evidence/cannot-provide-view.js';
import { buildReassignClaimView } from '../../views/evidence/reassign-claim-view.js';
import { buildReuseEvidenceView, buildReuseLoadingView } from '../../views/evidence/reuse-evidence-view.js';
import { buildSubmitEvidenceView } from '../../views/evidence/submit-evidence-view.js';
import { buildStillValidView } from '../../views/evidence/still-valid-view.js';
import { loadStillValidForm } from '../../../app/evidence/load-still-valid-form.js';
import { contextFor } from '../../deps.js';
import { claimForClick, clickOrigin, type ButtonArgs } from './claim-click.js';

// Each button acks at once, reads the one claim it names (a primary-key lookup) to check who may act,
// and opens its modal well inside the trigger_id's 3 seconds.

function handleEvidenceSubmitClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { claim, systemName } = await claimForClick(deps, args, { mustBeOpen: true });
    await deps.gateway.openView(args.body.trigger_id, buildSubmitEvidenceView({ claim, systemName, today: localDate(deps.now(), deps.policy.timeZone) }));
  };
}

/** Reuse needs the system's artifacts checked against the rule: a placeholder opens first, the choices follow. */
function handleEvidenceReuseClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { ctx, claim } = await claimForClick(deps, args, { mustBeOpen: true });
    const opened = await deps.gateway.openView(args.body.trigger_id, buildReuseLoadingView());
    const options = await listReuseOptions({ ctx, input: { claimId: claim.id } });
    const candidate = (c: (typeof options.allowed)[number]) => ({ artifact: c.artifact, from: c.conditions.claim, decision: c.decision });
    await deps.gateway.updateView(opened.id, buildReuseEvidenceView({
      claim: options.claim, systemName: options.systemName, allowed: options.allowed.map(candidate), refused: options.refused.map(candidate),
      unmapped: options.unmapped, partners: options.partners,
    }));
  };
}

/** Still valid: the form opens only where the rule allows it; otherwise the owner is told why. */
function handleEvidenceStillValidClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const ctx = contextFor(deps, args.body.user.id, clickOrigin(args.body));
    await deps.gateway.openView(args.body.trigger_id, buildStillValidView(await loadStillValidForm({ ctx, input: { claimId: args.action.value ?? '' } })));
  };
}

function handleClaimReassignClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { claim, systemName } = await claimForClick(deps, args, { mustBeOpen: false });
    await deps.gateway.openView(args.body.trigger_id, buildReassignClaimView({ claim, systemName }));
  };
}

function handleClaimCannotProvideClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { claim, systemName } = await claimForClick(deps, args, { mustBeOpen: true });
    await deps.gateway.openView(args.body.trigger_id, buildCannotProvideView({ claim, systemName }));
  };
}

export function registerEvidenceCardActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.evidenceSubmit, handleEvidenceSubmitClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.evidenceReuse, handleEvidenceReuseClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.evidenceStillValid, handleEvidenceStillValidClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.claimReassign, handleClaimReassignClick(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.claimCannotProvide, handleClaimCannotProvideClick(deps));
}
