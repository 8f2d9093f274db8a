import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { cannotProvideClaim } from '../../../app/evidence/cannot-provide-claim.js';
import { reassignClaim } from '../../../app/evidence/reassign-claim.js';
import { reuseEvidence } from '../../../app/evidence/reuse-evidence.js';
import { submitEvidence } from '../../../app/evidence/submit-evidence.js';
import { EVIDENCE_FIELDS } from '../../../domain/evidence-artifact.js';
import { VIEWS } from '../../ids.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { parseMetadata } from '../../parse/metadata.js';
import { readEvidenceFileIds, readEvidenceSubmission } from '../../parse/evidence-submission.js';
import { collectEvidenceFiles } from '../../../app/evidence/collect-evidence-files.js';
import { reattestEvidence } from '../../../app/evidence/reattest-evidence.js';
import { REATTEST_FIELDS } from '../../../domain/reattestation.js';
import { single, ViewStateValues } from '../../parse/view-values.js';
import { CANNOT_PROVIDE_BLOCK } from '../../views/evidence/cannot-provide-view.js';
import { REASSIGN_BLOCK } from '../../views/evidence/reassign-claim-view.js';
import { REUSE_BLOCK } from '../../views/evidence/reuse-evidence-view.js';
import { answerSubmissionErrors } from './submission-errors.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

// Only the claim id travels in private_metadata; the verbs re-check that it exists and who may answer it.
const ClaimMeta = z.object({ claimId: z.string() });

function contextOf(deps: SlackDeps, body: Args['body']) {
  return contextFor(deps, body.user.id, { via: 'slack', surface: 'view_submission', viewId: body.view.id });
}

/**
 * Submit evidence: Slack sends a double-clicked or retried submission with the same view id, so that is
 * the key. Attached files are read from Slack and hashed first; the verb stores what was read.
 */
function handleEvidenceSubmitSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const { claimId } = parseMetadata(ClaimMeta, view.private_metadata);
    const values = ViewStateValues.parse(view.state.values);
    const files = await collectEvidenceFiles({ source: deps.gateway, fileIds: readEvidenceFileIds(values) });
    const submission = { ...readEvidenceSubmission(values), files };
    await submitEvidence({ ctx: contextOf(deps, body), input: { claimId, idempotencyKey: `view:${view.id}`, submission } });
    await ack({ response_action: 'clear' });
  };
}

/** Still valid: the date checked, the new period's end and the note; the view id keys a retried submission. */
function handleEvidenceStillValidSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const { claimId } = parseMetadata(ClaimMeta, view.private_metadata);
    const values = ViewStateValues.parse(view.state.values);
    const form = { checkedOn: single(values, REATTEST_FIELDS.checkedOn) ?? undefined, periodTo: single(values, REATTEST_FIELDS.periodTo) ?? undefined, note: single(values, REATTEST_FIELDS.note) ?? '' };
    await reattestEvidence({ ctx: contextOf(deps, body), input: { claimId, idempotencyKey: `view:${view.id}`, form } });
    await ack({ response_action: 'clear' });
  };
}

function handleEvidenceReuseSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const { claimId } = parseMetadata(ClaimMeta, view.private_metadata);
    const artifactId = single(ViewStateValues.parse(view.state.values), REUSE_BLOCK) ?? '';
    await reuseEvidence({ ctx: contextOf(deps, body), input: { claimId, artifactId } });
    await ack({ response_action: 'clear' });
  };
}

function handleClaimReassignSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const { claimId } = parseMetadata(ClaimMeta, view.private_metadata);
    const newOwnerId = single(ViewStateValues.parse(view.state.values), REASSIGN_BLOCK) ?? '';
    await reassignClaim({ ctx: contextOf(deps, body), input: { claimId, newOwnerId } });
    await ack({ response_action: 'clear' });
  };
}

function handleClaimCannotProvideSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const { claimId } = parseMetadata(ClaimMeta, view.private_metadata);
    const reason = single(ViewStateValues.parse(view.state.values), CANNOT_PROVIDE_BLOCK) ?? '';
    await cannotProvideClaim({ ctx: contextOf(deps, body), input: { claimId, reason } });
    await ack({ response_action: 'clear' });
  };
}

// Refusals (field errors, not yours, already answered) are shown in the modal under the named block.
export function registerEvidenceViews(app: App, deps: SlackDeps): void {
  app.view(VIEWS.evidenceSubmit, answerSubmissionErrors(() => EVIDENCE_FIELDS.links, deps.logger, handleEvidenceSubmitSubmission(deps)));
  app.view(VIEWS.evidenceStillValid, answerSubmissionErrors(() => REATTEST_FIELDS.note, deps.logger, handleEvidenceStillValidSubmission(deps)));
  app.view(VIEWS.evidenceReuse, answerSubmissionErrors(() => REUSE_BLOCK, deps.logger, handleEvidenceReuseSubmission(deps)));
  app.view(VIEWS.claimReassign, answerSubmissionErrors(() => REASSIGN_BLOCK, deps.logger, handleClaimReassignSubmission(deps)));
  app.view(VIEWS.claimCannotProvide, answerSubmissionErrors(() => CANNOT_PROVIDE_BLOCK, deps.logger, handleClaimCannotProvideSubmission(deps)));
}
