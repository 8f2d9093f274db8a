import type { IncomingMessage } from 'node:http';

// Web API arguments as the fake records them. `any` because tests dig into
// nested Block Kit (args.blocks[0].text.text) without re-declaring Slack's types.
export type SlackArgs = Record<string, any>;

export interface UploadedPart {
  filename: string;
  content: Buffer;
}

// WebClient JSON-encodes every argument that is not a string, number or boolean
// (blocks, view, attachments, metadata, files…), so any such value arrives as a
// JSON string. Arguments that are free text stay strings even when they happen
// to look like JSON.
const FREE_TEXT_ARGS = new Set([
  'text',
  'markdown_text',
  'initial_comment',
  'title',
  'alt_text',
  'private_metadata',
  'value',
  'query',
  'filename',
  'external_id',
  'error',
]);

export function readRawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// Scalars stay strings, as Slack receives them over the wire ("true", "42").
export async function decodeArgs(raw: Buffer, contentType = ''): Promise<{ args: SlackArgs; files: UploadedPart[] }> {
  if (contentType.startsWith('multipart/form-data')) return decodeMultipart(raw, contentType);
  const text = raw.toString('utf8');
  if (text.trim() === '') return { args: {}, files: [] };
  if (contentType.includes('json')) {
    const parsed: unknown = JSON.parse(text);
    return { args: isPlainObject(parsed) ? parsed : { _body: parsed }, files: [] };
  }
  return { args: decodeJsonValues(Object.fromEntries(new URLSearchParams(text))), files: [] };
}

async function decodeMultipart(raw: Buffer, contentType: string): Promise<{ args: SlackArgs; files: UploadedPart[] }> {
  // The WHATWG Request parser avoids hand-rolling multipart boundaries.
  const form = await new Request('http://fake.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const fields: Record<string, string> = {};
  const files: UploadedPart[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else files.push({ filename: value.name, content: Buffer.from(await value.arrayBuffer()) });
  }
  return { args: decodeJsonValues(fields), files };
}

export function decodeJsonValues(fields: Record<string, string>): SlackArgs {
  const args: SlackArgs = {};
  for (const [key, value] of Object.entries(fields)) {
    args[key] = FREE_TEXT_ARGS.has(key) ? value : parseJsonContainer(value);
  }
  return args;
}

function parseJsonContainer(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? parsed : value;
  } catch {
    return value;
  }
}

function isPlainObject(value: unknown): value is SlackArgs {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
