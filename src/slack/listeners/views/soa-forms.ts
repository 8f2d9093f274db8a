import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { ApplicabilityChoice, decideControl } from '../../../app/soa/decide-control.js';
import { recordAimsScope } from '../../../app/soa/record-aims-scope.js';
import { VIEWS } from '../../ids.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { parseMetadata } from '../../parse/metadata.js';
import { multiple, single, ViewStateValues } from '../../parse/view-values.js';
import { SOA_CONTROL_BLOCKS as C, SOA_SCOPE_BLOCKS as S } from '../../views/soa-forms.js';
import { publishHome } from '../events/publish-home.js';
import { answerSubmissionErrors } from './submission-errors.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const SoaControlMeta = z.object({ framework: z.enum(['iso-42001', 'nist-ai-rmf']) });
const origin = (body: Args['body']) => ({ via: 'slack' as const, surface: 'view_submission', viewId: body.view.id });

/** After a change the admin's Home tab is drawn again, so what they see is the document as it now stands. */
async function refreshHome(deps: SlackDeps, args: Args): Promise<void> {
  await publishHome(deps, args.body.user.id, origin(args.body));
}

function handleSoaControl(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const { framework } = parseMetadata(SoaControlMeta, args.view.private_metadata);
    const values = ViewStateValues.parse(args.view.state.values);
    const owner = single(values, C.owner);
    const applicability = ApplicabilityChoice.safeParse(single(values, C.applicability) ?? 'unchanged');
    await decideControl({
      ctx: contextFor(deps, args.body.user.id, origin(args.body)),
      input: {
        framework, controlId: single(values, C.control) ?? '',
        ...(owner ? { ownerId: owner } : {}),
        applicability: applicability.success ? applicability.data : 'unchanged',
        justification: single(values, C.justification) ?? '',
      },
    });
    await args.ack({ response_action: 'clear' });
    await refreshHome(deps, args);
  };
}

function handleAimsScope(deps: SlackDeps) {
  return async (args: Args): Promise<void> => {
    const values = ViewStateValues.parse(args.view.state.values);
    const systems = multiple(values, S.systems);
    await recordAimsScope({
      ctx: contextFor(deps, args.body.user.id, origin(args.body)),
      input: { statement: single(values, S.statement) ?? '', systemIds: systems.length ? systems : null, units: single(values, S.units) ?? '' },
    });
    await args.ack({ response_action: 'clear' });
    await refreshHome(deps, args);
  };
}

export function registerSoaForms(app: App, deps: SlackDeps): void {
  app.view(VIEWS.soaControl, answerSubmissionErrors(() => C.control, deps.logger, handleSoaControl(deps)));
  app.view(VIEWS.soaScope, answerSubmissionErrors(() => S.statement, deps.logger, handleAimsScope(deps)));
}
