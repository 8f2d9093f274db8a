import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import type { RenderedCanvas } from '../../../src/outbox/rendering.js';
import { cardKeys } from '../../../src/domain/message-keys.js';
import { CANVAS_MAX_CHARS, canvasDocument, fitCanvas } from '../../../src/slack/render/canvases/canvas-markdown.js';
import { createTestDatabase } from '../../support/test-db.js';
import { testRenderer } from '../../support/event-renderer.js';
import { USERS } from '../../support/test-app.js';
import { createEventRenderer } from '../../../src/slack/render/index.js';
import { TEST_POLICY } from '../../support/verb-context.js';
import { silentLogger } from '../../support/logger.js';

const SYSTEMS = 10_000;
const CLAIMS_OF_ONE = 1_500;
// The longest name the intake allows, full of markdown a canvas must not obey.
const NAME = `Scaled **system** ![](@U0ADMIN1) [x](https://evil.example) | ${'n'.repeat(60)}`;

async function draw(database: Database, kind: string, payload: unknown, cardKey: string): Promise<RenderedCanvas> {
  const rendered = await testRenderer(database.db).render({ kind, payload, asOf: new Date(), cardKey, existing: true, workspaceUrl: 'https://aigov-test.slack.com/' });
  if (!('canvas' in rendered)) throw new Error(`expected a canvas: ${JSON.stringify(rendered)}`);
  return rendered.canvas;
}

describe('canvases over 10,000 systems', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    // Rows made in the database itself: registering ten thousand systems through the verb would take minutes.
    await db.execute(sql.raw(`
      insert into ai_systems (id, name, purpose, owner_id, lifecycle_stage, operator_role, eu_nexus, data_categories, annex_i_product, profiling,
        transparency, trigger, risk_tier, work_kind, primary_source, cadence_days, next_review_at, created_by, facts)
      select 'sys_scale' || lpad(g::text, 6, '0'), '${NAME.replace(/'/g, "''")} ' || g, 'Synthetic', '${USERS.owner}',
        'deployed', 'deployer', true, '{none}', false, false, '{}', 'new_system',
        (array['high','transparency','minimal','prohibited'])[1 + g % 4], 'scope', 'iso-42001', 90, now() - interval '1 day', '${USERS.requester}', '{}'::jsonb
      from generate_series(1, ${SYSTEMS}) g`));
    await db.execute(sql.raw(`
      insert into evidence_claims (id, system_id, source, requirement_id, title, summary, reason, owner_id, status, due_at, review_trigger, reuse_permission)
      select 'clm_scale' || s.id, s.id, 'iso-42001', 'A.5.2', 'Synthetic', 'Synthetic', 'Baseline rule: synthetic', s.owner_id, 'requested', now() - interval '1 day', 'yearly', 'crosswalk_same_conditions'
      from ai_systems s`));
    await db.execute(sql.raw(`
      insert into evidence_claims (id, system_id, source, requirement_id, title, summary, reason, owner_id, status, due_at, review_trigger, reuse_permission)
      select 'clm_one' || g, 'sys_scale000001', 'nist-ai-rmf', 'MAP ' || g, 'A long requirement title that says what is owed ' || repeat('x', 80), 'Synthetic', 'Synthetic',
        '${USERS.owner}', 'requested', now() + interval '10 days', 'yearly', 'crosswalk_same_conditions'
      from generate_series(1, ${CLAIMS_OF_ONE}) g`));
  }, 180_000);
  afterAll(async () => { await database?.close(); });

  it('keeps the register far inside Slack\'s size limit: exact counts, the first few named, and where the rest are', async () => {
    const canvas = await draw(database, 'canvas.governance.v1', {}, cardKeys.governanceCanvas());
    const markdown = canvasDocument(canvas.title, canvas.sections);
    expect(markdown.length).toBeLessThan(CANVAS_MAX_CHARS / 10);
    expect(markdown).toContain('| **All** | **10000** | **10000** |');
    expect(markdown).toContain('**Prohibited, high-risk and systemic-risk systems (5000)**');
    expect(markdown).toContain('_…and 4975 more — see `/aigov export inventory`._');
    expect(markdown).toContain('**Overdue evidence (10000 claims)**');
    expect(markdown).toContain('_…and 9975 more — see `/aigov export evidence-matrix`._');
    expect(markdown).not.toContain('![](@U0ADMIN1)');
    expect(markdown).not.toContain('[x](https://evil.example)');
  }, 60_000);

  it('keeps a system with 1,500 claims within the limit, listing the first and pointing at the dossier for the rest', async () => {
    const canvas = await draw(database, 'canvas.system.v1', { systemId: 'sys_scale000001' }, cardKeys.systemCanvas('sys_scale000001'));
    const markdown = canvasDocument(canvas.title, canvas.sections);
    expect(markdown.length).toBeLessThan(CANVAS_MAX_CHARS);
    expect(markdown).toContain('0 of 1501 claims answered.');
    expect(markdown).toContain('_…and 1441 more — see `/aigov export dossier sys_scale000001`._');
  }, 60_000);
});

describe('canvas renderers with nothing to draw', () => {
  let database: Database;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => { await database?.close(); });

  it('skips the canvas of a system that is gone, and the register when no governance channel is set', async () => {
    expect(await testRenderer(database.db).render({ kind: 'canvas.system.v1', payload: { systemId: 'sys_gone' }, asOf: new Date(), cardKey: cardKeys.systemCanvas('sys_gone'), existing: true }))
      .toEqual({ skip: 'system sys_gone is gone' });
    const noChannel = createEventRenderer({ db: database.db, policy: { ...TEST_POLICY, governanceChannel: '' }, logger: silentLogger });
    expect(await noChannel.render({ kind: 'canvas.governance.v1', payload: {}, asOf: new Date(), cardKey: cardKeys.governanceCanvas(), existing: false }))
      .toEqual({ skip: 'no governance channel is set' });
  });
});

describe('the last guard on a canvas\'s size', () => {
  it('replaces the longest sections with a line saying what they held and where, never cutting text', () => {
    const sections = [
      { heading: 'Small', markdown: 'kept as it is', fullAt: '`/aigov export inventory`' },
      { heading: 'Huge', markdown: 'y'.repeat(2_000), fullAt: '`/aigov export workbook`' },
    ];
    const fitted = fitCanvas('Title', sections, 500);
    expect(fitted[0]).toEqual({ heading: 'Small', markdown: 'kept as it is' });
    expect(fitted[1]!.markdown).toBe('_This section holds 2,000 characters, more than a canvas can hold: see `/aigov export workbook`._');
    expect(canvasDocument('Title', fitted).length).toBeLessThanOrEqual(500);
    expect(fitCanvas('Title', sections)).toEqual(sections.map(({ heading, markdown }) => ({ heading, markdown })));
  });
});
