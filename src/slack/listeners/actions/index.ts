import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerEvidenceCardActions } from './evidence-card.js';
import { registerReportChangeAction } from './report-change.js';
import { registerRegisterSystemButton } from './register-system-button.js';
import { registerGovernanceActions } from './governance.js';
import { registerIntakeDetailsRedraw } from './intake-details-redraw.js';

/** Button clicks on messages, modals and the Home tab. */
export function registerActions(app: App, deps: SlackDeps): void {
  registerEvidenceCardActions(app, deps);
  registerReportChangeAction(app, deps);
  registerRegisterSystemButton(app, deps);
  registerGovernanceActions(app, deps);
  registerIntakeDetailsRedraw(app, deps);
}
