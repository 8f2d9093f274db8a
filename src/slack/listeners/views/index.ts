import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerIntakeViews } from './intake.js';
import { registerEvidenceViews } from './evidence.js';
import { registerIntakeRequestView } from './intake-request.js';
import { registerAttachEvidenceView } from './attach-evidence.js';
import { registerReviewRecordView } from './review-record.js';
import { registerGovernanceForms } from './governance-forms.js';
import { registerSoaForms } from './soa-forms.js';

export function registerViews(app: App, deps: SlackDeps): void {
  registerIntakeViews(app, deps);
  registerEvidenceViews(app, deps);
  registerIntakeRequestView(app, deps);
  registerAttachEvidenceView(app, deps);
  registerReviewRecordView(app, deps);
  registerGovernanceForms(app, deps);
  registerSoaForms(app, deps);
}
