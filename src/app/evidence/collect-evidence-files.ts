import { createHash } from 'node:crypto';
import { EVIDENCE_FIELDS } from '../../domain/evidence-artifact.js';
import { MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILES, evidenceFilesProblem, type EvidenceFile } from '../../domain/evidence-files.js';
import { AppError, invalid } from '../errors.js';

/** What Slack says of a shared file (files.info). */
export interface SlackFile {
  id: string;
  name: string;
  mimetype: string;
  filetype: string;
  size: number;
  permalink: string;
  downloadUrl: string;
}

/** Where evidence files come from: Slack's files.info and the file's download URL, with the bot token. */
export interface EvidenceFileSource {
  fileInfo(fileId: string): Promise<SlackFile>;
  downloadFile(url: string): Promise<AsyncIterable<Uint8Array>>;
}

const fieldError = (message: string) => invalid(message, { [EVIDENCE_FIELDS.files]: message });

/**
 * Reads the files an owner attached: Slack's own account of each (never the form's, which the client
 * sends), the limits checked before anything is downloaded, then each file downloaded and hashed as it
 * streams. A file larger than Slack said, or than the limit, is refused without keeping its bytes.
 */
export async function collectEvidenceFiles({ source, fileIds }: { source: EvidenceFileSource; fileIds: readonly string[] }): Promise<EvidenceFile[]> {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return [];
  if (ids.length > MAX_EVIDENCE_FILES) throw fieldError(`At most ${MAX_EVIDENCE_FILES} files (you attached ${ids.length}); zip them or link a folder instead.`);
  let infos: SlackFile[];
  try {
    infos = await Promise.all(ids.map((id) => source.fileInfo(id)));
  } catch (err) {
    throw new AppError('UNAVAILABLE', `Slack did not let aigov read the attached file (${(err as Error).message}). Try again, or link the artifact instead.`, {
      [EVIDENCE_FIELDS.files]: 'Slack did not let aigov read this file. Try again, or link the artifact instead.',
    });
  }
  const problem = evidenceFilesProblem(infos);
  if (problem) throw fieldError(problem);
  const files: EvidenceFile[] = [];
  for (const info of infos) {
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      for await (const chunk of await source.downloadFile(info.downloadUrl)) {
        bytes += chunk.byteLength;
        if (bytes > MAX_EVIDENCE_FILE_BYTES) throw fieldError(`"${info.name}" is larger than ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB; link it instead.`);
        hash.update(chunk);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('UNAVAILABLE', `aigov could not download "${info.name}" from Slack (${(err as Error).message}).`, {
        [EVIDENCE_FIELDS.files]: `aigov could not download "${info.name}" from Slack. Try again in a moment.`,
      });
    }
    files.push({
      slackFileId: info.id, name: info.name, mimetype: info.mimetype, filetype: info.filetype, sizeBytes: bytes,
      permalink: info.permalink, sha256: hash.digest('hex'),
    });
  }
  return files;
}
