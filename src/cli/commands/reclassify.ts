import type { CliCommand } from '../command.js';
import { parseFlags, requireFormat } from '../args.js';
import { EXIT } from '../io.js';
import { reclassifyInventory, type ReclassifyResult, type SystemReclassification } from '../../app/classification/reclassify-inventory.js';
import { CHANGE_KIND_LABELS, CHANGE_KINDS } from '../../domain/reclassification.js';
import { SYSTEM_ACTOR_ID } from '../../app/context.js';

export const reclassifyCommand: CliCommand = {
  name: 'reclassify',
  usage: 'reclassify [--dry-run] [--format text|json]',
  summary: 'classify every system again under this release\'s rules; --dry-run only prints what would change',
  scope: 'cli-slack',
  async run(args, rt, io) {
    const { values } = parseFlags(args, { 'dry-run': { type: 'boolean' }, format: { type: 'string' } });
    const format = requireFormat(values.format, ['text', 'json'] as const, 'text');
    const dryRun = values['dry-run'] === true;
    const ctx = {
      db: rt.database.db, actor: { userId: SYSTEM_ACTOR_ID, isAdmin: true, origin: { via: 'cli' as const, command: dryRun ? 'reclassify --dry-run' : 'reclassify' } },
      now: () => new Date(), logger: rt.logger, policy: rt.policy, afterCommit: () => rt.dispatcher.kick(),
    };
    const systems: SystemReclassification[] = [];
    const result = await reclassifyInventory({
      ctx, input: { dryRun, onChange: (s) => (format === 'json' ? systems.push(s) : io.stdout.write(systemText(s))) },
    });
    const undelivered = dryRun ? 0 : (await rt.dispatcher.drain()).pending;
    if (format === 'json') io.stdout.write(`${JSON.stringify({ ...result, systems, undelivered })}\n`);
    else io.stdout.write(totalsText(result, undelivered));
    for (const bad of result.invalid) io.stderr.write(`aigov: ${bad.systemId} (${bad.name}) left as it was: its stored facts do not validate (${bad.problem})\n`);
    return EXIT.ok;
  },
};

const or = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

/** One system's diff, old → new, with the reasons. */
export function systemText(s: SystemReclassification): string {
  const c = s.change;
  const lines = [
    `${s.systemId}  ${s.name}  (owner ${s.ownerId})`,
    `  tier:            ${c.tier.from ?? 'none'} → ${c.tier.to}${c.kinds.includes('tier') ? '' : ' (unchanged)'} — ${c.tier.reason}`,
    `  primary source:  ${c.primarySource.from ?? 'none'} → ${c.primarySource.to}${c.kinds.includes('primary_source') ? '' : ' (unchanged)'} — ${c.primarySource.reason}`,
    `  binding sources: ${or(c.bindingSources.from)} → ${or(c.bindingSources.to)}${c.kinds.includes('binding_sources') ? '' : ' (unchanged)'}`,
    `  requirements:    ${c.requirements.added.length} new, ${c.requirements.removed.length} retired, ${c.requirements.kept} kept`,
    ...c.requirements.added.map((r) => `    + ${r.source} ${r.requirementId} ${r.title} — ${r.reason}`),
    ...c.requirements.removed.map((r) => `    - ${r.source} ${r.requirementId} ${r.title} — ${r.reason || 'no longer applies'}`),
    ...(c.kinds.includes('cadence') ? [`  review cadence:  ${c.cadence.from ?? 'none'} → ${c.cadence.to ?? 'none'} days`] : []),
    ...(c.kinds.includes('dates') ? [`  legal dates:     ${or(c.dates.from.filter((d) => !c.dates.to.includes(d)))} → ${or(c.dates.to.filter((d) => !c.dates.from.includes(d)))}`] : []),
    `  why:             ${c.reason}`,
    ...s.overrides.map((o) => `  override kept:   ${o.outcome} stays ${o.value} (for the governance forum to confirm or lift)`),
  ];
  return `${lines.join('\n')}\n\n`;
}

function totalsText(r: ReclassifyResult, undelivered: number): string {
  const kinds = CHANGE_KINDS.filter((k) => r.byKind[k]).map((k) => `${CHANGE_KIND_LABELS[k]}: ${r.byKind[k]}`).join('; ');
  const head = `${r.examined} ${r.examined === 1 ? 'system' : 'systems'} classified under other rules; ${r.changed} ${r.dryRun ? 'would change' : 'changed'}${kinds ? ` (${kinds})` : ''}.`;
  if (r.dryRun) return `${head}\nDry run: nothing was stored or sent. Rules and data: ${r.versionKey}\n`;
  const told = r.notified ? `${r.notified.owners} owners DMed once each${r.notified.summary ? ', one governance summary' : ''}` : 'messages for these rules had already been sent';
  return `${head}\n${r.claimsAdded} claims added, ${r.claimsRetired} retired, ${r.reviewsOpened} reviews opened; ${told}; ${undelivered} messages not yet delivered.\nRules and data: ${r.versionKey}\n`;
}
