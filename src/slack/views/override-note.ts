import { escapeText, mention } from '../escape.js';
import { section, type Block } from './blocks.js';

const LABELS: Record<string, string> = { tier: 'EU AI Act tier', primarySource: 'primary source', workKind: 'kind of work', cadenceDays: 'review cadence (days)' };

/** A thread note on the system's announcement: the computed outcome, the override, who and why. */
export function buildOverrideNote(a: { systemName: string; adminId: string; outcome: string; from: string; to: string; justification: string }): { text: string; blocks: Block[] } {
  const what = LABELS[a.outcome] ?? a.outcome;
  return {
    text: `${what} of ${escapeText(a.systemName)} overridden: ${escapeText(a.from)} → ${escapeText(a.to)}`,
    blocks: [section(`:pencil2: ${mention(a.adminId)} overrode the *${what}* of *${escapeText(a.systemName)}*: computed \`${escapeText(a.from)}\` → \`${escapeText(a.to)}\`.\n*Why:* ${escapeText(a.justification)}`)],
  };
}
