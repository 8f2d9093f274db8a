import {
  ART111_4, ART4_LITERACY, GPAI_DATE_IDS, TIER_REFS, lawDayPhrase, legalDate, movedNote, prohibitedPractice, type LegalDateId,
} from '../catalog/index.js';
import type { SystemFacts } from '../system-facts.js';
import type { TransparencyDuty } from '../vocabulary.js';
import { transparencyArticles } from './role-obligations.js';
import { routeDateId } from './risk-tier.js';
import type { RoleObligation, StatutoryDate, TierDecision } from './types.js';

function dated(dateId: LegalDateId, ref: string, what: string): StatutoryDate {
  const entry = legalDate(dateId);
  const moved = movedNote(dateId);
  return {
    dateId,
    date: entry.date,
    source: 'eu-ai-act',
    ref,
    reason: `${what} apply from ${lawDayPhrase(dateId, { withMove: false })} (${entry.ref}${moved ? `, ${moved}` : ''}); a date set by law, not a review cycle.`,
  };
}

/**
 * The dates set by law from which this system's EU AI Act obligations apply, each from the dates table by
 * id: none where the Act does not bind. Where an amendment moved a date, the reason says from when.
 */
export function decideStatutoryDates(
  facts: SystemFacts, tier: TierDecision, duties: readonly TransparencyDuty[], obligations: readonly RoleObligation[],
): StatutoryDate[] {
  if (!tier.euBinds) return [];
  const bound = (article: string) => obligations.some((o) => o.articles.includes(article));
  const dates: StatutoryDate[] = [];
  const route = tier.route;
  switch (route.kind) {
    case 'art5':
      dates.push(dated(prohibitedPractice(facts.prohibitedPractice!).dateId as LegalDateId, route.practiceRef, `The prohibition in ${route.practiceRef} and the duty to stop`));
      break;
    case 'gpai':
      for (const id of GPAI_DATE_IDS as readonly LegalDateId[]) {
        dates.push(dated(id, legalDate(id).ref, id === GPAI_DATE_IDS[0]
          ? 'Chapter V obligations of providers of general-purpose AI models'
          : 'For a model placed on the market before Chapter V applied, its Chapter V obligations'));
      }
      break;
    case 'art6_1':
      dates.push(dated(routeDateId('Art. 6(1)'), 'Art. 6(1)', 'Chapter III obligations for an Annex I high-risk system'));
      break;
    case 'art6_2':
    case 'art6_3_derogation':
      dates.push(dated(routeDateId('Art. 6(2)'), 'Art. 6(2)', route.kind === 'art6_2'
        ? 'Chapter III obligations for an Annex III high-risk system'
        : 'The Art. 6(4) assessment and the other Chapter III rules for an Annex III system'));
      break;
    case 'none':
      break;
  }
  const transparency = obligations.flatMap((o) => transparencyArticles(o.role, duties).filter((a) => o.articles.includes(a)));
  if (transparency.length > 0) {
    dates.push(dated(TIER_REFS.transparency!.dateId as LegalDateId, 'Art. 50', 'Art. 50 transparency duties'));
  }
  if (duties.includes('synthetic_content') && bound('Art. 50(2)')) {
    dates.push(dated(ART111_4.dateId as LegalDateId, ART111_4.ref, 'For a generative system already on the market before Art. 50 applied, the Art. 50(2) marking duties'));
  }
  if (bound('Art. 4')) dates.push(dated(ART4_LITERACY.dateId as LegalDateId, 'Art. 4', 'AI literacy measures'));
  // One line per date and provision, earliest first.
  const seen = new Set<string>();
  return dates
    .filter((d) => { const key = `${d.dateId}|${d.ref}`; if (seen.has(key)) return false; seen.add(key); return true; })
    .sort((a, b) => a.date.localeCompare(b.date));
}
