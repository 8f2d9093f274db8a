import { CHANGE_KINDS, CHANGE_KIND_LABELS, type ClassificationChange } from '../../domain/reclassification.js';
import type { RiskTier } from '../../domain/vocabulary.js';
import type { ReclassificationTotals, ReclassifiedSystem } from '../../app/classification/reclassification-report.js';
import { ACTIONS } from '../ids.js';
import { escapeText, mention, truncate } from '../escape.js';
import { actions, button, context, header, section, type Block } from './blocks.js';
import { sourceLabel, TIER_LABELS } from './classification-text.js';

export type { ReclassificationTotals, ReclassifiedSystem };

const tierLabel = (t: string | null) => (t === null ? 'none' : TIER_LABELS[t as RiskTier] ?? t);
const list = (xs: readonly string[]) => (xs.length ? xs.map(sourceLabel).join(', ') : 'none');
const arrow = (from: string, to: string) => `${from} → ${to}`;

/** One line per kind of change, old → new. */
export function changeLines(c: ClassificationChange): string[] {
  const lines: string[] = [];
  if (c.kinds.includes('tier')) lines.push(`*Tier:* ${arrow(tierLabel(c.tier.from), tierLabel(c.tier.to))}`);
  if (c.kinds.includes('primary_source')) lines.push(`*Primary source:* ${arrow(c.primarySource.from ? sourceLabel(c.primarySource.from) : 'none', sourceLabel(c.primarySource.to))}`);
  if (c.kinds.includes('binding_sources')) lines.push(`*Binding laws:* ${arrow(list(c.bindingSources.from), list(c.bindingSources.to))}`);
  if (c.kinds.includes('requirements')) {
    const added = c.requirements.added.map((r) => `${sourceLabel(r.source)} ${r.requirementId}`);
    const removed = c.requirements.removed.map((r) => `${sourceLabel(r.source)} ${r.requirementId}`);
    lines.push(`*Requirements:* ${[added.length ? `+${added.length} new (${truncate(added.join(', '), 300)})` : '', removed.length ? `${removed.length} retired (${truncate(removed.join(', '), 300)})` : ''].filter(Boolean).join('; ')}`);
  }
  if (c.kinds.includes('cadence')) lines.push(`*Review cadence:* ${arrow(c.cadence.from === null ? 'none' : `every ${c.cadence.from} days`, c.cadence.to === null ? 'none' : `every ${c.cadence.to} days`)}`);
  if (c.kinds.includes('dates')) {
    const gone = c.dates.from.filter((d) => !c.dates.to.includes(d));
    const come = c.dates.to.filter((d) => !c.dates.from.includes(d));
    lines.push(`*Legal dates:* ${arrow(gone.join(', ') || '—', come.join(', ') || '—')}`);
  }
  return lines;
}

// A message holds 50 blocks; each listed system with a button takes two.
const MAX_SYSTEMS_SHOWN = 10;

/** The one DM an owner gets when the rules change: every one of their systems that changed, why, and the reviews to do. */
export function buildReclassifiedDm(m: { ownerId: string; systems: readonly ReclassifiedSystem[]; rulesVersion: string }): { text: string; blocks: Block[] } {
  const n = m.systems.length;
  const reviews = m.systems.filter((s) => s.reviewId).length;
  const blocks: Block[] = [
    header(n === 1 ? 'One of your AI systems was reclassified' : `${n} of your AI systems were reclassified`),
    section(`${mention(m.ownerId)}, aigov classified the inventory again under the rules and reference data it now carries (${escapeText(m.rulesVersion)}). What changed for your systems, and why:`),
  ];
  for (const s of m.systems.slice(0, MAX_SYSTEMS_SHOWN)) {
    const kept = s.overrides.length ? `\n_An admin override keeps ${s.overrides.map((o) => `${o.outcome} at ${escapeText(o.value)}`).join(', ')}; the governance forum is asked to confirm or lift it._` : '';
    blocks.push(section(truncate(`*${escapeText(s.name)}* (\`${s.systemId}\`)\n${changeLines(s.change).map(escapeText).join('\n')}\n_Why:_ ${escapeText(s.change.reason)}${kept}`, 3000)));
    blocks.push(actions(`reclassified:${s.systemId}`, [
      ...(s.reviewId ? [button('Start review', ACTIONS.startReview, s.reviewId, 'primary')] : []),
      button('Open record', ACTIONS.openRecord, s.systemId),
    ]));
  }
  if (n > MAX_SYSTEMS_SHOWN) blocks.push(context(`…and ${n - MAX_SYSTEMS_SHOWN} more: each is on your aigov Home tab, with its review.`));
  blocks.push(context(`New evidence requests are on your evidence cards, which are updated in place; requirements that no longer apply are retired there, and the evidence already given is kept.${reviews ? ` ${reviews === 1 ? 'A review is' : `${reviews} reviews are`} due now.` : ''}`));
  return { text: `${n} of your AI systems ${n === 1 ? 'was' : 'were'} reclassified under new rules: ${m.systems.slice(0, 3).map((s) => s.name).join(', ')}${n > 3 ? ', …' : ''}`, blocks };
}

const MAX_SUMMARY_LINES = 25;

/** The governance channel's one summary of a re-classification: counts by kind of change, then the systems. */
export function buildReclassificationSummary(m: {
  totals: ReclassificationTotals; systems: readonly ReclassifiedSystem[]; overridden: readonly ReclassifiedSystem[]; overriddenCount?: number; rulesVersion: string;
}): { text: string; blocks: Block[] } {
  const overriddenCount = m.overriddenCount ?? m.overridden.length;
  const t = m.totals;
  const counts = CHANGE_KINDS.filter((k) => t.byKind[k] > 0).map((k) => `• ${CHANGE_KIND_LABELS[k]}: *${t.byKind[k]}*`);
  const blocks: Block[] = [
    header('The inventory was reclassified'),
    section(`aigov classified ${t.examined} AI ${t.examined === 1 ? 'system' : 'systems'} again under ${escapeText(m.rulesVersion)}. *${t.changed}* changed; ${t.owners} ${t.owners === 1 ? 'owner was' : 'owners were'} told in one DM each, with a review to do per system.\n${counts.join('\n')}`),
  ];
  const lines = m.systems.slice(0, MAX_SUMMARY_LINES).map((s) => `• *${escapeText(s.name)}* (\`${s.systemId}\`, ${mention(s.ownerId)}): ${escapeText(s.change.kinds.map((k) => CHANGE_KIND_LABELS[k]).join(', '))}${s.change.kinds.includes('tier') ? ` — ${escapeText(arrow(tierLabel(s.change.tier.from), tierLabel(s.change.tier.to)))}` : ''}`);
  if (lines.length) blocks.push(section(truncate(`*Systems*\n${lines.join('\n')}${m.systems.length < t.changed ? `\n…and ${t.changed - m.systems.length} more (see \`aigov export inventory\`)` : ''}`, 3000)));
  if (m.overridden.length) {
    const flagged = m.overridden.slice(0, 15).map((s) => `• *${escapeText(s.name)}* (\`${s.systemId}\`): override kept — ${s.overrides.map((o) => `${o.outcome} stays ${escapeText(o.value)}`).join(', ')}; the new rules say ${escapeText(changeLines(s.change).join('; ').replace(/\*/g, ''))}`);
    blocks.push(section(truncate(`:warning: *Overrides to confirm or lift*\n${flagged.join('\n')}${overriddenCount > flagged.length ? `\n…and ${overriddenCount - flagged.length} more` : ''}`, 3000)));
    blocks.push(context('An override stays until the forum lifts it: confirm it, or override the system again to the value the rules now give.'));
  }
  return { text: `The inventory was reclassified: ${t.changed} of ${t.examined} systems changed`, blocks };
}
