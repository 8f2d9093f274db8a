import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { notFound } from '../../../app/errors.js';
import { findSystemById } from '../../../db/repos/systems.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { buildRequestDetailsView } from '../../views/intake/request-details-view.js';
import type { ButtonArgs } from './claim-click.js';

const SYSTEM_ID = /^sys_[a-z0-9]+$/;

/**
 * Report change on a system's card opens the intake change form with that system chosen. Anyone may
 * report a change (PRODUCT.md); the system is looked up by primary key only to show its name.
 */
function handleReportChangeClick(deps: SlackDeps) {
  return async ({ ack, action, body }: ButtonArgs): Promise<void> => {
    await ack();
    const id = action.value ?? '';
    const system = SYSTEM_ID.test(id) ? await findSystemById(deps.db, id) : undefined;
    if (!system) throw notFound('That AI system');
    const meta = { kind: 'change' as const, trigger: 'material_change' as const };
    await deps.gateway.openView(body.trigger_id, buildRequestDetailsView({ ...meta, privateMetadata: JSON.stringify(meta), system }));
  };
}

export function registerReportChangeAction(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.reportChange, handleReportChangeClick(deps));
}
