import { describe, expect, it } from 'vitest';
import { MethodPacer } from '../../../src/outbox/pacer.js';

describe('pacing calls to a rate-limited Slack method', () => {
  it('lets calls go at once until Slack says otherwise', () => {
    const pacer = new MethodPacer(() => 1000);
    expect([pacer.reserve(), pacer.reserve(), pacer.reserve()]).toEqual([0, 0, 0]);
  });

  it('after a 429 spaces calls so what Slack accepted fits the Retry-After window, with a margin', () => {
    let now = 0;
    const pacer = new MethodPacer(() => now);
    for (let i = 0; i < 100; i++) { now = i * 5; pacer.sent(); }
    now = 500;
    pacer.rateLimited(1);
    expect(pacer.spacingMs).toBeCloseTo(1000 / 98, 5);
    expect(pacer.reserve()).toBe(1000);
    expect(pacer.reserve()).toBeCloseTo(1000 + 1000 / 98, 5);
  });

  it('never loosens the spacing on a later 429 that counted more sends', () => {
    let now = 0;
    const pacer = new MethodPacer(() => now);
    for (let i = 0; i < 50; i++) pacer.sent();
    pacer.rateLimited(1);
    const tight = pacer.spacingMs;
    now = 10_000;
    for (let i = 0; i < 150; i++) pacer.sent();
    pacer.rateLimited(1);
    expect(pacer.spacingMs).toBe(tight);
  });

  it('holds the fitted spacing while the 429 is recent, rather than walking back into the limit', () => {
    let now = 0;
    const pacer = new MethodPacer(() => now);
    for (let i = 0; i < 100; i++) { now = i * 10; pacer.sent(); }
    pacer.rateLimited(1);
    const fitted = pacer.spacingMs;
    for (let i = 0; i < 5000; i++) { now += fitted; pacer.sent(); }
    expect(pacer.spacingMs).toBe(fitted);
  });

  it('relaxes the spacing again after sustained success long after the last 429', () => {
    let now = 0;
    const pacer = new MethodPacer(() => now);
    pacer.rateLimited(1);
    const start = pacer.spacingMs;
    // Ten minutes of calls count for nothing; the next thousand relax it.
    for (let i = 0; i < 1300; i++) { now += 2000; pacer.sent(); }
    expect(pacer.spacingMs).toBeLessThan(start);
  });
});
