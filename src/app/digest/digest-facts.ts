import type { loadDigestFacts } from '../../db/repos/digest-facts.js';

/** What the governance digest reports for one period: counts exact, lists capped. */
export type DigestFacts = Awaited<ReturnType<typeof loadDigestFacts>>;
