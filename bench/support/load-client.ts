import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ViewStateValues } from '../../test/support/view-state.js';

export interface LoadTarget {
  baseUrl: string;
  signingSecret: string;
}

/** What to send: `/aigov new`, or a details-step view_submission of `view` with a fresh name each time. */
export type LoadKind =
  | { kind: 'command'; responseUrlBase: string }
  | { kind: 'submission'; view: { id: string } & Record<string, unknown>; namePrefix: string };

export interface LoadPhase {
  target: LoadTarget;
  load: LoadKind;
  requests: number;
  concurrency: number;
}

export interface LoadResult {
  latenciesMs: number[];
  wallMs: number;
  /** Answers that were not what Slack needs (non-200, or a submission ack other than `push`), with a sample. */
  unexpected: number;
  sample: string | undefined;
}

/**
 * A separate process that plays Slack's side of the HTTP conversation: it signs each request as Slack
 * does and times it from the first byte sent to the last byte of the ack. Signing happens before the
 * clock starts; the client's own work never runs on the app's event loop.
 */
export class LoadClient {
  private nextId = 0;
  private readonly waiting = new Map<number, (r: LoadResult) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { id: number; result: LoadResult }) => {
      this.waiting.get(m.id)?.(m.result);
      this.waiting.delete(m.id);
    });
  }

  static async start(): Promise<LoadClient> {
    const child = fork(fileURLToPath(import.meta.url), ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`load client exited with ${code}`)));
    });
    return new LoadClient(child);
  }

  run(phase: LoadPhase): Promise<LoadResult> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, phase });
    });
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

async function serve(): Promise<void> {
  const { SlackTestClient } = await import('../../test/support/slack-client.js');
  const { systemDetailsValues } = await import('../../test/support/intake-flow.js');
  const OWNERS = Array.from({ length: 50 }, (_, i) => `U0BENCH${String(i).padStart(3, '0')}`);
  let counter = 0;

  const runPhase = async ({ target, load, requests, concurrency }: LoadPhase): Promise<LoadResult> => {
    let responseUrls = 0;
    // Slash commands carry a response_url; `/aigov new` never uses it, but Slack always sends one.
    const fake = load.kind === 'command' ? { responseUrl: () => `${load.responseUrlBase}/response/B${++responseUrls}` } : undefined;
    const client = new SlackTestClient({ ...target, ...(fake ? { fake } : {}) });
    const latenciesMs: number[] = [];
    let unexpected = 0;
    let sample: string | undefined;
    let issued = 0;
    const one = async (): Promise<void> => {
      const n = ++counter;
      const user = OWNERS[n % OWNERS.length]!;
      const res = load.kind === 'command'
        ? await client.slashCommand({ user, text: 'new' })
        : await client.viewSubmission({ user, view: load.view, values: detailsValues(n, `${load.namePrefix} ${n}`, user) });
      latenciesMs.push(res.ms);
      const ok = res.status === 200 && (load.kind === 'command' || res.body?.response_action === 'push');
      if (!ok) {
        unexpected += 1;
        sample ??= `${res.status} ${res.text.slice(0, 300)}`;
      }
    };
    const worker = async (): Promise<void> => {
      while (issued < requests) {
        issued += 1;
        await one().catch((err: Error) => { unexpected += 1; sample ??= err.message; });
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { latenciesMs, wallMs: performance.now() - started, unexpected, sample };
  };

  // A mix of realistic answers: a high-risk recruiting tool, a chatbot, an internal minimal-risk model.
  function detailsValues(n: number, name: string, owner: string): ViewStateValues {
    const shape = n % 3;
    if (shape === 0) return systemDetailsValues({ name, owner, annexIII: '4(a)', data: ['personal'], supplier: 'Acme HR Analytics' });
    if (shape === 1) return systemDetailsValues({ name, owner, annexIII: 'none', data: ['personal'], transparency: ['interacts_with_people'], purpose: 'Answers customer questions in the help centre chat.' });
    return systemDetailsValues({ name, owner, annexIII: 'none', data: ['none'], euNexus: 'no', role: 'provider', lifecycle: 'development', purpose: 'Forecasts warehouse demand from sales history.' });
  }

  process.on('message', (m: { id: number; phase: LoadPhase }) => {
    void runPhase(m.phase).then((result) => process.send!({ id: m.id, result }));
  });
  process.on('SIGTERM', () => process.exit(0));
  process.send!({ ready: true });
}

if (process.argv.includes('--child') && process.send) await serve();
