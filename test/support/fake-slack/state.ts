import type { SlackArgs } from './request-body.js';
import type { FakeUserSettings } from './users.js';
import type { StoredView } from './views.js';
import type { FakeFunctionExecution } from './methods/functions.js';
import type { FakeCanvas } from './canvases.js';

export interface StoredMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: SlackArgs[];
  thread_ts?: string;
  metadata?: SlackArgs;
  edited?: { ts: string };
  deleted?: boolean;
}

export interface FakeFile {
  id: string;
  filename: string;
  length: number;
  title?: string;
  content?: Buffer;
  channelId?: string;
  initialComment?: string;
  threadTs?: string;
  completed: boolean;
}

export interface ApiAnswer extends SlackArgs {
  ok: boolean;
  error?: string;
}

export function fail(error: string, detail?: string): ApiAnswer {
  return detail ? { ok: false, error, response_metadata: { messages: [`[ERROR] ${detail}`] } } : { ok: false, error };
}

// Everything the fake workspace remembers between calls.
/** A file a user uploaded in Slack (a file_input, say), which the app may read with files.info and download. */
export interface SharedFile {
  id: string;
  name: string;
  mimetype: string;
  filetype: string;
  content: Buffer;
  /** What files.info reports as the size; a test can make it disagree with the bytes served. */
  size: number;
}

export class FakeState {
  readonly messages = new Map<string, StoredMessage>();
  readonly views = new Map<string, StoredView>();
  readonly homeViewIdByUser = new Map<string, string>();
  readonly usedTriggerIds = new Set<string>();
  readonly userSettings = new Map<string, FakeUserSettings>();
  readonly dmUserByChannel = new Map<string, string>();
  readonly files = new Map<string, FakeFile>();
  readonly sharedFiles = new Map<string, SharedFile>();
  readonly functionExecutions = new Map<string, FakeFunctionExecution>();
  readonly canvases = new Map<string, FakeCanvas>();
  /** Set: every canvas method answers with this error (a free plan, a missing scope, canvases turned off). */
  canvasRefusal: string | undefined;
  lastModalViewId: string | undefined;
  /** Where apps.connections.open sends a Socket Mode client (a test's WebSocket server). */
  socketModeUrl: string | undefined;
  #lastTsSeconds = 0;
  #tsCounter = 0;
  #viewCounter = 0;
  #fileCounter = 0;

  constructor(
    readonly baseUrl: string,
    // Strict mode answers message_not_found / not_found for messages and views
    // the fake never saw; off by default because tests often hand-build payloads.
    readonly strict: boolean,
  ) {}

  // Strictly increasing, like Slack's per-channel message timestamps.
  nextTs(): string {
    this.#lastTsSeconds = Math.max(this.#lastTsSeconds, Math.floor(Date.now() / 1000));
    this.#tsCounter += 1;
    return `${this.#lastTsSeconds}.${String(this.#tsCounter).padStart(6, '0')}`;
  }

  nextViewId(): string {
    this.#viewCounter += 1;
    return `V0VIEW${String(this.#viewCounter).padStart(5, '0')}`;
  }

  nextFileId(): string {
    this.#fileCounter += 1;
    return `F0FILE${String(this.#fileCounter).padStart(5, '0')}`;
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(messageKey(channel, ts));
  }

  saveMessage(message: StoredMessage): void {
    this.messages.set(messageKey(message.channel, message.ts), message);
  }
}

function messageKey(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}
