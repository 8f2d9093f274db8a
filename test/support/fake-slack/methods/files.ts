import type { SlackArgs, UploadedPart } from '../request-body.js';
import { fail, type ApiAnswer, type FakeState } from '../state.js';

// files.uploadV2 in WebClient is three steps: ask for an upload URL, POST the
// bytes there, then complete the upload into a channel.
export function getUploadUrlExternal(state: FakeState, args: SlackArgs): ApiAnswer {
  const length = Number(args.length);
  if (!args.filename || !Number.isInteger(length) || length < 0) {
    return fail('invalid_arguments', 'filename and length are required');
  }
  const id = state.nextFileId();
  state.files.set(id, { id, filename: String(args.filename), length, completed: false });
  return { ok: true, file_id: id, upload_url: `${state.baseUrl}/upload/${id}` };
}

// Answers like files.slack.com: 200 "OK - <bytes>" or 404 for an unknown upload.
export function receiveUpload(state: FakeState, fileId: string, parts: UploadedPart[], raw: Buffer): { status: number; text: string } {
  const file = state.files.get(fileId);
  if (!file) return { status: 404, text: 'Not Found' };
  const content = parts[0]?.content ?? raw;
  state.files.set(fileId, { ...file, content });
  return { status: 200, text: `OK - ${content.length}` };
}

export function completeUploadExternal(state: FakeState, args: SlackArgs): ApiAnswer {
  if (!Array.isArray(args.files) || args.files.length === 0) return fail('invalid_arguments', 'files is required');
  const completed = [];
  for (const { id, title } of args.files as { id: string; title?: string }[]) {
    const file = state.files.get(id);
    if (!file?.content) return fail('file_not_found', `file ${id} was never uploaded`);
    const done = {
      ...file,
      title: title ?? file.filename,
      channelId: args.channel_id,
      initialComment: args.initial_comment,
      threadTs: args.thread_ts,
      completed: true,
    };
    state.files.set(id, done);
    completed.push({
      id,
      name: done.filename,
      title: done.title,
      size: done.content?.length ?? 0,
      permalink: `${state.baseUrl}/files/${id}`,
      channels: done.channelId ? [done.channelId] : [],
    });
  }
  return { ok: true, files: completed };
}

/** What files.info and a file_input's state say of a shared file. */
export function sharedFileObject(state: FakeState, id: string) {
  const f = state.sharedFiles.get(id);
  if (!f) return undefined;
  return {
    id: f.id, created: 1_700_000_000, timestamp: 1_700_000_000, user: 'U0OWNER1', user_team: 'T0TEAM',
    name: f.name, title: f.name, mimetype: f.mimetype, filetype: f.filetype, size: f.size,
    url_private: `${state.baseUrl}/download/${f.id}/${encodeURIComponent(f.name)}`,
    url_private_download: `${state.baseUrl}/download/${f.id}/download/${encodeURIComponent(f.name)}`,
    permalink: `${state.baseUrl}/files/U0OWNER1/${f.id}/${encodeURIComponent(f.name)}`,
  };
}

export function info(state: FakeState, args: SlackArgs): ApiAnswer {
  const file = typeof args.file === 'string' ? sharedFileObject(state, args.file) : undefined;
  return file ? { ok: true, file } : fail('file_not_found');
}
