import { ErrorCode, WebClient, WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, LogLevel } from '@slack/web-api';
import type { Block, KnownBlock, View } from '@slack/types';
import type { SlackFile } from '../app/evidence/collect-evidence-files.js';
import type { MessageMetadata } from '../outbox/rendering.js';

/** What the rest of the program may ask of Slack. The only module that imports @slack/web-api. */
export interface SlackGateway {
  postMessage(args: { channel: string; text: string; blocks?: unknown[]; threadTs?: string; metadata?: MessageMetadata }): Promise<{ channel: string; ts: string }>;
  updateMessage(args: { channel: string; ts: string; text: string; blocks?: unknown[]; metadata?: MessageMetadata }): Promise<void>;
  postEphemeral(args: { channel: string; user: string; text: string; blocks?: unknown[] }): Promise<void>;
  openView(triggerId: string, view: unknown): Promise<{ id: string }>;
  pushView(triggerId: string, view: unknown): Promise<{ id: string }>;
  updateView(viewId: string, view: unknown, hash?: string): Promise<void>;
  publishHome(userId: string, view: unknown): Promise<void>;
  userTimeZone(userId: string): Promise<string | null>;
  uploadFile(args: { channel: string; filename: string; content: string | Buffer; title: string; comment: string }): Promise<void>;
  /** A link to one message that anyone in the conversation can open: what "Attach as evidence" records. */
  messagePermalink(channel: string, messageTs: string): Promise<string>;
  /** The bot's DM channel with a user (D…): file uploads need a conversation id, not a user id. */
  openDm(userId: string): Promise<string>;
  /** What Slack says of a file shared with the app (files.info): name, type, size, permalink and where to download it. */
  fileInfo(fileId: string): Promise<SlackFile>;
  /** A file's bytes as they arrive, fetched with the bot token (only ever sent to Slack's own hosts). */
  downloadFile(url: string): Promise<AsyncIterable<Uint8Array>>;
  /** Whether Slack accepts the app's token now (`auth.test`): resolves when it does, throws the Web API error otherwise. */
  checkAuth(): Promise<void>;
  /** The workspace's address and id (auth.test), asked once: links to messages and canvases are built from it. */
  workspace(): Promise<{ url: string; teamId: string }>;
  /** A channel's own canvas (conversations.canvases.create). */
  createChannelCanvas(args: { channel: string; title: string; markdown: string }): Promise<{ canvasId: string }>;
  /** A standalone canvas (canvases.create), tabbed in `channel` when given. */
  createCanvas(args: { title: string; markdown: string; channel?: string }): Promise<{ canvasId: string }>;
  /** The ids of the canvas's h2 sections whose heading contains `heading` (canvases.sections.lookup). */
  findCanvasSections(args: { canvasId: string; heading: string }): Promise<string[]>;
  /** One change to a canvas (canvases.edit takes one operation per call): a section, or the whole document without `sectionId`. */
  replaceCanvasContent(args: { canvasId: string; sectionId?: string; markdown: string }): Promise<void>;
  /** Who may open a canvas (canvases.access.set): users or channels, not both in one call, up to 20. */
  shareCanvas(args: { canvasId: string; access: 'read' | 'write'; userIds?: string[]; channelIds?: string[] }): Promise<void>;
}

// Canvases, as Slack documents them (checked 2026-12):
// - conversations.canvases.create {channel_id, title?, document_content?}: Tier 2, scope canvases:write;
//   markdown "limited to 1 MiB (1,048,576 characters)"; errors channel_canvas_already_exists,
//   team_tier_cannot_create_channel_canvases, free_team_canvas_tab_already_exists, canvas_disabled_user_team,
//   restricted_action. https://docs.slack.dev/reference/methods/conversations.canvases.create
// - canvases.create {title?, document_content?, channel_id?}: standalone, owned by the app; channel_id tabs it
//   in that channel ("required for free teams"). https://docs.slack.dev/reference/methods/canvases.create
// - canvases.edit {canvas_id, changes:[{operation, section_id?, document_content}]}: Tier 3, canvases:write;
//   "Only one operation per API call"; replace without section_id replaces the whole document; errors
//   canvas_not_found, canvas_editing_failed, free_teams_cannot_edit_standalone_canvases.
//   https://docs.slack.dev/reference/methods/canvases.edit
// - canvases.sections.lookup {canvas_id, criteria:{section_types:['h1'|'h2'|'h3'|'any_header'], contains_text}}:
//   Tier 3, canvases:read. https://docs.slack.dev/reference/methods/canvases.sections.lookup
// - canvases.access.set {canvas_id, access_level: read|write|owner, channel_ids | user_ids (1–20, not both)}:
//   Tier 3; "Canvases are only available to Slack workspaces on a paid plan".
//   https://docs.slack.dev/reference/methods/canvases.access.set
// - Markdown: bold, italic, lists, checklists, h1–h3, links, markdown tables, @ mentions for users and
//   channels (`![](@U123)`, `![](#C123)`). https://docs.slack.dev/surfaces/canvases
// The docs do not say in so many words how far a heading's section reaches. aigov takes it to hold the text
// under the heading up to the next heading of its level (as the lookup's "sections" and the edit's "replace"
// suggest), replaces heading and body together, and keeps bodies free of headings. Not yet checked against
// a live paid workspace.

/** Slack's error code from a Web API error (`missing_scope`, `canvas_not_found`…), if it is one. */
/**
 * A canvas method answered ok without the canvas it made: not Slack as documented (a proxy or an
 * older Web API in front of it). aigov treats it as canvases being unavailable, not as Slack being down.
 */
export class CanvasAnswerError extends Error {
  readonly code = 'canvas_id_missing';
  constructor(method: string) { super(`${method} answered without a canvas_id`); }
}

export function slackErrorCode(err: unknown): string | undefined {
  if (err instanceof CanvasAnswerError) return err.code;
  return err instanceof WebAPIPlatformError ? err.data.error : undefined;
}

export type { SlackFile };

/**
 * Failure kinds the outbox acts on: wait and retry, back off and retry, give up with the reason, or — when
 * Slack refuses the app itself rather than one message — hold every message until Slack accepts the app again.
 */
export type DeliveryFailure =
  | { kind: 'rate_limited'; retryAfterSeconds: number; detail: string }
  | { kind: 'transient'; detail: string }
  | { kind: 'permanent'; detail: string }
  | { kind: 'app_blocked'; detail: string };

// Errors that no retry heals: the message would fail the same way forever.
const PERMANENT_ERRORS = new Set([
  'channel_not_found', 'not_in_channel', 'user_not_found', 'is_archived', 'msg_too_long', 'invalid_blocks', 'invalid_blocks_format',
  'no_text', 'cant_update_message', 'message_not_found', 'edit_window_closed', 'user_disabled', 'cannot_dm_bot',
  'restricted_action', 'invalid_arguments',
]);

/**
 * Errors about the app's token or installation, from the error table every Web API method page carries
 * (docs.slack.dev/reference/methods/…): every message would fail alike, and none is at fault, so the outbox
 * stops sending rather than spend (or kill) each one, and resumes once `auth.test` succeeds.
 * - `not_authed`, `invalid_auth` (token invalid, or the request comes from an IP address the app disallows),
 *   `token_revoked`, `token_expired`, `not_allowed_token_type`: the token itself.
 * - `account_inactive`: the bot token belongs to a deleted user or workspace — not the recipient's account,
 *   which is `user_disabled`.
 * - `team_access_not_granted`: the token is not granted access to the workspace (an org admin's setting).
 * - `org_login_required`, `team_added_to_org`: the workspace is moving into an Enterprise organisation and
 *   is unavailable until that ends; it heals by itself.
 * - `missing_scope`: the outbox calls only chat.postMessage and chat.update, both under `chat:write`, so a
 *   missing scope fails them all until the app is reinstalled with it. (`auth.test` needs no scope and so
 *   may pass meanwhile: the next delivery then blocks again, no attempt spent, at the probe's slower pace.)
 * - `accesslimited`: the method is limited on the network we call from (IP allow-listing).
 * Left per message: `no_permission` and `ekm_access_denied`. Slack ties the first to one conversation ("make
 * sure your app is a member of the conversation"), and Enterprise Key Management can revoke one channel or
 * time range; an `auth.test` probe could not tell either healed, so they are retried as transient.
 */
export const APP_WIDE_ERRORS: ReadonlySet<string> = new Set([
  'not_authed', 'invalid_auth', 'token_revoked', 'token_expired', 'not_allowed_token_type', 'account_inactive',
  'team_access_not_granted', 'org_login_required', 'team_added_to_org', 'missing_scope', 'accesslimited',
]);

export function classifySlackError(err: unknown): DeliveryFailure {
  if (err instanceof WebAPIRateLimitedError) return { kind: 'rate_limited', retryAfterSeconds: err.retryAfter, detail: `rate limited, retry after ${err.retryAfter}s` };
  if (err instanceof WebAPIPlatformError) {
    const code = err.data.error;
    if (APP_WIDE_ERRORS.has(code)) return { kind: 'app_blocked', detail: code };
    return PERMANENT_ERRORS.has(code) ? { kind: 'permanent', detail: code } : { kind: 'transient', detail: code };
  }
  if (err instanceof WebAPIHTTPError) {
    if (err.statusCode === 429) {
      const retry = Number(err.headers['retry-after'] ?? 1);
      return { kind: 'rate_limited', retryAfterSeconds: Number.isFinite(retry) ? retry : 1, detail: 'HTTP 429' };
    }
    return err.statusCode >= 500 ? { kind: 'transient', detail: `HTTP ${err.statusCode}` } : { kind: 'permanent', detail: `HTTP ${err.statusCode}` };
  }
  if (err instanceof WebAPIRequestError) return { kind: 'transient', detail: `request failed: ${causeOf(err.original)}` };
  return { kind: 'transient', detail: err instanceof Error ? err.message : String(err) };
}

export interface GatewayOptions {
  token: string;
  apiUrl: string;
  timeoutMs?: number;
}

export function createSlackGateway(opts: GatewayOptions): SlackGateway {
  // WebClient's own retries are off: they can post a message twice after a lost response and stall the
  // whole client on a 429. The outbox owns retrying, with an idempotency key per message.
  const client = new WebClient(opts.token, {
    slackApiUrl: opts.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: opts.timeoutMs ?? 10_000,
    logLevel: LogLevel.ERROR,
  });
  const blocks = (b?: unknown[]) => (b ? { blocks: b as (Block | KnownBlock)[] } : {});
  const markdown = (text: string) => ({ type: 'markdown' as const, markdown: text });
  let workspace: Promise<{ url: string; teamId: string }> | undefined;
  return {
    async postMessage({ channel, text, blocks: b, threadTs, metadata }) {
      const res = await client.chat.postMessage({ channel, text, ...blocks(b), ...(threadTs ? { thread_ts: threadTs } : {}), ...(metadata ? { metadata } : {}), unfurl_links: false, unfurl_media: false });
      return { channel: res.channel ?? channel, ts: res.ts ?? '' };
    },
    async updateMessage({ channel, ts, text, blocks: b, metadata }) {
      await client.chat.update({ channel, ts, text, ...blocks(b), ...(metadata ? { metadata } : {}) });
    },
    async postEphemeral({ channel, user, text, blocks: b }) {
      await client.chat.postEphemeral({ channel, user, text, ...blocks(b) });
    },
    async openView(triggerId, view) {
      const res = await client.views.open({ trigger_id: triggerId, view: view as View });
      return { id: res.view?.id ?? '' };
    },
    async pushView(triggerId, view) {
      const res = await client.views.push({ trigger_id: triggerId, view: view as View });
      return { id: res.view?.id ?? '' };
    },
    async updateView(viewId, view, hash) {
      await client.views.update({ view_id: viewId, view: view as View, ...(hash ? { hash } : {}) });
    },
    async publishHome(userId, view) {
      await client.views.publish({ user_id: userId, view: view as View });
    },
    async userTimeZone(userId) {
      const res = await client.users.info({ user: userId });
      return res.user?.tz ?? null;
    },
    async uploadFile({ channel, filename, content, title, comment }) {
      const body = typeof content === 'string' ? { content } : { file: content };
      await client.filesUploadV2({ channel_id: channel, filename, ...body, title, initial_comment: comment });
    },
    async messagePermalink(channel, messageTs) {
      const res = await client.chat.getPermalink({ channel, message_ts: messageTs });
      if (!res.permalink) throw new Error('chat.getPermalink answered without a permalink');
      return res.permalink;
    },
    async openDm(userId) {
      const res = await client.conversations.open({ users: userId });
      if (!res.channel?.id) throw new Error('conversations.open answered without a channel');
      return res.channel.id;
    },
    async fileInfo(fileId) {
      const res = await client.files.info({ file: fileId });
      const f = res.file;
      if (!f?.id || !f.url_private_download || !f.permalink) throw new Error(`files.info answered without the file ${fileId}`);
      return {
        id: f.id, name: f.name ?? f.title ?? f.id, mimetype: f.mimetype ?? '', filetype: f.filetype ?? '', size: f.size ?? 0,
        permalink: f.permalink, downloadUrl: f.url_private_download,
      };
    },
    async checkAuth() {
      await client.auth.test();
    },
    async downloadFile(url) {
      if (!mayCarryToken(url, opts.apiUrl)) throw new Error(`refusing to send the bot token to ${new URL(url).host}`);
      const res = await fetch(url, { headers: { authorization: `Bearer ${opts.token}` }, redirect: 'error', signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
      if (!res.ok || !res.body) throw new Error(`file download failed: HTTP ${res.status}`);
      return res.body as unknown as AsyncIterable<Uint8Array>;
    },
    workspace() {
      workspace ??= client.auth.test().then((res) => {
        if (!res.url || !res.team_id) throw new Error('auth.test answered without the workspace url');
        return { url: res.url, teamId: res.team_id };
      }).catch((err: unknown) => { workspace = undefined; throw err; });
      return workspace;
    },
    async createChannelCanvas({ channel, title, markdown: text }) {
      const res = await client.conversations.canvases.create({ channel_id: channel, title, document_content: markdown(text) });
      if (!res.canvas_id) throw new CanvasAnswerError('conversations.canvases.create');
      return { canvasId: res.canvas_id };
    },
    async createCanvas({ title, markdown: text, channel }) {
      const res = await client.canvases.create({ title, document_content: markdown(text), ...(channel ? { channel_id: channel } : {}) });
      if (!res.canvas_id) throw new CanvasAnswerError('canvases.create');
      return { canvasId: res.canvas_id };
    },
    async findCanvasSections({ canvasId, heading }) {
      const res = await client.canvases.sections.lookup({ canvas_id: canvasId, criteria: { section_types: ['h2'], contains_text: heading } });
      return (res.sections ?? []).flatMap((s) => (s.id ? [s.id] : []));
    },
    async replaceCanvasContent({ canvasId, sectionId, markdown: text }) {
      await client.canvases.edit({ canvas_id: canvasId, changes: [{ operation: 'replace', ...(sectionId ? { section_id: sectionId } : {}), document_content: markdown(text) }] });
    },
    async shareCanvas({ canvasId, access, userIds, channelIds }) {
      const who = userIds?.length ? { user_ids: userIds as [string, ...string[]] } : channelIds?.length ? { channel_ids: channelIds as [string, ...string[]] } : null;
      if (!who) return;
      await client.canvases.access.set({ canvas_id: canvasId, access_level: access, ...who });
    },
  };
}

/** The bot token goes to Slack's hosts (files.slack.com) or the API host configured (a test double), nowhere else. */
export function mayCarryToken(url: string, apiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const api = new URL(apiUrl);
  if (target.host === api.host && target.protocol === api.protocol) return true;
  return target.protocol === 'https:' && (target.hostname === 'slack.com' || target.hostname.endsWith('.slack.com'));
}

/** Slack's answers that mean the token itself is wrong, not that Slack is unwell. */
const REFUSED_TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'not_allowed_token_type', 'missing_scope']);

export type TokenCheck =
  | { ok: true }
  | { ok: false; kind: 'refused' | 'unreachable'; detail: string };

/** What Slack says of a token (`auth.test`): accepted, refused (and why), or Slack could not be reached. */
export async function checkToken(opts: { token: string; apiUrl: string; timeoutMs?: number }): Promise<TokenCheck> {
  const client = new WebClient(opts.token, { slackApiUrl: opts.apiUrl, retryConfig: { retries: 0 }, timeout: opts.timeoutMs ?? 5_000, logLevel: LogLevel.ERROR });
  try {
    await client.auth.test();
    return { ok: true };
  } catch (err) {
    return describeTokenFailure(err);
  }
}

/** A Web API error met while using a token → refused (the token is wrong) or unreachable (Slack is). */
export function describeTokenFailure(err: unknown): { ok: false; kind: 'refused' | 'unreachable'; detail: string } {
  // By `code`, not instanceof: Bolt's Socket Mode client may bring its own copy of @slack/web-api.
  const e = err as { code?: string; data?: { error?: string }; statusCode?: number; original?: unknown };
  if (e?.code === ErrorCode.PlatformError && e.data?.error) {
    return { ok: false, kind: REFUSED_TOKEN_ERRORS.has(e.data.error) ? 'refused' : 'unreachable', detail: e.data.error };
  }
  if (e?.code === ErrorCode.HTTPError) return { ok: false, kind: e.statusCode === 401 || e.statusCode === 403 ? 'refused' : 'unreachable', detail: `HTTP ${e.statusCode}` };
  if (e?.code === ErrorCode.RequestError) return { ok: false, kind: 'unreachable', detail: causeOf(e.original) };
  return { ok: false, kind: 'unreachable', detail: causeOf(err) };
}

/** "fetch failed" says nothing; its cause (ECONNREFUSED, ENOTFOUND, a certificate error) does. */
function causeOf(err: unknown): string {
  const e = err as { message?: string; code?: string; cause?: { code?: string; message?: string } } | undefined;
  const inner = e?.cause?.code ?? e?.cause?.message ?? e?.code;
  return [e?.message ?? String(err), inner].filter(Boolean).join(': ');
}
