import type { Trigger } from '../../../domain/vocabulary.js';

/** What an intake is about. Only `ai_system` registers a new system; the rest attach to one. */
export const INTAKE_KINDS = ['ai_system', 'change', 'incident', 'supplier', 'assurance'] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];

export const INTAKE_KIND_LABELS: Record<IntakeKind, string> = {
  ai_system: 'A new AI system to register',
  change: 'A change to a registered AI system',
  incident: 'An incident involving an AI system',
  supplier: 'A supplier change for an AI system',
  assurance: 'A customer-assurance request',
};

export const TRIGGER_LABELS: Record<Trigger, string> = {
  new_system: 'New system or first registration',
  certification: 'ISO/IEC 42001 certification or audit',
  risk_review: 'Risk review',
  customer_assurance: 'Customer assurance',
  incident: 'Incident',
  supplier_change: 'Supplier change',
  privacy: 'Privacy or data protection',
  law: 'Law or regulation (EU AI Act)',
  framework_mapping: 'Framework mapping (NIST AI RMF)',
  material_change: 'Material change',
};
