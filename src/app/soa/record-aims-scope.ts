import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { aimsScopes, aiSystems } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { forbidden, invalid } from '../errors.js';
import { loadCurrentScope } from '../../db/repos/soa-records.js';
import { checkMayDecideSoa } from './decide-control.js';

/** Form fields the errors are keyed by (the modal's block ids). */
export const SCOPE_FIELDS = { statement: 'scope_statement', systems: 'scope_systems', units: 'scope_units' } as const;

export const RecordAimsScopeInput = z.object({
  statement: z.string(),
  /** null: every registered AI system is in scope. */
  systemIds: z.array(z.string()).nullable(),
  /** Organisational units, one per line or separated by commas or semicolons. */
  units: z.string().default(''),
});
export type RecordAimsScopeInput = z.input<typeof RecordAimsScopeInput>;

const MAX_STATEMENT = 3000;
const MAX_UNITS = 50;

export const splitUnits = (text: string) => [...new Set(text.split(/[\n,;]+/).map((u) => u.trim()).filter(Boolean))];

/** The AIMS scope (ISO/IEC 42001 clause 4.3): a short statement, the systems and the organisational units it covers. Each recording is kept. */
export async function recordAimsScope({ ctx, input: raw }: { ctx: ServiceContext; input: RecordAimsScopeInput }): Promise<{ scopeId: string }> {
  checkMayDecideSoa(ctx);
  const input = RecordAimsScopeInput.parse(raw);
  const statement = input.statement.trim();
  const units = splitUnits(input.units);
  const systemIds = input.systemIds === null ? null : [...new Set(input.systemIds)];
  const problems: Record<string, string> = {};
  if (!statement) problems[SCOPE_FIELDS.statement] = 'Say what the AI management system covers.';
  else if (statement.length > MAX_STATEMENT) problems[SCOPE_FIELDS.statement] = `Keep the scope statement under ${MAX_STATEMENT} characters.`;
  if (systemIds !== null && !systemIds.length) problems[SCOPE_FIELDS.systems] = 'Choose the AI systems in scope, or put every registered system in scope.';
  if (units.length > MAX_UNITS || units.some((u) => u.length > 200)) problems[SCOPE_FIELDS.units] = `Name at most ${MAX_UNITS} units, each under 200 characters.`;
  if (Object.keys(problems).length) throw invalid('The scope needs correcting.', problems);
  return withTransaction(ctx, async (tx) => {
    if (systemIds) {
      const found = new Set((await tx.select({ id: aiSystems.id }).from(aiSystems).where(inArray(aiSystems.id, systemIds))).map((r) => r.id));
      const missing = systemIds.filter((id) => !found.has(id));
      if (missing.length) throw invalid('The scope names systems that are not registered.', { [SCOPE_FIELDS.systems]: `Not registered: ${missing.join(', ')}.` });
    }
    const before = await loadCurrentScope(tx);
    const id = newId('scp');
    const after = { statement, systemIds, units };
    await tx.insert(aimsScopes).values({ id, ...after, recordedBy: ctx.actor.userId, recordedAt: ctx.now() });
    await recordAudit(tx, ctx, { action: 'soa.scope_recorded', subjectType: 'aims_scope', subjectId: id, before: before ? { id: before.id, statement: before.statement, systemIds: before.systemIds, units: before.units } : null, after });
    return { scopeId: id };
  });
}
