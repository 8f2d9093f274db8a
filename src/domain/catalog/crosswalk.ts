import { CROSSWALK_NIST_ISO_42001 } from './generated/crosswalk-nist-iso-42001.js';
import type { RequirementRef } from './requirements.js';

// Only NIST AI RMF subcategory <-> ISO/IEC 42001 clause or control pairs exist. The source gives no
// relationship strength, so a pair means "related": evidence may be reused only after the product's other
// reuse conditions (same owner, scope, system, period, criteria) are also met.
const pairKeys = new Set(CROSSWALK_NIST_ISO_42001.map((p) => `${p.nist}|${p.iso}`));

function nistIsoKey(a: RequirementRef, b: RequirementRef): string | undefined {
  if (a.source === 'nist-ai-rmf' && b.source === 'iso-42001') return `${a.id}|${b.id}`;
  if (a.source === 'iso-42001' && b.source === 'nist-ai-rmf') return `${b.id}|${a.id}`;
  return undefined;
}

/** True when the NIST AI RMF <-> ISO/IEC 42001 crosswalk pairs the two requirements, in either order. */
export function crosswalkMaps(a: RequirementRef, b: RequirementRef): boolean {
  const key = nistIsoKey(a, b);
  return key !== undefined && pairKeys.has(key);
}

/** The requirements of the other source that the crosswalk pairs with this one, in crosswalk order. */
export function crosswalkPartners(ref: RequirementRef): RequirementRef[] {
  if (ref.source === 'nist-ai-rmf') {
    return CROSSWALK_NIST_ISO_42001.filter((p) => p.nist === ref.id).map((p) => ({ source: 'iso-42001', id: p.iso }));
  }
  if (ref.source === 'iso-42001') {
    return CROSSWALK_NIST_ISO_42001.filter((p) => p.iso === ref.id).map((p) => ({ source: 'nist-ai-rmf', id: p.nist }));
  }
  return [];
}
