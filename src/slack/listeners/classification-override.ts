import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { overrideClassification } from '../../app/classification/override-classification.js';
import { AppError } from '../../app/errors.js';
import { answerSubmissionErrors } from './views/submission-errors.js';
import { findSystemById } from '../../db/repos/systems.js';
import { ACTIONS, VIEWS } from '../ids.js';
import { contextFor, type SlackDeps } from '../deps.js';
import { parseMetadata } from '../parse/metadata.js';
import { single, ViewStateValues } from '../parse/view-values.js';
import { buildOverrideModal, OVERRIDE_BLOCKS } from '../views/override-modal.js';

const SystemRef = z.object({ systemId: z.string().regex(/^sys_[a-z0-9]+$/) });

/** Override classification: admins only, from the system's announcement card. */
export function registerClassificationOverride(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.overrideClassification, async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    if (!deps.policy.admins.includes(body.user.id)) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Only governance admins can override a classification.' });
      return;
    }
    const system = await findSystemById(deps.db, action.value ?? '');
    if (!system) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That system no longer exists.' });
      return;
    }
    await deps.gateway.openView(body.trigger_id, buildOverrideModal({ systemId: system.id, systemName: system.name, current: { tier: system.riskTier, primarySource: system.primarySource, workKind: system.workKind, cadenceDays: system.cadenceDays } }));
  });

  // Field errors from the verb are keyed `value` or `justification`; anything else goes under the choice.
  app.view(VIEWS.classificationOverride, answerSubmissionErrors(() => OVERRIDE_BLOCKS.choice, deps.logger, async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const { systemId } = parseMetadata(SystemRef, view.private_metadata);
    const values = ViewStateValues.parse(view.state.values);
    const [outcome, value] = (single(values, OVERRIDE_BLOCKS.choice) ?? '=').split('=');
    await overrideClassification({
      ctx: contextFor(deps, body.user.id, { via: 'slack', surface: 'view_submission', viewId: view.id }),
      input: { systemId, outcome, value, justification: single(values, OVERRIDE_BLOCKS.justification) ?? '' } as never,
    }).catch((err: unknown) => {
      // The outcome and its value are one select in the form: their errors go under it.
      if (!(err instanceof AppError)) throw err;
      const fields = Object.fromEntries(Object.entries(err.fields).map(([f, m]) => [f === 'justification' ? OVERRIDE_BLOCKS.justification : OVERRIDE_BLOCKS.choice, m]));
      throw new AppError(err.code, err.message, fields);
    });
    await ack();
  }));
}
