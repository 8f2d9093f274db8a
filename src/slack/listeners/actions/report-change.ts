import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { prepareChangeReport } from '../../../app/requests/prepare-change-report.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { buildRequestDetailsView } from '../../views/intake/request-details-view.js';
import { clickOrigin, type ButtonArgs } from './claim-click.js';
import { contextFor } from '../../deps.js';

/**
 * Report change on a system's card opens the intake change form with that system chosen. Anyone may
 * report a change (PRODUCT.md).
 */
function handleReportChangeClick(deps: SlackDeps) {
  return async ({ ack, action, body }: ButtonArgs): Promise<void> => {
    await ack();
    const system = await prepareChangeReport({ ctx: contextFor(deps, body.user.id, clickOrigin(body)), input: { systemId: action.value ?? '' } });
    const meta = { kind: 'change' as const, trigger: 'material_change' as const };
    await deps.gateway.openView(body.trigger_id, buildRequestDetailsView({ ...meta, privateMetadata: JSON.stringify(meta), system }));
  };
}

export function registerReportChangeAction(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.reportChange, handleReportChangeClick(deps));
}
