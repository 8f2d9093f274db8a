import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { submitEvidence } from '../../../app/evidence/submit-evidence.js';
import { AppError } from '../../../app/errors.js';
import { VIEWS } from '../../ids.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { parseMetadata } from '../../parse/metadata.js';
import { AttachEvidenceMeta, parseAttachEvidence } from '../../parse/attach-evidence.js';
import { ViewStateValues } from '../../parse/view-values.js';
import { ATTACH_EVIDENCE_BLOCKS } from '../../views/evidence/attach-evidence-view.js';
import { publishHome } from '../events/publish-home.js';
import { answerSubmissionErrors } from './submission-errors.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const b = ATTACH_EVIDENCE_BLOCKS;
// The form has no links field (the link is the message) and no acceptance criteria field.
const FORM_BLOCKS = new Set<string>([b.claim, b.kind, b.description, b.evidenceDate, b.periodFrom, b.periodTo, b.criteriaMet]);

/**
 * The attach form is a Submit evidence whose link is the message: the same verb checks the claim is the
 * user's and still open, stores one artifact per modal (its view id is the key, so a retry adds nothing),
 * and redraws the evidence card. Problems show under the field they are about.
 */
function handleAttachEvidenceSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const meta = parseMetadata(AttachEvidenceMeta, view.private_metadata);
    const { claimId, submission } = parseAttachEvidence(ViewStateValues.parse(view.state.values), meta);
    const origin = { via: 'slack' as const, surface: 'message_shortcut', channel: meta.channel, messageTs: meta.messageTs, viewId: view.id };
    try {
      await submitEvidence({ ctx: contextFor(deps, body.user.id, origin), input: { claimId, idempotencyKey: `attach:${view.id}`, submission } });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const fields = Object.entries(err.fields).map(([field, message]) => [FORM_BLOCKS.has(field) ? field : b.claim, message] as const);
      await ack({ response_action: 'errors', errors: fields.length ? Object.fromEntries(fields) : { [b.claim]: err.message } });
      return;
    }
    await ack();
    // The attach is done; a Home tab that fails to redraw is redrawn the next time it is opened.
    await publishHome(deps, body.user.id, origin).catch((err: unknown) => deps.logger.warn({ err }, 'could not refresh the Home tab'));
  };
}

export function registerAttachEvidenceView(app: App, deps: SlackDeps): void {
  app.view(VIEWS.attachEvidence, answerSubmissionErrors(() => b.claim, deps.logger, handleAttachEvidenceSubmission(deps)));
}
