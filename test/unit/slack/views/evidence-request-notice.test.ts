import { describe, expect, it } from 'vitest';
import { buildEvidenceRequestNotice } from '../../../../src/slack/render/evidence/evidence-request-notice.js';
import { mrkdwnTexts } from '../../../support/message-text.js';

const notice = {
  systemId: 'sys_1', systemName: '<!channel> & friends', source: 'iso-42001', requirementId: 'A.6.2.4', title: 'AI system verification <and> validation',
  dueDate: '2027-01-31', requesterId: 'U0REQUEST',
};

describe('the evidence request notice', () => {
  it('names who asks, the system, the requirement with its source and the due date, escaping what people typed', () => {
    const { text, blocks } = buildEvidenceRequestNotice(notice);
    const shown = mrkdwnTexts(blocks).join('\n');

    expect(shown).toContain('<@U0REQUEST> asks you for evidence for *&lt;!channel&gt; &amp; friends* (`sys_1`) by *2027-01-31*');
    expect(shown).toContain('ISO/IEC 42001:2023 A.6.2.4* — AI system verification &lt;and&gt; validation');
    expect(text).toBe('Evidence requested for &lt;!channel&gt; &amp; friends: A.6.2.4, due 2027-01-31');
    expect(shown).not.toContain('<!channel>');
  });

  it('says a Workflow Builder step asks when the workflow names no person', () => {
    const shown = mrkdwnTexts(buildEvidenceRequestNotice({ ...notice, requesterId: 'workflow' }).blocks).join('\n');

    expect(shown).toContain('A Workflow Builder step asks you for evidence');
    expect(shown).not.toContain('<@workflow>');
  });
});
