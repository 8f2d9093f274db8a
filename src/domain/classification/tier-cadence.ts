import type { ClassificationPolicy, TierDecision } from './types.js';
import { TIER_WORDS } from './wording.js';

export function decideCadence(tier: TierDecision, policy: ClassificationPolicy): { days: number | null; reason: string } {
  const value = tier.tier.value;
  if (value === 'prohibited') {
    return { days: null, reason: 'Not scheduled: a prohibited practice (Art. 5) is escalated to the governance forum at once.' };
  }
  const days = policy.cadenceDays[value];
  const signal = tier.euBinds ? '' : ', the tier used as a risk signal although the EU AI Act does not bind';
  return { days, reason: `Reviewed every ${days} days: the classification policy's cadence for a ${TIER_WORDS[value]}${signal}.` };
}
