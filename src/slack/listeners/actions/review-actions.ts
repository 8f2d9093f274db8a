import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { loadReviewForm } from '../../../app/reviews/load-review-form.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { buttonValue, ReviewId } from '../../parse/governance-forms.js';
import { buildReviewRecordView } from '../../views/review-record-view.js';
import type { ButtonArgs } from './claim-click.js';
import { clickContext } from './tell-clicker.js';

/** Start review: one primary-key read checks the review is open and the clicker may record it, then the form opens. */
function handleStartReviewClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const reviewId = buttonValue(ReviewId, args.action.value);
    const form = await loadReviewForm({ ctx: clickContext(deps, args.body), input: { reviewId } });
    await deps.gateway.openView(args.body.trigger_id, buildReviewRecordView(form));
  };
}

export function registerReviewActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.startReview, handleStartReviewClick(deps));
}
