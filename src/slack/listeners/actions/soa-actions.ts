import type { ModalView } from '@slack/types';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { checkMayDecideSoa } from '../../../app/soa/decide-control.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { buildAimsScopeView, buildSoaControlView } from '../../views/soa-forms.js';
import type { ButtonArgs } from './claim-click.js';
import { clickContext } from './tell-clicker.js';

// The forms open straight from the click, for those the verbs' rule allows (no database read); the verbs check again on submit.

function openForm(deps: SlackDeps, build: () => ModalView) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    checkMayDecideSoa(clickContext(deps, args.body));
    await deps.gateway.openView(args.body.trigger_id, build());
  };
}

export function registerSoaActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.soaDecideControl, openForm(deps, () => buildSoaControlView({ framework: 'iso-42001' })));
  app.action<BlockAction<ButtonAction>>(ACTIONS.soaNistOwner, openForm(deps, () => buildSoaControlView({ framework: 'nist-ai-rmf' })));
  app.action<BlockAction<ButtonAction>>(ACTIONS.soaRecordScope, openForm(deps, () => buildAimsScopeView()));
}
