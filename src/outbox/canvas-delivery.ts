import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { slackCanvases } from '../db/schema/index.js';
import { cardKeys } from '../domain/message-keys.js';
import { clearCanvasOutage, loadCanvasOutage, recordCanvasOutage } from '../app/canvases/canvas-availability.js';
import { queueAllCanvases, queueGovernanceCanvas } from '../app/canvases/queue-canvas-refresh.js';
import { refreshAnnouncement } from '../app/intake/refresh-announcement.js';
import { slackErrorCode, type SlackGateway } from '../slack/gateway.js';
import type { CanvasSection, Rendered, RenderedCanvas, RenderRequest } from './rendering.js';

/**
 * Slack's answers that mean this workspace will not let aigov use canvases at all (a free plan, a missing
 * scope, canvases turned off or restricted by an admin). None heals by retrying; granting it later does.
 */
export const CANVAS_UNAVAILABLE_ERRORS = new Set([
  'missing_scope', 'not_allowed', 'not_allowed_token_type', 'no_permission', 'access_denied', 'restricted_action', 'ekm_access_denied',
  'canvas_disabled', 'canvas_disabled_user_team', 'team_tier_cannot_create_channel_canvases', 'free_team_not_allowed',
  'free_teams_cannot_edit_standalone_canvases', 'free_team_canvas_tab_already_exists', 'team_access_not_granted',
  // Not a Slack error: an answer without the canvas made (see CanvasAnswerError).
  'canvas_id_missing',
]);

/** Of those, the ones that speak for the whole workspace when sharing fails; the rest concern one user or channel. */
const WORKSPACE_WIDE_ERRORS = new Set([
  'missing_scope', 'not_allowed_token_type', 'canvas_disabled', 'canvas_disabled_user_team', 'free_team_not_allowed',
  'free_teams_cannot_edit_standalone_canvases', 'team_tier_cannot_create_channel_canvases', 'team_access_not_granted',
]);

export type CanvasOutcome =
  | { status: 'sent'; channel: string; ts: string }
  | { status: 'paused'; untilMs: number }
  | { status: 'skipped'; reason: string }
  | { status: 'waiting'; detail: string };

export interface CanvasDeliveryDeps {
  db: Db;
  gateway: SlackGateway;
  logger: Logger;
  render(request: RenderRequest): Promise<Rendered>;
  /** Milliseconds the method is held back (a 429's Retry-After, or its tier full), 0 when it may go. */
  heldMs(method: string): number;
  /** Calls Slack through the method's pacing, attributing a 429 to that method. */
  call<T>(method: string, fn: () => Promise<T>): Promise<T>;
  /** Wakes the dispatcher after the canvases are queued again. */
  kick?: () => void;
}

type Row = { id: string; kind: string; payload: unknown; asOf: Date | null; createdAt: Date; cardKey: string | null };
type Stored = typeof slackCanvases.$inferSelect;

const digest = (s: CanvasSection) => createHash('sha256').update(`${s.heading}\n${s.markdown}`).digest('hex').slice(0, 32);
const sectionMarkdown = (s: CanvasSection) => `## ${s.heading}\n\n${s.markdown}`;
const documentOf = (sections: readonly CanvasSection[]) => sections.map(sectionMarkdown).join('\n\n');

/**
 * Draws one canvas row: creates the canvas the first time (and stores its id), afterwards replaces only
 * the sections whose markdown changed since last written, each found by its heading. Never creates a
 * second canvas for a key that has one. A workspace that cannot have canvases is recorded once and the
 * row is skipped: the canvas is drawn from current state whenever canvases become possible, so nothing is lost.
 */
export async function deliverCanvas(deps: CanvasDeliveryDeps, row: Row): Promise<CanvasOutcome> {
  const { db, gateway, logger } = deps;
  const key = row.cardKey!;
  const isGovernance = key === cardKeys.governanceCanvas();
  const [stored] = await db.select().from(slackCanvases).where(eq(slackCanvases.key, key));
  const outage = await loadCanvasOutage(db);
  // While canvases are unavailable only the governance canvas tries (the probe a sweep or a start queues).
  if (outage && !isGovernance) return { status: 'skipped', reason: `canvases unavailable in this workspace (${outage.reason}); drawn once they are` };
  const first = stored ? 'canvases.edit' : isGovernance ? 'conversations.canvases.create' : 'canvases.create';
  const held = deps.heldMs(first);
  if (held > 0) return { status: 'paused', untilMs: Date.now() + held };

  const workspace = await deps.call('auth.test', () => gateway.workspace());
  const rendered = await deps.render({ kind: row.kind, payload: row.payload, asOf: row.asOf ?? row.createdAt, cardKey: key, existing: Boolean(stored), workspaceUrl: workspace.url });
  if ('skip' in rendered) return { status: 'skipped', reason: rendered.skip };
  if (!('canvas' in rendered)) throw new Error(`${row.kind} rendered a message for the canvas ${key}`);
  const canvas = rendered.canvas;
  let method = first;
  try {
    let current: Stored;
    if (stored) {
      current = stored;
      await editChangedSections(deps, current, canvas.sections, (m) => { method = m; });
    } else {
      current = await createCanvas(deps, key, canvas, workspace, (m) => { method = m; });
      // The register and the system's announcement card link its canvas: redraw both now that it has an address.
      if (!isGovernance) {
        await db.transaction(async (tx) => {
          await queueGovernanceCanvas(tx, { canvases: true }, row.asOf ?? row.createdAt);
          await refreshAnnouncement(tx, (row.payload as { systemId: string }).systemId);
        });
      }
    }
    await share(deps, current, canvas, (m) => { method = m; });
    if (outage) await canvasesAvailableAgain(deps, row.asOf ?? row.createdAt);
    return { status: 'sent', channel: current.channel ?? '', ts: current.canvasId };
  } catch (err) {
    const code = slackErrorCode(err);
    if (code && CANVAS_UNAVAILABLE_ERRORS.has(code)) {
      if (await recordCanvasOutage(db, { reason: code, method, since: new Date() })) {
        logger.warn({ reason: code, method }, 'Slack does not let aigov use canvases in this workspace; aigov keeps working without them and draws them once it may');
      }
      return { status: 'skipped', reason: `canvases unavailable in this workspace (${code} from ${method})` };
    }
    if (stored && (code === 'canvas_not_found' || code === 'canvas_deleted')) {
      // Someone deleted it in Slack: forget it, and the next attempt draws it again from the records.
      await db.delete(slackCanvases).where(eq(slackCanvases.key, key));
      logger.warn({ key, canvasId: stored.canvasId }, 'a canvas aigov keeps was deleted in Slack; it is drawn again');
      return { status: 'waiting', detail: `canvas ${stored.canvasId} was deleted in Slack; drawing it again` };
    }
    throw err;
  }
}

async function createCanvas(deps: CanvasDeliveryDeps, key: string, canvas: RenderedCanvas, workspace: { url: string; teamId: string }, at: (m: string) => void): Promise<Stored> {
  const { gateway, db, logger } = deps;
  const markdown = documentOf(canvas.sections);
  let canvasId: string;
  let channel: string | null = null;
  if (canvas.placement.kind === 'channel') {
    channel = canvas.placement.channel;
    try {
      at('conversations.canvases.create');
      ({ canvasId } = await deps.call('conversations.canvases.create', () => gateway.createChannelCanvas({ channel: channel!, title: canvas.title, markdown })));
    } catch (err) {
      if (slackErrorCode(err) !== 'channel_canvas_already_exists') throw err;
      // The channel already has its own canvas (someone made one): aigov never replaces it, and tabs its
      // register beside it as a standalone canvas instead.
      logger.info({ channel }, 'the governance channel already has a channel canvas; the register goes in a tab beside it');
      at('canvases.create');
      ({ canvasId } = await deps.call('canvases.create', () => gateway.createCanvas({ title: canvas.title, markdown, channel: channel! })));
    }
  } else {
    at('canvases.create');
    ({ canvasId } = await deps.call('canvases.create', () => gateway.createCanvas({ title: canvas.title, markdown })));
  }
  const row = {
    key, canvasId, channel, url: `${workspace.url.replace(/\/?$/, '/')}docs/${workspace.teamId}/${canvasId}`,
    sectionDigests: Object.fromEntries(canvas.sections.map((s) => [s.heading, digest(s)])), sharedWith: [] as string[],
  };
  const [stored] = await db.insert(slackCanvases).values(row).onConflictDoUpdate({ target: slackCanvases.key, set: { ...row, updatedAt: new Date() } }).returning();
  return stored!;
}

/** Replaces each changed section in place; its digest is stored as soon as Slack has it, so a 429 midway resumes there. */
async function editChangedSections(deps: CanvasDeliveryDeps, stored: Stored, sections: readonly CanvasSection[], at: (m: string) => void): Promise<void> {
  const { gateway, db } = deps;
  const digests = { ...stored.sectionDigests };
  for (const section of sections) {
    const d = digest(section);
    if (digests[section.heading] === d) continue;
    at('canvases.sections.lookup');
    const ids = await deps.call('canvases.sections.lookup', () => gateway.findCanvasSections({ canvasId: stored.canvasId, heading: section.heading }));
    at('canvases.edit');
    if (ids.length !== 1) {
      // The heading is gone or doubled (edited by hand, or a section this release adds): the whole document
      // is written once, in place, so every section is where it belongs again.
      await deps.call('canvases.edit', () => gateway.replaceCanvasContent({ canvasId: stored.canvasId, markdown: documentOf(sections) }));
      await saveDigests(db, stored.key, Object.fromEntries(sections.map((s) => [s.heading, digest(s)])), true);
      return;
    }
    await deps.call('canvases.edit', () => gateway.replaceCanvasContent({ canvasId: stored.canvasId, sectionId: ids[0]!, markdown: sectionMarkdown(section) }));
    digests[section.heading] = d;
    await saveDigests(db, stored.key, { [section.heading]: d }, false);
  }
}

async function saveDigests(db: Db, key: string, digests: Record<string, string>, replace: boolean): Promise<void> {
  const value = JSON.stringify(digests);
  await db.update(slackCanvases).set({
    sectionDigests: replace ? sql`${value}::jsonb` : sql`${slackCanvases.sectionDigests} || ${value}::jsonb`, updatedAt: new Date(),
  }).where(eq(slackCanvases.key, key));
}

/** Shares a standalone canvas with whoever it names and has not had it yet (a new owner after a reassignment). */
async function share(deps: CanvasDeliveryDeps, stored: Stored, canvas: RenderedCanvas, at: (m: string) => void): Promise<void> {
  if (!canvas.shareWith) return;
  const have = new Set(stored.sharedWith);
  const users = canvas.shareWith.users.filter((u) => !have.has(u)).slice(0, 20);
  const channels = canvas.shareWith.channels.filter((c) => !have.has(c)).slice(0, 20);
  for (const [ids, kind] of [[users, 'userIds'], [channels, 'channelIds']] as const) {
    if (!ids.length) continue;
    at('canvases.access.set');
    try {
      await deps.call('canvases.access.set', () => deps.gateway.shareCanvas({ canvasId: stored.canvasId, access: 'read', [kind]: ids }));
    } catch (err) {
      const code = slackErrorCode(err);
      // A user or channel Slack will not share with (gone, or restricted) does not stop the canvas; it is
      // tried again on the next change.
      if (code && !WORKSPACE_WIDE_ERRORS.has(code) && code !== 'ratelimited') {
        deps.logger.warn({ canvasId: stored.canvasId, reason: code, [kind]: ids }, 'could not share a canvas');
        continue;
      }
      throw err;
    }
    await deps.db.update(slackCanvases).set({ sharedWith: sql`${slackCanvases.sharedWith} || array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::text[]` }).where(eq(slackCanvases.key, stored.key));
  }
}

/** The first success after an outage: every canvas is queued again, drawn from the records as they stand. */
async function canvasesAvailableAgain(deps: CanvasDeliveryDeps, asOf: Date): Promise<void> {
  const queued = await deps.db.transaction(async (tx) => ((await clearCanvasOutage(tx)) ? queueAllCanvases(tx, asOf) : 0));
  if (!queued) return;
  deps.logger.info({ canvases: queued }, 'canvases are available again; every canvas is being brought up to date');
  deps.kick?.();
}
