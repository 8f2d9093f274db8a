import { describe, expect, it } from 'vitest';
import { declaredCauses, RequestDetails, requestDetailsProblems } from '../../../src/domain/request-details.js';

describe('request details', () => {
  it('parses each kind of request with its own fields', () => {
    expect(RequestDetails.parse({ kind: 'change', systemId: 'sys_1', aspects: ['scope'], description: ' New purpose ' })).toEqual({
      kind: 'change', systemId: 'sys_1', aspects: ['scope'], lifecycleStage: null, description: 'New purpose',
    });
    expect(RequestDetails.parse({ kind: 'assurance', customer: 'Initech', description: 'Questionnaire' })).toMatchObject({ systemId: null, dueOn: null });
  });

  it('needs a registered system for a change, a supplier change and an incident', () => {
    for (const kind of ['change', 'supplier', 'incident']) {
      const r = RequestDetails.safeParse({ kind, systemId: null, description: 'x', aspects: ['scope'], supplier: 'y', serious: false, awareOn: '2026-01-01' });
      expect(r.success ? [] : r.error.issues.map((i) => i.path[0])).toContain('systemId');
    }
  });

  it('asks for the new stage of a lifecycle change and the deadline of a serious incident', () => {
    expect(requestDetailsProblems({ kind: 'change', aspects: ['lifecycle'], lifecycleStage: null })).toEqual({ lifecycleStage: 'choose the new lifecycle stage' });
    expect(requestDetailsProblems({ kind: 'change', aspects: ['lifecycle'], lifecycleStage: 'retired' })).toEqual({});
    expect(requestDetailsProblems({ kind: 'incident', serious: true, severity: null })).toHaveProperty('severity');
    expect(requestDetailsProblems({ kind: 'incident', serious: false, severity: null })).toEqual({});
  });

  it('counts reported aspects as changed, except a lifecycle stage, which comes with its new value', () => {
    const change = RequestDetails.parse({ kind: 'change', systemId: 'sys_1', aspects: ['lifecycle', 'data_type', 'supplier'], lifecycleStage: 'deployed', description: 'x' });
    expect(declaredCauses(change)).toEqual(['data_type', 'supplier']);
    expect(declaredCauses(RequestDetails.parse({ kind: 'supplier', systemId: 'sys_1', supplier: 'Globex', description: 'x' }))).toEqual([]);
  });
});
