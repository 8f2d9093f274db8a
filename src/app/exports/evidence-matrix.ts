import type { Writable } from 'node:stream';
import { asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import { SOURCE_LABELS, type Source } from '../../domain/vocabulary.js';
import { EvidenceFiles, describeEvidenceFile } from '../../domain/evidence-files.js';
import { RowWriter, type Format } from './writer.js';

export const EVIDENCE_MATRIX_COLUMNS = [
  'system_id', 'system', 'claim_id', 'claim', 'source_framework', 'requirement_id', 'owner', 'artifact', 'artifact_id', 'artifact_type',
  'date', 'period_from', 'period_to', 'criteria_met', 'review_trigger', 'reuse_permission', 'status', 'stale_reason', 'due_date', 'requirement_reason',
  'submitted_at', 'files', 'file_sha256',
] as const;

// `date` is the artifact's effective date (when it was produced or the activity took place); `submitted_at`
// is when it was submitted to aigov. `artifact` lists links and file permalinks alike; `files` says what
// each file is and `file_sha256` the digest of its content when it was submitted.
const filesOf = (a: { files: unknown } | null) => (a ? EvidenceFiles.catch([]).parse(a.files) : []);

const PAGE = 1000;

/** The evidence matrix: one row per claim, with the source that creates the requirement and the artifact that proves it. */
export async function exportEvidenceMatrix(db: DbOrTx, out: Writable, format: Format): Promise<number> {
  const writer = new RowWriter(out, format, EVIDENCE_MATRIX_COLUMNS);
  await writer.open();
  let after = '';
  let total = 0;
  for (;;) {
    const page = await db.select({ claim: evidenceClaims, systemName: aiSystems.name, artifact: evidenceArtifacts })
      .from(evidenceClaims)
      .innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId))
      .leftJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
      .where(gt(evidenceClaims.id, after)).orderBy(asc(evidenceClaims.id)).limit(PAGE);
    if (!page.length) break;
    await writer.rows(page.map(({ claim: c, systemName, artifact: a }) => ({
      system_id: c.systemId, system: systemName, claim_id: c.id, claim: c.title,
      source_framework: SOURCE_LABELS[c.source as Source] ?? c.source, requirement_id: c.requirementId, owner: c.ownerId,
      artifact: a ? [...a.links, ...filesOf(a).map((f) => f.permalink)].join(' ') : null, artifact_id: a?.id ?? null, artifact_type: a?.kind ?? null, date: a?.evidenceDate ?? null,
      period_from: a?.periodFrom ?? null, period_to: a?.periodTo ?? null, criteria_met: a ? (a.criteriaMet ? 'yes' : 'no') : null,
      review_trigger: c.reviewTrigger, reuse_permission: c.reusePermission, status: c.status, stale_reason: c.staleReason,
      due_date: c.dueAt.toISOString().slice(0, 10), requirement_reason: c.reason,
      submitted_at: a?.createdAt.toISOString() ?? null, files: filesOf(a).map(describeEvidenceFile), file_sha256: filesOf(a).map((f) => f.sha256),
    })));
    total += page.length;
    after = page[page.length - 1]!.claim.id;
    if (page.length < PAGE) break;
  }
  await writer.close();
  return total;
}
