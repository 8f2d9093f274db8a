import { SOURCE_LABELS, type RiskTier, type Source } from '../vocabulary.js';

/** ['a'] -> 'a'; ['a', 'b', 'c'] -> 'a, b and c'. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Lower-cases the first letter for use mid-sentence, leaving acronyms and the rest of the text alone. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What is classified, as it reads after "a": "a high-risk system", "a general-purpose AI model". */
export const TIER_WORDS: Record<RiskTier, string> = {
  prohibited: 'prohibited system',
  high: 'high-risk system',
  transparency: 'transparency-tier system',
  minimal: 'minimal-risk system',
  gpai: 'general-purpose AI model',
  gpai_systemic: 'general-purpose AI model with systemic risk',
};

export const NOT_BINDING = 'the EU AI Act does not bind it (no EU nexus, Art. 2(1))';

export function sourceLabel(source: Source): string {
  return SOURCE_LABELS[source];
}

export const SHORT_SOURCE_LABELS: Record<Source, string> = {
  'iso-42001': 'ISO/IEC 42001',
  'nist-ai-rmf': 'NIST AI RMF',
  'eu-ai-act': 'EU AI Act',
  'co-sb26-189': 'Colorado SB 26-189',
};
