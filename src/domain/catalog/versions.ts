// Placeholder for the versions built from ../shared/reference by scripts/build-catalog.mjs: the interface
// is the one the build writes, so code that records versions does not change when the real file lands.

export interface SourceVersion { readonly source: string; readonly file: string; readonly asOf: string | null; readonly sha256: string }

/** One per reference file the classifier reads. */
export const SOURCE_VERSIONS: readonly SourceVersion[] = Object.freeze([
  { source: 'eu-ai-act', file: 'eu-ai-act.json', asOf: '2026-12-06', sha256: '1edbb3414789a08e9a0901a01c5a5b1d165fb4523ac7add73717b2d4952d87f0' },
  { source: 'iso-42001', file: 'iso-42001-2023.json', asOf: null, sha256: '97bff3b42731b8c15ac93ff2f480c8f39df4ff5da92023f22e3ba168ecbcb895' },
  { source: 'nist-ai-rmf', file: 'nist-ai-rmf-1.0.json', asOf: null, sha256: '7b26b80ce0c6c20fb3b1317edb390e9e13223854deeba34a3e0ea39a30a70256' },
  { source: 'crosswalk-nist-iso-42001', file: 'crosswalk-nist-ai-rmf-iso-42001.json', asOf: null, sha256: '44f91f26e53e5cdd9f9313a4b21a1cc0ebf41b67b24d1192eab27bedfeaf1a12' },
  { source: 'crosswalk-nist-iso-23894', file: 'crosswalk-nist-ai-rmf-iso-23894.json', asOf: null, sha256: '67d8f4c2f4e812908ce574bfa64d284fbe0514342031264a5d779acdc36f656f' },
  { source: 'co-sb26-189', file: 'colorado-sb26-189.json', asOf: '2026-12-06', sha256: 'a58e6996e2864146c23ca460a685aaafa16e779997a40b7e4648bdf592216997' },
]);

/** Bumped whenever the classification rules change, even when no reference file did. */
export const RULES_VERSION = 'classify-intake/2';

export interface ClassificationVersions { readonly rules: string; readonly sources: Readonly<Record<string, string>> }

export const CLASSIFICATION_VERSIONS: ClassificationVersions = Object.freeze({
  rules: RULES_VERSION,
  sources: Object.freeze(Object.fromEntries(SOURCE_VERSIONS.map((v) => [v.source, `${v.asOf}#${v.sha256.slice(0, 12)}`]))),
});

/** One stable string of the rules and every source's version: a stored classification made under another is out of date. */
export const CLASSIFICATION_VERSION_KEY: string = [
  CLASSIFICATION_VERSIONS.rules,
  ...Object.entries(CLASSIFICATION_VERSIONS.sources).sort(([a], [b]) => a.localeCompare(b)).map(([s, v]) => `${s}=${v}`),
].join(';');
