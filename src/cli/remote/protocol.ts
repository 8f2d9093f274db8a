import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../../app/intake/import-inventory.js';

/**
 * One CLI command through the server is one HTTP/1.1 exchange on the Unix socket: POST /run with the
 * request in a header and the uploaded file (if any) as the body; the answer's body is the command's
 * stdout, streamed as it is written, and its trailers carry stderr and the exit status once it ends.
 */
export const RUN_PATH = '/run';
export const PROTOCOL_VERSION = 1;

export const HEADER = {
  request: 'x-aigov-request',
  peer: 'x-aigov-peer',
  exit: 'x-aigov-exit',
  stderr: 'x-aigov-stderr',
} as const;

export const RemoteRequest = z.object({
  version: z.literal(PROTOCOL_VERSION),
  argv: z.array(z.string().max(10_000)).max(100),
  /** A file the command reads, read by the CLI (the server may not see the CLI's path): the body, or why it could not be read. */
  file: z.object({ path: z.string().max(10_000), error: z.string().max(200).optional() }).optional(),
});
export type RemoteRequest = z.infer<typeof RemoteRequest>;

export const encodeHeader = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
export const decodeHeader = (value: string): unknown => JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));

/**
 * The server keeps this much of an uploaded file and drops the rest: more than the import accepts, so a
 * file that is too large is still refused by the import itself, with its own message.
 */
export const MAX_UPLOAD_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;
