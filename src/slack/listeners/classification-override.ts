import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { overrideClassification } from '../../app/classification/override-classification.js';
import { prepareOverride } from '../../app/classification/prepare-override.js';
import { AppError } from '../../app/errors.js';
import { answerSubmissionErrors } from './views/submission-errors.js';
import { ACTIONS, VIEWS } from '../ids.js';
import { contextFor, type SlackDeps } from '../deps.js';
import { parseMetadata } from '../parse/metadata.js';
import { single, ViewStateValues } from '../parse/view-values.js';
import { buildOverrideModal, OVERRIDE_BLOCKS } from '../views/override-modal.js';

const SystemRef = z.object({ systemId: z.string().regex(/^sys_[a-z0-9]+$/) });

/** Override classification, from the system's announcement card; the verbs decide who may. */
export function registerClassificationOverride(app: App, deps: SlackDeps): void {
  // A refusal (not an admin, the system gone) reaches the clicker ephemerally through the app's error handler.
  app.action<BlockButtonAction>(ACTIONS.overrideClassification, async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const ctx = contextFor(deps, body.user.id, { via: 'slack', surface: 'block_actions', actionId: action.action_id });
    const form = await prepareOverride({ ctx, input: { systemId: action.value ?? '' } });
    await deps.gateway.openView(body.trigger_id, buildOverrideModal(form));
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
