import { ARTIFACT_KIND_LABELS, type ArtifactKind } from '../../../domain/evidence-artifact.js';
import { escapeText, mention, truncate } from '../../escape.js';
import { context, section, type Block } from '../blocks.js';
import { sourceLabel } from '../classification-text.js';

interface NoteClaim { source: string; requirementId: string; title: string }
interface NoteFile { name: string; permalink: string; sha256: string }
interface NoteArtifact {
  id: string; kind: string; links: string[]; description: string; evidenceDate: string; periodFrom: string; periodTo: string; criteriaMet: boolean;
  files?: unknown; createdAt?: Date;
}

const filesOf = (files: unknown): NoteFile[] => (Array.isArray(files) ? files as NoteFile[] : []);

const claimName = (c: NoteClaim) => `*${sourceLabel(c.source)} ${escapeText(c.requirementId)}* — ${escapeText(truncate(c.title, 120))}`;

/**
 * What an artifact is, in one line: kind, effective date (and the day it was submitted, when that
 * differs), period, criteria, then its links and files (Slack links bare URLs itself).
 */
export function artifactSummary(a: NoteArtifact): string {
  const kind = ARTIFACT_KIND_LABELS[a.kind as ArtifactKind] ?? a.kind;
  const links = a.links.slice(0, 5).map((l) => escapeText(l)).join(' ');
  const files = filesOf(a.files).slice(0, 5).map((f) => `<${f.permalink}|${escapeText(truncate(f.name, 80))}> (SHA-256 \`${f.sha256.slice(0, 12)}…\`)`).join(' ');
  const submitted = a.createdAt ? a.createdAt.toISOString().slice(0, 10) : null;
  const when = `effective ${a.evidenceDate}${submitted && submitted !== a.evidenceDate ? ` (submitted ${submitted})` : ''}`;
  return `${kind} ${when}, covering ${a.periodFrom} to ${a.periodTo} · acceptance criteria ${a.criteriaMet ? 'met' : 'not met'}\n${escapeText(truncate(a.description, 500))}\n${[links, files].filter(Boolean).join(' ')}`;
}

/** The note in the system's thread when a claim is answered with evidence, new or reused. */
export function buildEvidenceNote(args: {
  kind: 'submitted' | 'reused' | 'reattested'; actorId: string; claim: NoteClaim; systemName: string; artifact: NoteArtifact; reuseReason?: string;
}): { text: string; blocks: Block[] } {
  const verb = args.kind === 'submitted' ? 'submitted evidence for' : args.kind === 'reused' ? 'reused evidence for' : 'confirmed as still valid the evidence for';
  const blocks: Block[] = [
    section(`:page_facing_up: ${mention(args.actorId)} ${verb} ${claimName(args.claim)}\n${artifactSummary(args.artifact)}`),
    context(args.reuseReason ? `\`${args.artifact.id}\` · ${escapeText(args.reuseReason)}` : `\`${args.artifact.id}\``),
  ];
  return { text: `Evidence ${args.kind === 'reattested' ? 'confirmed as still valid' : args.kind} for ${escapeText(args.systemName)}: ${escapeText(args.claim.requirementId)}`, blocks };
}
