import { EventEmitter } from 'node:events';
import { STATUS_CODES, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultQueue, RateLimiter, type Fault, type RateLimitOptions } from './fake-slack/faults.js';
import { WEB_API_METHODS } from './fake-slack/methods/index.js';
import { receiveUpload, sharedFileObject } from './fake-slack/methods/files.js';
import type { FakeFunctionExecution, FakeFunctionParameter } from './fake-slack/methods/functions.js';
import { applyResponseAction } from './fake-slack/methods/views.js';
import { decodeArgs, readRawBody, type SlackArgs } from './fake-slack/request-body.js';
import { FakeState, fail, type ApiAnswer, type FakeFile, type StoredMessage } from './fake-slack/state.js';
import { assertKnownZone, type FakeUserSettings } from './fake-slack/users.js';
import type { StoredView } from './fake-slack/views.js';
import { dmChannelOf, isUserId } from './fake-slack/workspace.js';

export type { Fault, RateLimitOptions } from './fake-slack/faults.js';
export type { SlackArgs } from './fake-slack/request-body.js';
export type { FakeFile, StoredMessage } from './fake-slack/state.js';
export type { FakeFunctionExecution, FakeFunctionParameter } from './fake-slack/methods/functions.js';
export type { FakeUserSettings } from './fake-slack/users.js';
export type { StoredView } from './fake-slack/views.js';
export type { FakeCanvas } from './fake-slack/canvases.js';
import { canvasMarkdown, type FakeCanvas } from './fake-slack/canvases.js';
export * from './fake-slack/workspace.js';

export interface RecordedCall {
  seq: number;
  method: string;
  // Decoded: JSON-encoded arguments (blocks, view, files…) are objects again; scalars stay strings.
  args: SlackArgs;
  token: string | undefined;
  at: number;
  status: number;
  ok: boolean;
  // The JSON body sent back; undefined when the fake answered with a bare HTTP error.
  response: ApiAnswer | undefined;
  fault?: Fault;
}

export interface ResponseUrlPost {
  seq: number;
  id: string;
  url: string;
  body: SlackArgs;
  at: number;
  status: number;
}

export interface FakeSlackOptions {
  users?: Record<string, FakeUserSettings>;
  strict?: boolean;
}

type Falsy = undefined | null | false | 0 | '';

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlack(options);
  await fake.listen();
  return fake;
}

// Slack's Web API, response URLs and file upload URLs on one 127.0.0.1 port.
// Pass `apiUrl` to WebClient as `slackApiUrl`.
export class FakeSlack {
  url = '';
  apiUrl = '';
  readonly responses: ResponseUrlPost[] = [];
  #log: RecordedCall[] = [];
  #seq = 0;
  #responseUrlCounter = 0;
  #functionCounter = 0;
  #state = new FakeState('', false);
  #faults = new FaultQueue();
  #limits = new RateLimiter();
  #tokenRefusal: string | undefined;
  #changes = new EventEmitter();
  #pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  #server: Server = createServer((req, res) => void this.#route(req, res));

  constructor(private readonly options: FakeSlackOptions = {}) {
    this.#changes.setMaxListeners(0);
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.url}/api/`;
    this.reset();
  }

  async close(): Promise<void> {
    for (const pending of this.#pendingDelays) {
      clearTimeout(pending.timer);
      pending.resolve();
    }
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // Forgets every call, response, fault, limit, message, view and user setting.
  reset(): void {
    this.#log = [];
    this.responses.length = 0;
    this.#faults.clear();
    this.#limits.remove();
    this.#tokenRefusal = undefined;
    this.#state = new FakeState(this.url, this.options.strict ?? false);
    for (const [id, settings] of Object.entries(this.options.users ?? {})) this.setUser(id, settings);
  }

  calls(method?: string): RecordedCall[] {
    return method ? this.#log.filter((c) => c.method === method) : [...this.#log];
  }

  // A point in time to pass to since(); covers Web API calls and response_url posts alike.
  mark(): number {
    return this.#seq;
  }

  since(mark: number, method?: string): RecordedCall[] {
    return this.calls(method).filter((c) => c.seq > mark);
  }

  responsesSince(mark: number): ResponseUrlPost[] {
    return this.responses.filter((r) => r.seq > mark);
  }

  // Successful chat.postMessage calls that landed in the user's DM, whether sent to U… or D….
  dmsTo(userId: string): RecordedCall[] {
    return this.calls('chat.postMessage').filter((c) => c.ok && c.response?.channel === dmChannelOf(userId));
  }

  postsTo(channel: string): RecordedCall[] {
    return this.calls('chat.postMessage').filter((c) => c.ok && c.response?.channel === channel);
  }

  // Resolves with the first truthy value of predicate(); rechecks on every
  // recorded call and every 20 ms, so predicates may also look at a database.
  // A predicate that throws (say, reading calls()[0] too early) counts as "not yet".
  waitFor<T>(predicate: () => T | Falsy, timeoutMs = 5000): Promise<Exclude<T, Falsy>> {
    return new Promise((resolve, reject) => {
      let lastError: unknown;
      const check = (): void => {
        let value: T | Falsy;
        try {
          value = predicate();
        } catch (error) {
          lastError = error;
          return;
        }
        if (!value) return;
        stop();
        resolve(value as Exclude<T, Falsy>);
      };
      const poll = setInterval(check, 20);
      const timer = setTimeout(() => {
        stop();
        const cause = lastError instanceof Error ? `; predicate last threw: ${lastError.message}` : '';
        reject(new Error(`waitFor timed out after ${timeoutMs} ms; ${this.#summary()}${cause}`));
      }, timeoutMs);
      const stop = (): void => {
        clearInterval(poll);
        clearTimeout(timer);
        this.#changes.off('change', check);
      };
      this.#changes.on('change', check);
      check();
    });
  }

  // target: a Web API method, '*' for any method, or 'response_url'.
  failNext(target: string, fault: Fault, times = 1): void {
    this.#faults.add(target, fault, times);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  // Every Web API method, auth.test included, answers {ok:false, error} until restoreToken(): the app
  // removed from the workspace (token_revoked), its workspace deleted (account_inactive), and so on.
  revokeToken(error = 'token_revoked'): void {
    this.#tokenRefusal = error;
  }

  restoreToken(): void {
    this.#tokenRefusal = undefined;
  }

  limit(method: string, perMinute: number, options?: RateLimitOptions): void {
    this.#limits.set(method, perMinute, options);
  }

  unlimit(method?: string): void {
    this.#limits.remove(method);
  }

  responseUrl(): string {
    this.#responseUrlCounter += 1;
    return `${this.url}/response/R${this.#responseUrlCounter}`;
  }

  setUser(userId: string, settings: FakeUserSettings): void {
    if (settings.tz) assertKnownZone(settings.tz);
    this.#state.userSettings.set(userId, { ...this.#state.userSettings.get(userId), ...settings });
  }

  dmChannelOf(userId: string): string {
    this.#state.dmUserByChannel.set(dmChannelOf(userId), userId);
    return dmChannelOf(userId);
  }

  userOfChannel(channel: string): string | undefined {
    if (isUserId(channel)) return channel;
    return this.#state.dmUserByChannel.get(channel) ?? (channel.startsWith('D') ? `U${channel.slice(1)}` : undefined);
  }

  // The message as it stands now, after any chat.update or chat.delete.
  message(channel: string, ts: string): StoredMessage | undefined {
    return this.#state.message(channel, ts);
  }

  view(viewId: string): StoredView | undefined {
    return this.#state.views.get(viewId);
  }

  homeOf(userId: string): StoredView | undefined {
    const id = this.#state.homeViewIdByUser.get(userId);
    return id ? this.#state.views.get(id) : undefined;
  }

  // Mirrors a view_submission ack ({response_action: 'update' | 'push' | 'clear' | 'errors'})
  // into the view stack, returning the view the user now sees.
  /** Points apps.connections.open at a Socket Mode server the test runs. */
  setSocketModeUrl(url: string): void {
    this.#state.socketModeUrl = url;
  }

  applyViewAck(viewId: string, ack: SlackArgs | undefined): StoredView | undefined {
    return applyResponseAction(this.#state, viewId, ack);
  }

  /** A user uploads a file in Slack: returns the file object a file_input's state carries. */
  shareFile(file: { name: string; content: Buffer | string; mimetype?: string; filetype?: string; reportedSize?: number }) {
    const id = this.#state.nextFileId();
    const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
    const filetype = file.filetype ?? (/\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? 'binary');
    this.#state.sharedFiles.set(id, { id, name: file.name, mimetype: file.mimetype ?? 'application/octet-stream', filetype, content, size: file.reportedSize ?? content.length });
    return sharedFileObject(this.#state, id)!;
  }

  /**
   * A workflow reaches a step of this app: Slack starts an execution, with its own token, that only
   * functions.completeSuccess (outputs checked against the declared output parameters) or
   * functions.completeError ends. Send the function_executed event for it with slack.functionExecuted.
   */
  startFunctionExecution(args: { callbackId: string; outputParameters: Record<string, FakeFunctionParameter> }): FakeFunctionExecution {
    this.#functionCounter += 1;
    const n = String(this.#functionCounter).padStart(6, '0');
    const execution: FakeFunctionExecution = {
      id: `Fx0EXEC${n}`, workflowExecutionId: `Wx0WORK${n}`, callbackId: args.callbackId, botAccessToken: `xwfp-${this.#functionCounter}-${Date.now().toString(36)}`,
      outputParameters: args.outputParameters, state: 'running',
    };
    this.#state.functionExecutions.set(execution.id, execution);
    return execution;
  }

  /** The execution as it stands now: running, or completed with its outputs, or failed with its error. */
  functionExecution(id: string): FakeFunctionExecution | undefined {
    return this.#state.functionExecutions.get(id);
  }

  /** Every canvas in the fake workspace. */
  canvases(): FakeCanvas[] {
    return [...this.#state.canvases.values()];
  }

  /** A canvas's markdown as it stands now, after every edit. */
  canvasMarkdown(canvasId: string): string | undefined {
    const canvas = this.#state.canvases.get(canvasId);
    return canvas ? canvasMarkdown(canvas) : undefined;
  }

  /** Makes every canvas method answer with `error` (a free plan: `team_tier_cannot_create_channel_canvases`), or stops that. */
  refuseCanvases(error: string | undefined): void {
    this.#state.canvasRefusal = error;
  }

  /** Every file download the app made, with the token it sent. */
  readonly downloads: { fileId: string; token: string | undefined }[] = [];

  uploadedFiles(): FakeFile[] {
    return [...this.#state.files.values()].filter((f) => f.completed);
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? '/', this.url).pathname;
      const raw = await readRawBody(req);
      const apiMethod = /^\/api\/(.+)$/.exec(path)?.[1];
      const responseId = /^\/response\/(.+)$/.exec(path)?.[1];
      const uploadId = /^\/upload\/(.+)$/.exec(path)?.[1];
      const downloadId = /^\/download\/([^/]+)\//.exec(path)?.[1];
      if (apiMethod) await this.#webApi(apiMethod, req, raw, res);
      else if (responseId) await this.#responseUrl(responseId, req, raw, res);
      else if (uploadId) await this.#upload(uploadId, req, raw, res);
      else if (downloadId) this.#download(downloadId, req, res);
      else send(res, 404, 'Not Found');
    } catch (error) {
      send(res, 500, `fake-slack failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  async #webApi(method: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const seq = ++this.#seq;
    const at = Date.now();
    const decoded = await decodeArgs(raw, req.headers['content-type']).catch(() => undefined);
    const { token: bodyToken, ...args } = decoded?.args ?? {};
    const token = bearer(req) ?? (typeof bodyToken === 'string' ? bodyToken : undefined);
    const fault = this.#faults.take(method);
    if (fault?.delayMs) await this.#delay(fault.delayMs);
    const record = (status: number, response: ApiAnswer | undefined): void =>
      this.#record({ seq, method, args, token, at, status, ok: response?.ok ?? false, response, fault });

    if (fault && 'status' in fault) {
      record(fault.status, fault.status === 429 ? fail('ratelimited') : undefined);
      sendFault(res, fault);
      return;
    }
    const retryAfter = this.#limits.check(method, args.channel ?? args.channel_id, Date.now());
    if (retryAfter !== undefined) {
      record(429, fail('ratelimited'));
      send(res, 429, fail('ratelimited'), { 'retry-after': String(retryAfter) });
      return;
    }
    const answer = this.#answer(method, token, decoded?.args === undefined, fault, args);
    record(200, answer);
    send(res, 200, answer);
  }

  #answer(method: string, token: string | undefined, unreadable: boolean, fault: Fault | undefined, args: SlackArgs): ApiAnswer {
    if (fault && 'error' in fault) return fail(fault.error);
    if (unreadable) return fail('invalid_form_data');
    if (!token) return fail('not_authed');
    if (this.#tokenRefusal) return fail(this.#tokenRefusal);
    const handler = WEB_API_METHODS[method];
    return handler ? handler(this.#state, args) : fail('unknown_method');
  }

  async #responseUrl(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const seq = ++this.#seq;
    const fault = this.#faults.take('response_url');
    if (fault?.delayMs) await this.#delay(fault.delayMs);
    const { args } = await decodeArgs(raw, req.headers['content-type'] ?? 'application/json');
    const status = fault && 'status' in fault ? fault.status : 200;
    this.responses.push({ seq, id, url: `${this.url}/response/${id}`, body: args, at: Date.now(), status });
    this.#changes.emit('change');
    if (fault && 'status' in fault) sendFault(res, fault);
    else if (fault && 'error' in fault) send(res, 200, fail(fault.error));
    else send(res, 200, { ok: true });
  }

  async #upload(fileId: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const { files } = await decodeArgs(raw, req.headers['content-type']);
    const { status, text } = receiveUpload(this.#state, fileId, files, raw);
    this.#changes.emit('change');
    send(res, status, text);
  }

  // Like files.slack.com: the bytes for a request carrying a bot token, a login page (HTML) without one.
  #download(fileId: string, req: IncomingMessage, res: ServerResponse): void {
    const token = bearer(req);
    this.downloads.push({ fileId, token });
    const file = this.#state.sharedFiles.get(fileId);
    if (!file) return send(res, 404, 'Not Found');
    if (!token?.startsWith('xoxb-')) return send(res, 302, 'Found', { location: `${this.url}/signin` });
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.content.length) });
    res.end(file.content);
  }

  #record(call: RecordedCall): void {
    this.#log.push(call);
    this.#changes.emit('change');
  }

  #delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const pending = { timer: setTimeout(() => settle(), ms), resolve: () => settle() };
      const settle = (): void => {
        this.#pendingDelays.delete(pending);
        resolve();
      };
      this.#pendingDelays.add(pending);
    });
  }

  #summary(): string {
    const counts = new Map<string, number>();
    for (const call of this.#log) counts.set(call.method, (counts.get(call.method) ?? 0) + 1);
    const calls = [...counts].map(([method, n]) => `${method} x${n}`).join(', ') || 'none';
    return `Web API calls so far: ${calls}; response_url posts: ${this.responses.length}`;
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

function sendFault(res: ServerResponse, fault: Fault & { status: number }): void {
  if (fault.status !== 429) {
    send(res, fault.status, STATUS_CODES[fault.status] ?? 'Error');
    return;
  }
  const retryAfter = 'retryAfter' in fault ? fault.retryAfter : undefined;
  // retryAfter: null leaves the header out, which WebClient treats as an unrecoverable 429.
  const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': String(retryAfter ?? 1) };
  send(res, 429, fail('ratelimited'), headers);
}

function send(res: ServerResponse, status: number, body: string | object, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const isText = typeof body === 'string';
  res.writeHead(status, { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', ...headers });
  res.end(isText ? body : JSON.stringify(body));
}
