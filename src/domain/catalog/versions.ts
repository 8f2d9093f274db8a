import { SOURCE_VERSIONS } from './generated/versions.js';
import type { SourceVersion } from './types.js';

export { SOURCE_VERSIONS, type SourceVersion };

/**
 * The version of the classification rules (the code in src/domain/classification). Bump it when a rule
 * changes what a system is classified as; the reference data carries its own versions below.
 */
export const RULES_VERSION = 'classify-intake/2';

export interface ClassificationVersions {
  readonly rules: string;
  /** Source id -> `<as_of>#<first 12 hex of the file's SHA-256>`. */
  readonly sources: Readonly<Record<string, string>>;
}

/** What every stored classification records: the rules and the exact reference data it was computed with. */
export const CLASSIFICATION_VERSIONS: ClassificationVersions = Object.freeze({
  rules: RULES_VERSION,
  sources: Object.freeze(Object.fromEntries(SOURCE_VERSIONS.map((v) => [v.source, `${v.asOf ?? 'undated'}#${v.sha256.slice(0, 12)}`]))),
});

/**
 * One string for all of the above. A stored classification made under another key was computed with other
 * rules or other facts, which is what triggers a re-classification of the inventory.
 */
export const CLASSIFICATION_VERSION_KEY = [
  CLASSIFICATION_VERSIONS.rules,
  ...Object.entries(CLASSIFICATION_VERSIONS.sources).sort(([a], [b]) => a.localeCompare(b)).map(([source, version]) => `${source}@${version}`),
].join(';');
