import type { ModalView } from '@slack/types';
import { TRIGGERS } from '../../../domain/vocabulary.js';
import { VIEWS } from '../../ids.js';
import { input, modal, option, staticSelect, context, type Block } from '../blocks.js';
import { INTAKE_KINDS, INTAKE_KIND_LABELS, TRIGGER_LABELS } from './intake-kinds.js';

export const START_BLOCKS = { kind: 'kind', trigger: 'trigger' } as const;

/** Step 1: what is affected and why now. Built without the database: it must open within the trigger's 3 s. */
export function buildIntakeStartView(): ModalView {
  const kinds = INTAKE_KINDS.map((k) => option(INTAKE_KIND_LABELS[k], k));
  const triggers = TRIGGERS.map((t) => option(TRIGGER_LABELS[t], t));
  return modal({
    callbackId: VIEWS.intakeStart,
    title: 'aigov intake',
    submit: 'Next',
    blocks: [
      context('Step 1 of 3 · Tell us what is affected and why. The next step asks for the details.'),
      input(START_BLOCKS.kind, 'What is affected?', staticSelect('value', kinds, { initial: kinds[0]! })),
      input(START_BLOCKS.trigger, 'Why now? (the trigger of this request)', staticSelect('value', triggers, { initial: triggers[0]! }), {
        hint: 'The trigger decides the kind of work and which source leads: certification work follows ISO/IEC 42001, risk reviews the NIST AI RMF, legal duties the EU AI Act.',
      }),
    ],
  });
}
