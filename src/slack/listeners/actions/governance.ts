import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerDecisionActions } from './decision-actions.js';
import { registerEscalationActions } from './escalation-actions.js';
import { registerExceptionActions } from './exception-actions.js';
import { registerOpenRecordAction } from './open-record.js';
import { registerReviewActions } from './review-actions.js';
import { registerSoaActions } from './soa-actions.js';

/** Buttons of the governance workflow: reviews, decisions, exceptions, risk acceptances, escalations. */
export function registerGovernanceActions(app: App, deps: SlackDeps): void {
  registerReviewActions(app, deps);
  registerDecisionActions(app, deps);
  registerExceptionActions(app, deps);
  registerEscalationActions(app, deps);
  registerOpenRecordAction(app, deps);
  registerSoaActions(app, deps);
}
