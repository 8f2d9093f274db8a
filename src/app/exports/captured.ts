import { Writable } from 'node:stream';

/** What an export writes, as text: for documents laid out from another export (a PDF from its CSV or Markdown). */
export async function captured(write: (out: Writable) => Promise<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write(chunk, enc, done) { chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), enc)); done(); } });
  await write(sink);
  return Buffer.concat(chunks).toString('utf8');
}
