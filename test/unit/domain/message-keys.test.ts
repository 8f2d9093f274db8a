import { describe, expect, it } from 'vitest';
import { cardKeys, keyParts, outboxKeys } from '../../../src/domain/message-keys.js';

// Keys are stored (slack_messages, outbox rows): a release that spelled one differently would lose track of
// every card an earlier release posted. These are the spellings already in databases.
describe('message keys', () => {
  it('spell the governance cards as earlier releases stored them', () => {
    expect(cardKeys.escalation({ kind: 'review', id: 'rev_1' }, 2, '2026-03-02T10:00:00.000Z')).toBe('escalation:review:rev_1:L2:2026-03-02T10:00:00.000Z');
    expect(cardKeys.review('rev_1', 'U0OWNER1')).toBe('review:rev_1:U0OWNER1');
    expect(cardKeys.exception('exc_1')).toBe('exception:exc_1');
    expect(cardKeys.decision('dec_1')).toBe('decision:dec_1');
    expect(cardKeys.riskNotice('exc_1', new Date('2026-05-01T00:00:00Z'), 'U0OWNER1')).toBe('risk-notice:exc_1:2026-05-01T00:00:00.000Z:U0OWNER1');
    expect(cardKeys.stillValidOffer('sys_1', 'U0OWNER1', '2026-04-30')).toBe('still-valid-offer:sys_1:U0OWNER1:2026-04-30');
  });

  it('spell the outbox rows as earlier releases stored them', () => {
    expect(outboxKeys.post(cardKeys.review('rev_1', 'U0OWNER1'))).toBe('post:review:rev_1:U0OWNER1');
    expect(outboxKeys.escalation({ kind: 'evidence', subjectId: 'sys_1', level: 1 }, new Date('2026-03-02T10:00:00Z'), ['evr_1', 'evr_2']))
      .toBe('escalation:evidence:sys_1:1:2026-03-02T10:00:00.000Z:evr_1,evr_2');
    expect(outboxKeys.reminder('U0OWNER1', '2026-03-02')).toBe('reminder:U0OWNER1:2026-03-02');
    expect(outboxKeys.ownerWeek('U0OWNER1', '2026-03-02')).toBe('owner-week:U0OWNER1:2026-03-02');
    expect(outboxKeys.digest('2026-W10')).toBe('digest:2026-W10');
  });

  it('builds the review post key from the same parts SQL concatenates', () => {
    const parts = keyParts.post(keyParts.review('rev_1', 'U0OWNER1'));
    expect(parts.join('')).toBe(outboxKeys.post(cardKeys.review('rev_1', 'U0OWNER1')));
  });
});
