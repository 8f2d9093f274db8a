import { REQUEST_FIELDS, type RequestKind } from '../../domain/request-details.js';
import { multiple, single, yesNo, type ViewStateValues } from './view-values.js';

/** The request form's answers for one kind, as raiseRequest takes them; it validates them (and reports by block id). */
export function readRequestDetails(values: ViewStateValues, kind: RequestKind): Record<string, unknown> {
  const f = REQUEST_FIELDS;
  const common = { kind, systemId: single(values, f.systemId), description: single(values, f.description) ?? '' };
  switch (kind) {
    case 'change': return { ...common, aspects: multiple(values, f.aspects), lifecycleStage: single(values, f.lifecycleStage) };
    case 'supplier': return { ...common, supplier: single(values, f.supplier) ?? '' };
    case 'incident': return { ...common, serious: yesNo(single(values, f.serious)), severity: single(values, f.severity), awareOn: single(values, f.awareOn) ?? undefined };
    case 'assurance': return { ...common, customer: single(values, f.customer) ?? '', dueOn: single(values, f.dueOn) };
  }
}
