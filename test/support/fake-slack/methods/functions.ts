import type { SlackArgs } from '../request-body.js';
import { fail, type ApiAnswer, type FakeState } from '../state.js';

/** A parameter as the manifest declares it; enough to check outputs the way Slack does. */
export interface FakeFunctionParameter { type: string; is_required?: boolean }

/** One run of a Workflow Builder step, from function_executed until the app completes it. */
export interface FakeFunctionExecution {
  id: string;
  workflowExecutionId: string;
  callbackId: string;
  /** The just-in-time token the event carries; Bolt's complete/fail call Slack with it. */
  botAccessToken: string;
  outputParameters: Record<string, FakeFunctionParameter>;
  state: 'running' | 'completed' | 'failed';
  outputs?: SlackArgs;
  error?: string;
}

// functions.completeSuccess: errors as Slack documents them — function_execution_not_found,
// execution_not_in_running_state, parameter_validation_failed (outputs not matching the manifest).
export function completeSuccess(state: FakeState, args: SlackArgs): ApiAnswer {
  const execution = runningExecution(state, args);
  if ('ok' in execution) return execution;
  const outputs: unknown = args.outputs;
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) return fail('invalid_arguments', 'outputs must be an object');
  const problem = outputProblem(execution.outputParameters, outputs as SlackArgs);
  if (problem) return fail('parameter_validation_failed', problem);
  execution.state = 'completed';
  execution.outputs = outputs as SlackArgs;
  return { ok: true };
}

// functions.completeError: `error` is the message Workflow Builder shows for the failed step.
export function completeError(state: FakeState, args: SlackArgs): ApiAnswer {
  if (typeof args.error !== 'string' || args.error === '') return fail('invalid_arguments', 'missing required field: error');
  const execution = runningExecution(state, args);
  if ('ok' in execution) return execution;
  execution.state = 'failed';
  execution.error = args.error;
  return { ok: true };
}

function runningExecution(state: FakeState, args: SlackArgs): FakeFunctionExecution | ApiAnswer {
  if (typeof args.function_execution_id !== 'string') return fail('invalid_arguments', 'missing required field: function_execution_id');
  const execution = state.functionExecutions.get(args.function_execution_id);
  if (!execution) return fail('function_execution_not_found');
  if (execution.state !== 'running') return fail('execution_not_in_running_state');
  return execution;
}

function outputProblem(declared: Record<string, FakeFunctionParameter>, outputs: SlackArgs): string | undefined {
  const unknown = Object.keys(outputs).filter((name) => !(name in declared));
  if (unknown.length) return `unknown output parameters: ${unknown.join(', ')}`;
  for (const [name, p] of Object.entries(declared)) {
    const value = outputs[name];
    if (value === undefined || value === null || value === '') {
      if (p.is_required) return `missing required output parameter: ${name}`;
      continue;
    }
    if (!matchesType(p.type, value)) return `output parameter ${name} is not a valid ${p.type}: ${JSON.stringify(value)}`;
  }
  return undefined;
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'slack#/types/user_id': return typeof value === 'string' && /^[UW][A-Z0-9]+$/.test(value);
    case 'slack#/types/date': return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    default: return true;
  }
}
