import { describe, expect, it } from 'vitest';
import { ANSWERED_CLAIM_STATUSES, isOpenClaim, OPEN_CLAIM_STATUSES } from '../../../src/domain/claim-progress.js';

describe('isOpenClaim', () => {
  it.each([
    ['requested', true],
    ['stale', true],
    ['submitted', false],
    ['reused', false],
    ['accepted', false],
    ['exception', false],
    ['retired', false],
    ['', false],
  ])('%j is open: %s', (status, open) => {
    expect(isOpenClaim(status)).toBe(open);
  });

  it('never calls a status both open and answered', () => {
    for (const status of ANSWERED_CLAIM_STATUSES) expect(isOpenClaim(status)).toBe(false);
    for (const status of OPEN_CLAIM_STATUSES) expect(isOpenClaim(status)).toBe(true);
  });
});
