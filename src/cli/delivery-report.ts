import type { Runtime } from '../runtime.js';
import type { DrainResult } from '../outbox/dispatcher.js';
import { EXIT, type CliIo } from './io.js';

export interface JobRun<S> {
  readonly summary: S;
  /** Outbox rows this run wrote. */
  readonly queued: number;
  readonly delivery: DrainResult;
}

/** Runs a job, then delivers what is due and says what it queued and what got out. */
export async function runAndDeliver<S>(rt: Runtime, job: () => Promise<S>): Promise<JobRun<S>> {
  const before = await rt.dispatcher.totalCount();
  const summary = await job();
  const queued = (await rt.dispatcher.totalCount()) - before;
  const delivery = await rt.dispatcher.drain();
  return { summary, queued, delivery };
}

/**
 * One plain line (or, with --format json, one JSON object) on stdout. When a delivery failed and was left
 * pending, or Slack refused a message, the line goes to stderr and the exit status is 1: the work is stored
 * and queued, but Slack has not got it, and a scheduler running this command must be able to tell. Rows
 * pending for another reason (due later, or being sent by another process) are counted, not failures.
 */
export function reportJobRun<S>(io: CliIo, rt: Runtime, format: 'text' | 'json', run: JobRun<S>, done: string, json: Record<string, unknown>): number {
  const { queued, delivery } = run;
  const failed = delivery.failing > 0 || delivery.dead > 0 || delivery.blocked !== undefined;
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ ...json, queued, delivered: delivery.delivered, undelivered: delivery.pending, failing: delivery.failing, dead: delivery.dead, ...(delivery.blocked ? { blocked: delivery.blocked } : {}), ...(failed ? { reason: why(rt, delivery) } : {}) })}\n`);
    return failed ? EXIT.failure : EXIT.ok;
  }
  const later = delivery.blocked ? 0 : delivery.pending - delivery.failing;
  const waiting = later > 0 ? ` (${later} not due yet or being sent by another process)` : '';
  const counts = `queued ${plural(queued, 'Slack message')}, delivered ${delivery.delivered}, still pending ${delivery.pending}${waiting}${delivery.dead ? `, refused by Slack ${delivery.dead}` : ''}`;
  if (!failed) {
    io.stdout.write(`${done}; ${counts}\n`);
    return EXIT.ok;
  }
  io.stderr.write(`aigov: ${done}; ${counts}: ${why(rt, delivery)}\n`);
  return EXIT.failure;
}

function why(rt: Runtime, d: DrainResult): string {
  const host = hostOf(rt.config.slack.apiUrl);
  // Refused for the whole app: whatever is pending waits on that, and only a person can end it.
  const blocked = d.blocked
    ? `Slack at ${host} refuses the app itself (${d.blocked}): check SLACK_BOT_TOKEN and that the app is still installed; the messages stay queued and the server delivers them once Slack accepts the app again`
    : '';
  const pending = d.blocked ? '' : d.failing ? (d.slackDown
    ? `Slack at ${host} did not answer (${d.lastFailure ?? 'no answer'}); the server delivers pending messages once Slack answers, or run this again`
    : `not delivered in time${d.lastFailure ? ` (last error: ${d.lastFailure})` : ''}; the server delivers pending messages, or run this again`) : '';
  const dead = d.dead ? `Slack refused ${plural(d.dead, 'message')} (${d.lastFailure ?? 'unknown error'}); check the channel IDs and that the bot is invited` : '';
  return [blocked, pending, dead].filter(Boolean).join('; ');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
