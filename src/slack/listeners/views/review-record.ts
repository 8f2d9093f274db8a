import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { recordReview } from '../../../app/reviews/record-review.js';
import { VIEWS } from '../../ids.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { parseMetadata } from '../../parse/metadata.js';
import { parseReviewRecord } from '../../parse/review-record.js';
import { ViewStateValues } from '../../parse/view-values.js';
import { REVIEW_BLOCKS } from '../../views/review-record-view.js';
import { answerSubmissionErrors } from './submission-errors.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const ReviewMeta = z.object({ reviewId: z.string().regex(/^rev_[a-z0-9]+$/) });

/** The review record: shape errors under their fields at once; the verb's rule errors the same way. */
function handleReviewRecordSubmission(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const { reviewId } = parseMetadata(ReviewMeta, view.private_metadata);
    const parsed = parseReviewRecord(ViewStateValues.parse(view.state.values));
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    const ctx = contextFor(deps, body.user.id, { via: 'slack', surface: 'view_submission', viewId: view.id });
    await recordReview({ ctx, input: { reviewId, outcome: parsed.value } });
    await ack({ response_action: 'clear' });
  };
}

export function registerReviewRecordView(app: App, deps: SlackDeps): void {
  app.view(VIEWS.reviewRecord, answerSubmissionErrors(() => REVIEW_BLOCKS.result, deps.logger, handleReviewRecordSubmission(deps)));
}
