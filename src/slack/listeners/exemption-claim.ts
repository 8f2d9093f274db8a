import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { claimLawExemption } from '../../app/exemptions/claim-law-exemption.js';
import { prepareExemptionClaim } from '../../app/exemptions/prepare-exemption-claim.js';
import { ACTIONS, VIEWS } from '../ids.js';
import { contextFor, type SlackDeps } from '../deps.js';
import { parseMetadata } from '../parse/metadata.js';
import { single, ViewStateValues } from '../parse/view-values.js';
import { buildExemptionClaimModal, EXEMPTION_BLOCKS } from '../views/exemption-claim-modal.js';
import { answerSubmissionErrors } from './views/submission-errors.js';

const SystemRef = z.object({ systemId: z.string().regex(/^sys_[a-z0-9]+$/) });

/** Claim an exemption, from the system's announcement card: the form opens first; the verb checks who and what. */
export function registerExemptionClaim(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.claimExemption, async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ctx = contextFor(deps, body.user.id, { via: 'slack', surface: 'block_actions', actionId: action.action_id });
    await deps.gateway.openView(body.trigger_id, buildExemptionClaimModal(await prepareExemptionClaim({ ctx, input: { systemId: action.value ?? '' } })));
  });

  app.view(VIEWS.exemptionClaim, answerSubmissionErrors(() => EXEMPTION_BLOCKS.exemption, deps.logger, async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { systemId } = parseMetadata(SystemRef, view.private_metadata);
    const values = ViewStateValues.parse(view.state.values);
    await claimLawExemption({
      ctx: contextFor(deps, body.user.id, { via: 'slack', surface: 'view_submission', viewId: view.id }),
      input: { systemId, exemptionId: single(values, EXEMPTION_BLOCKS.exemption) ?? '', justification: single(values, EXEMPTION_BLOCKS.justification) ?? '' },
    });
    await ack();
  }));
}
