import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RateLimitOptions } from '../../test/support/fake-slack.js';

/** One chat.postMessage as the fake answered it, small enough to send between processes. */
export interface PostRecord {
  status: number;
  ok: boolean;
  channel: string;
  text: string;
  ts: string | undefined;
  at: number;
}

type Request =
  | { op: 'limit'; method: string; perMinute: number; options: RateLimitOptions }
  | { op: 'posts' }
  | { op: 'count'; method: string };

/**
 * The fake Slack Web API in a process of its own, as Slack is to the app: its request handling does not
 * share the app's event loop, so the app's latency is the app's.
 */
export class FakeSlackProcess {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess, readonly apiUrl: string, readonly url: string) {
    child.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.result);
    });
  }

  static async start(): Promise<FakeSlackProcess> {
    const child = fork(fileURLToPath(import.meta.url), ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await new Promise<{ apiUrl: string; url: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { apiUrl: string; url: string }));
      child.once('exit', (code) => reject(new Error(`fake Slack process exited with ${code}`)));
    });
    return new FakeSlackProcess(child, ready.apiUrl, ready.url);
  }

  limit(method: string, perMinute: number, options: RateLimitOptions = {}): Promise<void> {
    return this.call({ op: 'limit', method, perMinute, options }) as Promise<void>;
  }

  /** Every chat.postMessage call so far, in arrival order. */
  posts(): Promise<PostRecord[]> {
    return this.call({ op: 'posts' }) as Promise<PostRecord[]>;
  }

  /** Calls of one method so far, by HTTP status and Slack `ok`. */
  count(method: string): Promise<{ total: number; ok: number; byStatus: Record<string, number> }> {
    return this.call({ op: 'count', method }) as Promise<{ total: number; ok: number; byStatus: Record<string, number> }>;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private call(req: Request): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, ...req });
    });
  }
}

async function serve(): Promise<void> {
  const { startFakeSlack } = await import('../../test/support/fake-slack.js');
  const fake = await startFakeSlack();
  const answer = (req: Request): unknown => {
    switch (req.op) {
      case 'limit': fake.limit(req.method, req.perMinute, req.options); return null;
      case 'posts': return fake.calls('chat.postMessage').map((c): PostRecord => ({
        status: c.status, ok: c.ok, channel: String(c.args.channel ?? ''), text: String(c.args.text ?? ''),
        ts: typeof c.response?.ts === 'string' ? c.response.ts : undefined, at: c.at,
      }));
      case 'count': {
        const calls = fake.calls(req.method);
        const byStatus: Record<string, number> = {};
        for (const c of calls) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
        return { total: calls.length, ok: calls.filter((c) => c.ok).length, byStatus };
      }
    }
  };
  process.on('message', (m: { id: number } & Request) => {
    try {
      process.send!({ id: m.id, result: answer(m) ?? null });
    } catch (err) {
      process.send!({ id: m.id, error: (err as Error).message });
    }
  });
  process.on('SIGTERM', () => { void fake.close().then(() => process.exit(0)); });
  process.send!({ apiUrl: fake.apiUrl, url: fake.url });
}

if (process.argv.includes('--child') && process.send) await serve();
