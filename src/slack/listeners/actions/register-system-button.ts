import type { AllMiddlewareArgs, App, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { buildIntakeStartView } from '../../views/intake/intake-start-view.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The Home tab's Register an AI system button: the same intake modal as `/aigov new`, opened before anything else. */
export function registerRegisterSystemButton(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ACTIONS.registerSystem, async ({ ack, body }: Args) => {
    await Promise.all([ack(), deps.gateway.openView(body.trigger_id, buildIntakeStartView())]);
  });
}
