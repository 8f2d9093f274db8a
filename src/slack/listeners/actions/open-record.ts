import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { readRecordSummary } from '../../../app/records/read-record-summary.js';
import { ACTIONS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { buttonValue } from '../../parse/governance-forms.js';
import { buildRecordSummary } from '../../views/record-summary.js';
import type { ButtonArgs } from './claim-click.js';
import { clickContext, tellClicker } from './tell-clicker.js';

const SystemId = z.string().regex(/^sys_[a-z0-9]+$/);

/** Open record: the system's record at a glance, shown only to the person who asked. */
function handleOpenRecordClick(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const summary = await readRecordSummary({ ctx: clickContext(deps, args.body), input: { systemId: buttonValue(SystemId, args.action.value) } });
    await tellClicker(deps, args, buildRecordSummary(summary));
  };
}

export function registerOpenRecordAction(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.openRecord, handleOpenRecordClick(deps));
}
