import { describe, expect, it } from 'vitest';
import { buildEvidenceCard, type CardClaim } from '../../../../src/slack/views/evidence-card.js';
import { mrkdwnTexts } from '../../../support/message-text.js';

const claim = (id: string, status: string, over: Partial<CardClaim> = {}): CardClaim => ({
  id, source: 'iso-42001', requirementId: '6.1.4', title: 'AI system impact assessment', summary: 'An impact assessment', status, dueAt: new Date('2026-03-16T00:00:00Z'), ...over,
});

describe('buildEvidenceCard', () => {
  it('gives each open claim its four buttons and counts answered ones as progress', () => {
    const card = buildEvidenceCard({ systemId: 'sys_1', systemName: 'Ranker', ownerId: 'U1', claims: [claim('clm_a', 'requested'), claim('clm_b', 'submitted')] });
    const buttons = card.blocks.filter((b) => b.type === 'actions');
    expect(buttons.map((b) => b.block_id)).toEqual(['claim:clm_a']);
    expect((buttons[0]!.elements as { value: string }[]).map((e) => e.value)).toEqual(['clm_a', 'clm_a', 'clm_a', 'clm_a']);
    expect(card.text).toContain('1 of 2 answered');
  });

  it.each([
    ['a stale claim with evidence on record', 'stale', 'art_1', ['Submit evidence', 'Still valid', 'Reuse evidence', 'Reassign', "Can't provide"]],
    ['a stale claim without an artifact', 'stale', null, ['Submit evidence', 'Reuse evidence', 'Reassign', "Can't provide"]],
    ['a requested claim', 'requested', null, ['Submit evidence', 'Reuse evidence', 'Reassign', "Can't provide"]],
  ])('offers Still valid next to Submit only on %s', (_what, status, artifactId, expected) => {
    const card = buildEvidenceCard({ systemId: 'sys_1', systemName: 'Ranker', ownerId: 'U1', claims: [claim('clm_a', status, { artifactId })] });
    const buttons = card.blocks.find((b) => b.type === 'actions')!.elements as { text: { text: string } }[];
    expect(buttons.map((e) => e.text.text)).toEqual(expected);
  });

  it('says why a stale claim is asked for again, escaped', () => {
    const card = buildEvidenceCard({ systemId: 'sys_1', systemName: 'Ranker', ownerId: 'U1', claims: [claim('clm_a', 'stale', { staleReason: 'the supplier changed to "<!here>"' })] });
    expect(mrkdwnTexts(card.blocks).join('\n')).toContain('_Why: the supplier changed to "&lt;!here&gt;"_');
  });

  it('tells a previous owner who has each claim they handed over', () => {
    const card = buildEvidenceCard({ systemId: 'sys_1', systemName: 'Ranker', ownerId: 'U1', claims: [],
      handedOver: [{ source: 'nist-ai-rmf', requirementId: 'MAP 1.1', title: 'Context is established', ownerId: 'U2' }] });
    const text = mrkdwnTexts(card.blocks).join('\n');
    expect(text).toContain('*NIST AI RMF 1.0 MAP 1.1* — Context is established: now with <@U2>');
    expect(text).toContain('You no longer own any claims of this system');
    expect(text).not.toContain('Every claim is answered');
  });
});
