import type { Logger as DrizzleLogger } from 'drizzle-orm';
import type postgres from 'postgres';

interface Captured {
  /** Calls by step; the parameters kept are those of the latest call, so plans reflect the latest state. */
  calls: Map<string, number>;
  params: unknown[];
}

/** Every distinct statement the verbs send, how often each step sent it, and the parameters of its latest use. */
export class QueryCapture implements DrizzleLogger {
  readonly queries = new Map<string, Captured>();
  step = 'setup';

  logQuery(query: string, params: unknown[]): void {
    const seen = this.queries.get(query) ?? { calls: new Map<string, number>(), params };
    seen.params = params;
    seen.calls.set(this.step, (seen.calls.get(this.step) ?? 0) + 1);
    this.queries.set(query, seen);
  }

  /** Statements one step sent, by verb and table (`insert into escalations`), most frequent first. */
  statementsOf(step: string): { total: number; byShape: [string, number][] } {
    const byShape = new Map<string, number>();
    let total = 0;
    for (const [query, { calls }] of this.queries) {
      const n = calls.get(step) ?? 0;
      if (!n) continue;
      total += n;
      const shape = shapeOf(query);
      byShape.set(shape, (byShape.get(shape) ?? 0) + n);
    }
    return { total, byShape: [...byShape].sort((a, b) => b[1] - a[1]) };
  }
}

function shapeOf(query: string): string {
  const q = query.replace(/"/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  const table = /^(?:insert into|update|delete from) (\w+)/.exec(q)?.[1] ?? /\bfrom (\w+)/.exec(q)?.[1] ?? '?';
  return `${q.split(' ')[0]} ${table}`;
}

export interface PlanFinding {
  step: string;
  calls: number;
  sql: string;
  /** Indexes the plan uses. */
  indexes: string[];
  /** Every table the plan reads start to end, with its size and why that matters (or does not). */
  seqScans: { table: string; rows: number; kind: SeqScanKind }[];
  /** Measured by EXPLAIN ANALYZE for reads; writes are planned only (their effects would stay). */
  ms: number | null;
  verdict: 'index' | 'index; whole-table reads by design' | 'small tables only' | 'INDEX MISSING';
}

/**
 * - `small`: a table of a few rows, read whole: fine at any scale.
 * - `filtered`: a big table read whole to keep a few rows: an index would find them directly.
 * - `whole`: a big table read whole because the answer needs (nearly) every row — a hash join against
 *   many matches, or a count over the table: the planner's right choice, and linear in the table.
 */
export type SeqScanKind = 'small' | 'filtered' | 'whole';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Filter?: string;
  'Plan Rows'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Tables at or below this many rows may be read whole; a scan of anything bigger grows with the data. */
const SMALL_TABLE_ROWS = 2_000;
/** A filtered scan that keeps under this share of the table is one an index should have answered. */
const SELECTIVE = 0.2;

/**
 * EXPLAIN (FORMAT JSON) of every captured statement that reads a table: SELECTs with ANALYZE (actual
 * time), UPDATE/DELETE plans without it. Plain single-row INSERTs are left out: they read nothing.
 */
export async function explainCaptured(client: postgres.Sql, capture: QueryCapture, steps: readonly string[]): Promise<PlanFinding[]> {
  // Fresh statistics, as autovacuum would have them after the runs' writes.
  await client`analyze`;
  const sizes = new Map((await client<{ relname: string; n: number }[]>`
    select relname, greatest(reltuples, 0)::bigint::int as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`).map((r) => [r.relname, r.n]));
  const findings: PlanFinding[] = [];
  for (const [query, { params, calls: callsByStep }] of capture.queries) {
    const step = steps.find((s) => callsByStep.has(s));
    if (!step) continue;
    const calls = callsByStep.get(step)!;
    const verb = query.trimStart().slice(0, 6).toLowerCase();
    const reads = verb === 'select' || verb === 'update' || verb === 'delete' || (verb === 'insert' && /\bselect\b/i.test(query.slice(6)));
    if (!reads) continue;
    const analyze = verb === 'select';
    const [row] = await client.unsafe(`explain (${analyze ? 'analyze, ' : ''}format json) ${query}`, params as never[]);
    const plan = (row as Record<string, unknown>)['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time'?: number }];
    const nodes = flatten(plan[0].Plan);
    const indexes = [...new Set(nodes.filter((n) => n['Index Name']).map((n) => n['Index Name']!))];
    const seqScans = nodes.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name']).map((n) => {
      const rows = sizes.get(n['Relation Name']!) ?? 0;
      const kept = n['Actual Rows'] ?? n['Plan Rows'] ?? rows;
      const kind: SeqScanKind = rows <= SMALL_TABLE_ROWS ? 'small' : n.Filter && kept < rows * SELECTIVE ? 'filtered' : 'whole';
      return { table: n['Relation Name']!, rows, kind };
    });
    const verdict = seqScans.some((s) => s.kind === 'filtered') ? 'INDEX MISSING'
      : seqScans.some((s) => s.kind === 'whole') ? 'index; whole-table reads by design'
        : indexes.length ? 'index' : 'small tables only';
    findings.push({ step, calls, sql: query, indexes, seqScans, ms: plan[0]['Execution Time'] ?? null, verdict });
  }
  return findings;
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

/** The statement shortened for a report line: its tables and filter are what identify it. */
export function shortSql(query: string, width = 150): string {
  const flat = query.replace(/\s+/g, ' ').replace(/"/g, '');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
