import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { raiseRequest } from '../../../app/requests/raise-request.js';
import { REQUEST_FIELDS, REQUEST_KINDS } from '../../../domain/request-details.js';
import { TRIGGERS } from '../../../domain/vocabulary.js';
import { VIEWS } from '../../ids.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { parseMetadata } from '../../parse/metadata.js';
import { readRequestDetails } from '../../parse/request-details.js';
import { ViewStateValues } from '../../parse/view-values.js';
import { answerSubmissionErrors } from './submission-errors.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const RequestMeta = z.object({ kind: z.enum(REQUEST_KINDS), trigger: z.enum(TRIGGERS) });

/** A change, incident, supplier or assurance request: recorded once per view, acted on, and the whole stack closes. */
function handleIntakeRequestSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const meta = parseMetadata(RequestMeta, view.private_metadata);
    const details = readRequestDetails(ViewStateValues.parse(view.state.values), meta.kind);
    const ctx = contextFor(deps, body.user.id, { via: 'slack', surface: 'view_submission', viewId: body.view.id });
    await raiseRequest({ ctx, input: { trigger: meta.trigger, details, idempotencyKey: `view:${view.id}` } });
    await ack({ response_action: 'clear' });
  };
}

export function registerIntakeRequestView(app: App, deps: SlackDeps): void {
  app.view(VIEWS.intakeRequest, answerSubmissionErrors(() => REQUEST_FIELDS.description, deps.logger, handleIntakeRequestSubmission(deps)));
}
