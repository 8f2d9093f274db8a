import type { SystemStatus } from '../../app/records/load-system-status.js';
import { escapeText, mention, truncate } from '../escape.js';
import { SLASH_COMMAND } from '../ids.js';
import { context, header, section, type Block } from './blocks.js';
import { sourceLabel } from './classification-text.js';
import { day, tierLabel } from './home/work-lines.js';

// Reasons are sentences of up to a few hundred characters; a section holds 3,000.
const MAX_REASONS = 8;

/** `/aigov status <id or name>`: classification with its reasons, owners, evidence progress and the next review. */
export function buildSystemStatus(m: SystemStatus): { text: string; blocks: Block[] } {
  const s = m.system;
  const c = m.classification;
  const tz = m.timeZone;
  const reasons = c?.reasons ?? [];
  const evidence = m.evidence.length
    ? m.evidence.map((e) => `• ${sourceLabel(e.source)}: ${e.answered} of ${e.total} answered${e.open ? ` · ${e.open} open` : ''}${e.overdue ? ` · *${e.overdue} overdue*` : ''}`).join('\n')
    : '• No evidence requested.';
  const answered = m.evidence.reduce((n, e) => n + e.answered, 0);
  const total = m.evidence.reduce((n, e) => n + e.total, 0);
  const blocks: Block[] = [
    header(truncate(s.name, 150)),
    section(`\`${s.id}\` · ${escapeText(s.status)} · ${escapeText(s.lifecycleStage)} · ${escapeText(s.operatorRole.replace(/_/g, ' '))}\n${escapeText(truncate(s.purpose, 600))}`),
    section([
      `*EU AI Act tier:* ${tierLabel(s.riskTier)}${c?.tier?.reason ? ` — ${escapeText(c.tier.reason)}` : ''}`,
      `*Primary source:* ${sourceLabel(s.primarySource)}${c?.primarySource?.reason ? ` — ${escapeText(c.primarySource.reason)}` : ''}`,
      `*Kind of work:* ${s.workKind.replace(/_/g, ' ')}${c?.workKind?.reason ? ` — ${escapeText(c.workKind.reason)}` : ''}${m.overrides ? ` · ${m.overrides} classification override${m.overrides === 1 ? '' : 's'} on record` : ''}`,
    ].join('\n')),
    section(`*Owners:* accountable ${mention(s.ownerId)} · reviewer ${s.reviewerId ? mention(s.reviewerId) : '—'} · approver ${s.approverId ? mention(s.approverId) : 'the governance forum'}`),
    section(`*Evidence:* ${answered} of ${total} claims answered\n${evidence}`),
    section(`*Next review:* ${day(s.nextReviewAt, tz)}${s.cadenceDays ? ` (every ${s.cadenceDays} days)` : ''}${m.openReviews.count ? ` · ${m.openReviews.count} review${m.openReviews.count === 1 ? '' : 's'} open, due ${day(m.openReviews.nextDueAt, tz)}` : ''}${m.openExceptions ? ` · ${m.openExceptions} open exception${m.openExceptions === 1 ? '' : 's'}` : ''}`),
  ];
  if (reasons.length) {
    const shown = reasons.slice(0, MAX_REASONS).map((r) => `• ${escapeText(truncate(r, 340))}`).join('\n');
    blocks.push(section(`*Why it is classified this way*\n${shown}${reasons.length > MAX_REASONS ? `\n…and ${reasons.length - MAX_REASONS} more in the dossier` : ''}`));
  }
  blocks.push(context(`Only you can see this. The full record: \`aigov export dossier ${s.id}\` (governance admins: \`${SLASH_COMMAND} export dossier ${s.id}\`).`));
  return { text: `${escapeText(s.name)} (${s.id}): ${tierLabel(s.riskTier)}, ${answered} of ${total} claims answered, next review ${day(s.nextReviewAt, tz)}`, blocks };
}

export function unknownSystemMessage(ref: string): string {
  return `No AI system has the id or name “${escapeText(truncate(ref, 120))}”. \`${SLASH_COMMAND} mine\` lists yours; ids look like \`sys_…\`.`;
}
