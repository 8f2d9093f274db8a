import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { FUNCTIONS } from '../../ids.js';
import { handleRegisterSystemStep } from './register-system-step.js';
import { handleRequestEvidenceStep } from './request-evidence-step.js';

/** Workflow Builder steps (manifest `functions`). Bolt acknowledges each function_executed before the handler runs. */
export function registerFunctions(app: App, deps: SlackDeps): void {
  app.function(FUNCTIONS.registerSystem, handleRegisterSystemStep(deps));
  app.function(FUNCTIONS.requestEvidence, handleRequestEvidenceStep(deps));
}
