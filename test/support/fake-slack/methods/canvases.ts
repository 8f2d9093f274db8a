import type { SlackArgs } from '../request-body.js';
import { fail, type ApiAnswer, type FakeState } from '../state.js';
import { parseSections, type FakeCanvas } from '../canvases.js';

// conversations.canvases.create, canvases.create, canvases.edit, canvases.sections.lookup and
// canvases.access.set with the arguments and errors Slack documents (docs.slack.dev/reference/methods/…).

/** "The markdown content is limited to 1 MiB (1,048,576 characters)." */
export const CANVAS_MARKDOWN_LIMIT = 1_048_576;

function documentContent(args: SlackArgs): { markdown: string } | ApiAnswer {
  const content = args.document_content;
  if (content === undefined) return { markdown: '' };
  if (typeof content !== 'object' || content?.type !== 'markdown' || typeof content.markdown !== 'string') return fail('invalid_arguments', 'document_content must be {type: "markdown", markdown}');
  if (content.markdown.length > CANVAS_MARKDOWN_LIMIT) return fail('invalid_arguments', 'markdown content is limited to 1 MiB');
  return { markdown: content.markdown };
}

const refused = (state: FakeState) => (state.canvasRefusal ? fail(state.canvasRefusal) : undefined);

function newCanvas(state: FakeState, args: { title: string; markdown: string; channelId?: string; isChannelCanvas: boolean }): FakeCanvas {
  const canvas: FakeCanvas = {
    id: state.nextFileId(), title: args.title, ...(args.channelId ? { channelId: args.channelId } : {}), isChannelCanvas: args.isChannelCanvas,
    sections: parseSections(args.markdown), access: new Map(), edits: 0,
  };
  state.canvases.set(canvas.id, canvas);
  return canvas;
}

export function conversationsCanvasesCreate(state: FakeState, args: SlackArgs): ApiAnswer {
  const no = refused(state);
  if (no) return no;
  if (!args.channel_id) return fail('invalid_arguments', 'channel_id is required');
  if ([...state.canvases.values()].some((c) => c.isChannelCanvas && c.channelId === args.channel_id)) return fail('channel_canvas_already_exists');
  const content = documentContent(args);
  if ('ok' in content) return content;
  const canvas = newCanvas(state, { title: String(args.title ?? ''), markdown: content.markdown, channelId: args.channel_id, isChannelCanvas: true });
  return { ok: true, canvas_id: canvas.id };
}

export function canvasesCreate(state: FakeState, args: SlackArgs): ApiAnswer {
  const no = refused(state);
  if (no) return no;
  const content = documentContent(args);
  if ('ok' in content) return content;
  const canvas = newCanvas(state, { title: String(args.title ?? ''), markdown: content.markdown, ...(args.channel_id ? { channelId: args.channel_id } : {}), isChannelCanvas: false });
  return { ok: true, canvas_id: canvas.id };
}

export function canvasesSectionsLookup(state: FakeState, args: SlackArgs): ApiAnswer {
  const no = refused(state);
  if (no) return no;
  const canvas = state.canvases.get(args.canvas_id);
  if (!canvas) return fail('canvas_not_found');
  const criteria = args.criteria;
  if (!criteria || typeof criteria !== 'object') return fail('invalid_arguments', 'criteria is required');
  const types: unknown = criteria.section_types;
  if (types !== undefined && (!Array.isArray(types) || !types.length || types.length > 3 || types.some((t) => !['h1', 'h2', 'h3', 'any_header'].includes(t)))) {
    return fail('invalid_arguments', 'section_types: 1 to 3 of h1, h2, h3, any_header');
  }
  if (types === undefined && typeof criteria.contains_text !== 'string') return fail('invalid_arguments', 'criteria needs section_types or contains_text');
  const levelOk = (level: number) => !types || (types as string[]).some((t) => t === 'any_header' ? level > 0 : t === `h${level}`);
  const sections = canvas.sections.filter((s) => s.level > 0 && levelOk(s.level) && (criteria.contains_text === undefined || s.heading.includes(String(criteria.contains_text))));
  return { ok: true, sections: sections.map((s) => ({ id: s.id })) };
}

export function canvasesEdit(state: FakeState, args: SlackArgs): ApiAnswer {
  const no = refused(state);
  if (no) return no;
  const canvas = state.canvases.get(args.canvas_id);
  if (!canvas) return fail('canvas_not_found');
  const changes: unknown = args.changes;
  // "Only one operation per API call is currently supported."
  if (!Array.isArray(changes) || changes.length !== 1) return fail('invalid_arguments', 'changes must hold exactly one change');
  const change = changes[0] as SlackArgs;
  const content = documentContent(change);
  if ('ok' in content) return content;
  const at = change.section_id ? canvas.sections.findIndex((s) => s.id === change.section_id) : -1;
  if (change.section_id && at < 0) return fail('canvas_editing_failed', `no section ${change.section_id}`);
  const fresh = parseSections(content.markdown);
  switch (change.operation) {
    case 'replace':
      if (at < 0) canvas.sections = fresh;
      else canvas.sections.splice(at, 1, ...fresh);
      break;
    case 'insert_at_end': canvas.sections.push(...fresh); break;
    case 'insert_at_start': canvas.sections.unshift(...fresh); break;
    case 'insert_after': if (at < 0) return fail('invalid_arguments', 'section_id is required'); canvas.sections.splice(at + 1, 0, ...fresh); break;
    case 'insert_before': if (at < 0) return fail('invalid_arguments', 'section_id is required'); canvas.sections.splice(at, 0, ...fresh); break;
    case 'delete': if (at < 0) return fail('invalid_arguments', 'section_id is required'); canvas.sections.splice(at, 1); break;
    default: return fail('invalid_arguments', `unknown operation ${String(change.operation)}`);
  }
  canvas.edits += 1;
  return { ok: true };
}

export function canvasesAccessSet(state: FakeState, args: SlackArgs): ApiAnswer {
  const no = refused(state);
  if (no) return no;
  const canvas = state.canvases.get(args.canvas_id);
  if (!canvas) return fail('canvas_not_found');
  if (!['read', 'write', 'owner'].includes(args.access_level)) return fail('invalid_arguments', 'access_level: read, write or owner');
  const users: unknown = args.user_ids;
  const channels: unknown = args.channel_ids;
  if ((users === undefined) === (channels === undefined)) return fail('invalid_parameters');
  const ids = (users ?? channels) as unknown;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 20) return fail('invalid_arguments', '1 to 20 ids');
  if (args.access_level === 'owner' && channels !== undefined) return fail('invalid_arguments', 'owner is for users only');
  for (const id of ids) canvas.access.set(String(id), String(args.access_level));
  return { ok: true };
}
