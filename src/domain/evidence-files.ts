import { z } from 'zod';

/**
 * A file kept as evidence: what Slack says it is, and the SHA-256 of the bytes aigov downloaded when it
 * was submitted, so an auditor can tell later whether the artifact behind the link is still the same.
 */
export const EvidenceFile = z.object({
  slackFileId: z.string().regex(/^F[A-Z0-9]+$/),
  name: z.string().min(1).max(255),
  mimetype: z.string().max(255),
  filetype: z.string().max(64),
  sizeBytes: z.number().int().nonnegative(),
  permalink: z.string().url(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const EvidenceFiles = z.array(EvidenceFile);

/** What Slack says of an uploaded file before aigov downloads it. */
export interface SlackFileFacts {
  id: string;
  name: string;
  mimetype: string;
  filetype: string;
  size: number;
}

export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_FILE_BYTES = 25 * 1024 * 1024;

/**
 * File kinds an auditor can open without special software: documents, spreadsheets, slides, text, data,
 * images, and archives of them. Slack's `filetype` names, with the extensions they come from.
 */
export const EVIDENCE_FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  pdf: ['pdf'], docx: ['docx'], doc: ['doc'], odt: ['odt'], xlsx: ['xlsx'], xls: ['xls'], ods: ['ods'], pptx: ['pptx'], odp: ['odp'],
  csv: ['csv'], text: ['txt'], markdown: ['md'], json: ['json'], xml: ['xml'], yaml: ['yaml', 'yml'], html: ['html', 'htm'],
  png: ['png'], jpg: ['jpg', 'jpeg'], gif: ['gif'], webp: ['webp'], zip: ['zip'], gzip: ['gz'],
};
const EXTENSIONS = new Set(Object.values(EVIDENCE_FILE_TYPES).flat());
const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

export const FILE_LIMITS_TEXT = `Up to ${MAX_EVIDENCE_FILES} files of ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB each: documents, spreadsheets, slides, text, CSV/JSON, images or zip.`;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The first reason these files cannot be evidence, for the modal's field error; null when they can. */
export function evidenceFilesProblem(files: readonly SlackFileFacts[]): string | null {
  if (files.length > MAX_EVIDENCE_FILES) return `At most ${MAX_EVIDENCE_FILES} files (you attached ${files.length}); zip them or link a folder instead.`;
  for (const f of files) {
    if (f.size > MAX_EVIDENCE_FILE_BYTES) return `"${f.name}" is ${megabytes(f.size)}; files up to ${megabytes(MAX_EVIDENCE_FILE_BYTES)} are kept. Link a larger artifact instead.`;
    if (f.size === 0) return `"${f.name}" is empty.`;
    if (!(f.filetype in EVIDENCE_FILE_TYPES) && !EXTENSIONS.has(extensionOf(f.name))) {
      return `"${f.name}" is not a kind of file kept as evidence (${f.filetype || 'unknown type'}). ${FILE_LIMITS_TEXT}`;
    }
  }
  return null;
}

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : megabytes(n));

/** One line per file for exports and notes: name, size, and the first characters of its digest. */
export function describeEvidenceFile(f: EvidenceFile): string {
  return `${f.name} (${bytes(f.sizeBytes)}, SHA-256 ${f.sha256}) ${f.permalink}`;
}
