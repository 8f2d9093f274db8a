import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../support/fixtures.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import type { Runtime } from '../../src/runtime.js';
import { aiSystems, classifications } from '../../src/db/schema/index.js';
import { runAigov, testRuntime } from '../support/test-runtime.js';

// The import columns the amended EU AI Act brought (CONTRACT.md "Inventory CSV"): each value accepted and
// classified, each bad value or meaningless combination refused with its line and column, nothing stored.

const HEADER = 'name,purpose,owner,lifecycle_stage,operator_role,prohibited_practice,annex_i_product,annex_i_section,annex_iii_point,transparency,gpai_model,scope_exclusion,public_body,art25_provider,data_categories,us_states,consequential_decision';
const row = (cells: Record<string, string>) => HEADER.split(',').map((h) => cells[h] ?? '').join(',');
const base = { purpose: 'p', owner: 'U0OWNER1', lifecycle_stage: 'deployed', operator_role: 'provider' };

describe('aigov import inventory: the amended EU AI Act columns', () => {
  let database: Database;
  let rt: Runtime;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-import-amended-'));
  const file = (name: string, text: string) => { const p = path.join(dir, name); fs.writeFileSync(p, text); return p; };
  const systems = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(aiSystems))[0]!.n;
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; rt = await testRuntime(database); });
  afterAll(async () => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('registers rows using every new column and stores the binding sources with the classification', async () => {
    const csv = [
      HEADER,
      row({ ...base, name: 'Deepnude filter', prohibited_practice: '5(1)(ba)' }),
      row({ ...base, name: 'Foundation model', gpai_model: 'systemic', scope_exclusion: 'open_source' }),
      row({ ...base, name: 'Press controller', annex_i_product: 'yes', annex_i_section: 'B' }),
      row({ ...base, name: 'Mood camera', operator_role: 'deployer', transparency: 'emotion_recognition', public_body: 'yes' }),
      row({ ...base, name: 'Drone targeting', annex_iii_point: '6(a)', scope_exclusion: 'military' }),
      row({ ...base, name: 'Rebranded scorer', operator_role: 'deployer', art25_provider: 'own_name', annex_iii_point: '5(b)' }),
      row({ ...base, name: 'Tenant screen', operator_role: 'deployer', data_categories: 'personal', us_states: 'CO;NY', consequential_decision: 'housing' }),
    ].join('\n');
    const r = await runAigov(rt, ['import', 'inventory', file('amended.csv', csv)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = await database.db.select().from(aiSystems).orderBy(aiSystems.name);
    expect(Object.fromEntries(rows.map((s) => [s.name, s.riskTier]))).toEqual({
      'Deepnude filter': 'prohibited',
      'Drone targeting': 'high',
      'Foundation model': 'gpai_systemic',
      'Mood camera': 'high',
      'Press controller': 'high',
      'Rebranded scorer': 'high',
      'Tenant screen': 'minimal',
    });
    const binding = async (name: string) => {
      const s = rows.find((x) => x.name === name)!;
      const [c] = await database.db.select().from(classifications).where(eq(classifications.id, s.currentClassificationId!));
      return (c!.computed as { bindingSources: string[] }).bindingSources;
    };
    expect(await binding('Press controller')).toEqual([]);
    expect(await binding('Drone targeting')).toEqual([]);
    expect(await binding('Rebranded scorer')).toEqual(['eu-ai-act']);
    expect((rows.find((s) => s.name === 'Tenant screen')!.facts as { usStates: string[] }).usStates).toEqual(['CO', 'NY']);
    const exported = await runAigov(rt, ['export', 'inventory', '--format', 'json']);
    const inventory = JSON.parse(exported.stdout) as Record<string, unknown>[];
    expect(inventory.find((s) => s.name === 'Foundation model')).toMatchObject({ risk_tier: 'gpai_systemic', gpai_model: 'systemic', binding_sources: ['eu-ai-act'] });
    expect(inventory.find((s) => s.name === 'Press controller')).toMatchObject({ annex_i_section: 'b', binding_sources: [], primary_source: 'iso-42001' });
  });

  it.each([
    ['an unknown prohibited point', { prohibited_practice: '5(1)(i)' }, 'prohibited_practice'],
    ['an unknown gpai value', { gpai_model: 'maybe' }, 'gpai_model'],
    ['an unknown scope exclusion', { scope_exclusion: 'hobby' }, 'scope_exclusion'],
    ['an unknown Annex I section', { annex_i_product: 'yes', annex_i_section: 'c' }, 'annex_i_section'],
    ['a bad public_body', { operator_role: 'deployer', public_body: 'sometimes' }, 'public_body'],
    ['an unknown Art. 25 case', { operator_role: 'deployer', art25_provider: 'rebadged' }, 'art25_provider'],
    ['an unknown US state', { us_states: 'CO;XX' }, 'us_states'],
    ['an unknown decision', { consequential_decision: 'dating' }, 'consequential_decision'],
    ['a section without an Annex I product', { annex_i_section: 'a' }, 'annex_i_section'],
    ['a model with an Annex III point', { gpai_model: 'yes', annex_iii_point: '4(a)' }, 'gpai_model'],
    ['Art. 25 for a provider', { art25_provider: 'substantial_modification' }, 'art25_provider'],
  ] as const)('refuses %s with the line and column, storing nothing', async (_, cells, column) => {
    const before = await systems();
    const csv = [HEADER, row({ ...base, name: 'Fine row' }), row({ ...base, name: 'Bad row', ...cells })].join('\n');
    const r = await runAigov(rt, ['import', 'inventory', file(`bad-${column}.csv`, csv)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`line 3, column ${column}: `));
    expect(await systems()).toBe(before);
  });
});
