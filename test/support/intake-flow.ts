import { expect } from 'vitest';
import type { TestApp } from './test-app.js';
import type { StoredView } from './fake-slack.js';
import {
  checkboxesValue, multiStaticSelectValue, plainTextValue, radioButtonsValue, staticSelectValue, usersSelectValue, type ViewStateValues,
} from './view-state.js';

export interface SystemAnswers {
  name: string;
  purpose?: string;
  owner?: string;
  lifecycle?: string;
  role?: string;
  euNexus?: 'yes' | 'no';
  data?: string[];
  prohibited?: string;
  annexI?: 'yes' | 'no';
  annexIII?: string;
  art63?: string;
  profiling?: 'yes' | 'no';
  transparency?: string[];
  supplier?: string;
  oversight?: string;
  monitoring?: string;
  /** Follow-up answers; present only when the form shows the question. */
  gpai?: string;
  scopeExclusion?: string;
  annexISection?: string;
  publicBody?: 'yes' | 'no';
  art25?: string;
  usStates?: string[];
  consequentialDecision?: string;
}

/** view_submission values for the system details step, as Slack would send them. */
export function systemDetailsValues(a: SystemAnswers): ViewStateValues {
  const v = (block: string, value: ViewStateValues[string][string]) => ({ [block]: { value } });
  return {
    ...v('name', plainTextValue(a.name)),
    ...v('purpose', plainTextValue(a.purpose ?? 'Ranks job applicants for recruiters.')),
    ...v('owner', usersSelectValue(a.owner ?? 'U0OWNER1')),
    ...v('lifecycle_stage', staticSelectValue(a.lifecycle ?? 'deployed')),
    ...v('operator_role', staticSelectValue(a.role ?? 'deployer')),
    ...v('eu_nexus', radioButtonsValue(a.euNexus ?? 'yes')),
    ...v('data_categories', checkboxesValue(a.data ?? ['personal'])),
    ...v('prohibited_practice', staticSelectValue(a.prohibited ?? 'none')),
    ...v('annex_i_product', radioButtonsValue(a.annexI ?? 'no')),
    ...v('annex_iii_point', staticSelectValue(a.annexIII ?? '4(a)')),
    ...v('art6_3_condition', staticSelectValue(a.art63 ?? 'none')),
    ...v('profiling', radioButtonsValue(a.profiling ?? 'no')),
    ...v('transparency', checkboxesValue(a.transparency ?? [])),
    ...v('supplier', plainTextValue(a.supplier ?? null)),
    ...v('human_oversight', plainTextValue(a.oversight ?? null)),
    ...v('monitoring_signal', plainTextValue(a.monitoring ?? null)),
    ...(a.gpai ? v('gpai_model', radioButtonsValue(a.gpai)) : {}),
    ...(a.scopeExclusion ? v('scope_exclusion', staticSelectValue(a.scopeExclusion)) : {}),
    ...(a.annexISection ? v('annex_i_section', radioButtonsValue(a.annexISection)) : {}),
    ...(a.publicBody ? v('public_body', radioButtonsValue(a.publicBody)) : {}),
    ...(a.art25 ? v('art25_provider', staticSelectValue(a.art25)) : {}),
    ...(a.usStates ? v('us_states', multiStaticSelectValue(a.usStates)) : {}),
    ...(a.consequentialDecision ? v('consequential_decision', staticSelectValue(a.consequentialDecision)) : {}),
  };
}

/** `/aigov new` → the start view Slack opened for us. */
export async function openIntake(app: TestApp, user: string): Promise<StoredView> {
  const mark = app.fake.mark();
  const res = await app.slack.slashCommand({ user, text: 'new' });
  expect(res.status).toBe(200);
  const call = await app.fake.waitFor(() => app.fake.since(mark, 'views.open').find((c) => c.ok), 3000);
  return call.response!.view as StoredView;
}

/** Submits a view and applies Slack's response_action to the fake's stack; returns the ack body and the view now on top. */
export async function submit(app: TestApp, user: string, view: StoredView, values: ViewStateValues, opts: { retryNum?: number } = {}) {
  const res = await app.slack.viewSubmission({ user, view, values }, opts);
  const next = res.body && typeof res.body === 'object' ? app.fake.applyViewAck(view.id, res.body) : undefined;
  return { res, body: res.body as { response_action?: string; errors?: Record<string, string> } | null, next };
}

/** The whole happy path: start → details → review → register. Returns the review view (for retries). */
export async function registerThroughModal(app: TestApp, user: string, answers: SystemAnswers) {
  const start = await openIntake(app, user);
  const step2 = await submit(app, user, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
  expect(step2.body?.response_action).toBe('push');
  const step3 = await submit(app, user, step2.next!, systemDetailsValues(answers));
  expect(step3.body?.response_action, JSON.stringify(step3.body)).toBe('push');
  const done = await submit(app, user, step3.next!, { note: { value: plainTextValue(null) } });
  return { review: step3.next!, details: step2.next!, done };
}
