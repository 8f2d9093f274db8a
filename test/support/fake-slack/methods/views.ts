import type { SlackArgs } from '../request-body.js';
import { fail, type ApiAnswer, type FakeState } from '../state.js';
import { storeView, viewProblem, type StoredView } from '../views.js';
import { isUserId } from '../workspace.js';

export function open(state: FakeState, args: SlackArgs): ApiAnswer {
  const refused = invalidView(args.view, 'modal') ?? triggerProblem(state, args);
  if (refused) return refused;
  const id = state.nextViewId();
  const view = storeView(args.view, id);
  state.views.set(id, view);
  state.lastModalViewId = id;
  return { ok: true, view };
}

// Slack stacks the pushed view on the one the trigger came from; the fake
// assumes the most recently opened or pushed modal.
export function push(state: FakeState, args: SlackArgs): ApiAnswer {
  const refused = invalidView(args.view, 'modal') ?? triggerProblem(state, args);
  if (refused) return refused;
  const previous = state.lastModalViewId ? state.views.get(state.lastModalViewId) : undefined;
  const id = state.nextViewId();
  const view = storeView(args.view, id, {
    previous_view_id: previous?.id ?? null,
    root_view_id: previous?.root_view_id ?? id,
  });
  state.views.set(id, view);
  state.lastModalViewId = id;
  return { ok: true, view };
}

export function update(state: FakeState, args: SlackArgs): ApiAnswer {
  const existing = findView(state, args);
  if (!existing && (state.strict || !args.view_id)) return fail('not_found');
  const refused = invalidView(args.view, existing?.type === 'home' ? 'home' : 'modal') ?? hashProblem(existing, args.hash);
  if (refused) return refused;
  const id = existing?.id ?? String(args.view_id);
  const view = storeView(args.view, id, {
    root_view_id: existing?.root_view_id ?? id,
    previous_view_id: existing?.previous_view_id ?? null,
    user_id: existing?.user_id,
  });
  state.views.set(id, view);
  return { ok: true, view };
}

// Each user has one Home tab view whose id survives re-publishing.
export function publish(state: FakeState, args: SlackArgs): ApiAnswer {
  if (!isUserId(args.user_id)) return fail('invalid_arguments', 'user_id must be a user id');
  const knownId = state.homeViewIdByUser.get(args.user_id);
  const existing = knownId ? state.views.get(knownId) : undefined;
  const refused = invalidView(args.view, 'home') ?? hashProblem(existing, args.hash);
  if (refused) return refused;
  const id = knownId ?? state.nextViewId();
  const view = storeView(args.view, id, { user_id: args.user_id, close: null, submit: null });
  state.homeViewIdByUser.set(args.user_id, id);
  state.views.set(id, view);
  return { ok: true, view };
}

// What a view_submission ack does to the view stack when the app answers with
// a response_action instead of a Web API call.
export function applyResponseAction(state: FakeState, viewId: string, ack: SlackArgs | undefined): StoredView | undefined {
  const current = state.views.get(viewId);
  if (!current || !ack?.response_action) return current;
  if (ack.response_action === 'update') {
    const view = storeView(ack.view, viewId, { root_view_id: current.root_view_id, previous_view_id: current.previous_view_id });
    state.views.set(viewId, view);
    return view;
  }
  if (ack.response_action === 'push') {
    const id = state.nextViewId();
    const view = storeView(ack.view, id, { root_view_id: current.root_view_id, previous_view_id: viewId });
    state.views.set(id, view);
    state.lastModalViewId = id;
    return view;
  }
  if (ack.response_action === 'clear') {
    for (const [id, view] of state.views) if (view.root_view_id === current.root_view_id) state.views.delete(id);
    return undefined;
  }
  return current; // 'errors' leaves the view as it was
}

// A trigger_id can open one view: a second views.open for the same slash
// command (say, on a Slack retry) fails in Slack, and so it does here.
function triggerProblem(state: FakeState, args: SlackArgs): ApiAnswer | undefined {
  if (!args.trigger_id && !args.interactivity_pointer) return fail('invalid_arguments', 'missing trigger_id');
  const trigger = String(args.trigger_id ?? args.interactivity_pointer);
  if (state.usedTriggerIds.has(trigger)) return fail('exchanged_trigger_id');
  state.usedTriggerIds.add(trigger);
  return undefined;
}

function invalidView(view: unknown, expectedType: 'modal' | 'home'): ApiAnswer | undefined {
  const problem = viewProblem(view, expectedType);
  return problem ? fail('invalid_arguments', problem) : undefined;
}

function hashProblem(existing: StoredView | undefined, hash: unknown): ApiAnswer | undefined {
  if (hash === undefined || hash === '' || !existing) return undefined;
  return hash === existing.hash ? undefined : fail('hash_conflict');
}

function findView(state: FakeState, args: SlackArgs): StoredView | undefined {
  if (args.view_id) return state.views.get(String(args.view_id));
  if (args.external_id) return [...state.views.values()].find((v) => v.external_id === args.external_id);
  return undefined;
}
