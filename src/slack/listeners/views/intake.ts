import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { TRIGGERS } from '../../../domain/vocabulary.js';
import { draftIntake } from '../../../app/intake/draft-intake.js';
import { confirmIntake } from '../../../app/intake/confirm-intake.js';
import { AppError } from '../../../app/errors.js';
import { VIEWS } from '../../ids.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { parseMetadata } from '../../parse/metadata.js';
import { parseSystemDetails } from '../../parse/system-details.js';
import { single, ViewStateValues } from '../../parse/view-values.js';
import { buildSystemDetailsView } from '../../views/intake/system-details-view.js';
import { buildIntakeReviewView, REVIEW_BLOCKS } from '../../views/intake/intake-review-view.js';
import { buildRequestDetailsView } from '../../views/intake/request-details-view.js';
import { INTAKE_KINDS } from '../../views/intake/intake-kinds.js';
import { START_BLOCKS } from '../../views/intake/intake-start-view.js';
import { answerSubmissionErrors } from './submission-errors.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const StartMeta = z.object({ kind: z.enum(INTAKE_KINDS), trigger: z.enum(TRIGGERS) });
const ReviewMeta = z.object({ draftId: z.string().regex(/^drf_[a-z0-9]+$/) });

const originOf = (body: Args['body']) => ({ via: 'slack' as const, surface: 'view_submission', viewId: body.view.id });

/** Step 1 → step 2: push the details form for the kind chosen, carrying kind and trigger along. */
async function handleIntakeStartSubmission({ ack, view }: Args): Promise<void> {
  const values = ViewStateValues.parse(view.state.values);
  const meta = StartMeta.parse({ kind: single(values, START_BLOCKS.kind), trigger: single(values, START_BLOCKS.trigger) });
  const privateMetadata = JSON.stringify(meta);
  const next = meta.kind === 'ai_system' ? buildSystemDetailsView({ privateMetadata }) : buildRequestDetailsView({ kind: meta.kind, trigger: meta.trigger, privateMetadata });
  await ack({ response_action: 'push', view: next });
}

/** Step 2 → step 3: validate like the CSV import, classify, and show the outcome before anything is stored. */
function handleIntakeDetailsSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const meta = parseMetadata(StartMeta, view.private_metadata);
    const parsed = parseSystemDetails(ViewStateValues.parse(view.state.values), meta.trigger);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const draft = await draftIntake({ ctx: contextFor(deps, body.user.id, originOf(body)), input: { facts: parsed.value } });
    await ack({ response_action: 'push', view: buildIntakeReviewView(draft) });
  };
}

/** Step 3: register, once. The whole stack of views closes on success. */
function handleIntakeReviewSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const meta = parseMetadata(ReviewMeta, view.private_metadata);
    const note = single(ViewStateValues.parse(view.state.values), REVIEW_BLOCKS.note);
    try {
      await confirmIntake({ ctx: contextFor(deps, body.user.id, originOf(body)), input: { draftId: meta.draftId, note } });
      await ack({ response_action: 'clear' });
    } catch (err) {
      if (err instanceof AppError) {
        // The review step has one field; the message under it tells the user to go Back and fix the cause.
        await ack({ response_action: 'errors', errors: { [REVIEW_BLOCKS.note]: `${Object.values(err.fields)[0] ?? err.message} Press Back to change your answers.` } });
        return;
      }
      throw err;
    }
  };
}

export function registerIntakeViews(app: App, deps: SlackDeps): void {
  app.view(VIEWS.intakeStart, answerSubmissionErrors(() => START_BLOCKS.kind, deps.logger, handleIntakeStartSubmission));
  app.view(VIEWS.intakeDetails, answerSubmissionErrors(() => 'name', deps.logger, handleIntakeDetailsSubmission(deps)));
  app.view(VIEWS.intakeReview, answerSubmissionErrors(() => REVIEW_BLOCKS.note, deps.logger, handleIntakeReviewSubmission(deps)));
}
