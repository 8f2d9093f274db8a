import type { ModalView } from '@slack/types';
import { CLAIMABLE_CO_EXEMPTIONS } from '../../domain/classification/colorado-exemptions.js';
import { VIEWS } from '../ids.js';
import { escapeText } from '../escape.js';
import { context, input, modal, option, section, staticSelect, textInput, type Block } from './blocks.js';

export const EXEMPTION_BLOCKS = { exemption: 'exemption', justification: 'justification' } as const;

const OPTIONS = CLAIMABLE_CO_EXEMPTIONS.map((x) => option(x.name, x.id, x.ref));

/** The owner's claim of a Colorado SB 26-189 exemption: which one, and the facts that make it apply. */
export function buildExemptionClaimModal(a: { systemId: string; systemName: string }): ModalView {
  return modal({
    callbackId: VIEWS.exemptionClaim,
    title: 'Claim an exemption',
    submit: 'Send to forum',
    privateMetadata: JSON.stringify({ systemId: a.systemId }),
    blocks: [
      section(`*${escapeText(a.systemName)}* — Colorado SB 26-189 (ADMT Act)`),
      context('The governance forum approves or rejects the claim. Until it is approved, every duty stays and nothing is exempt.'),
      input(EXEMPTION_BLOCKS.exemption, 'Exemption', staticSelect('value', OPTIONS)),
      input(EXEMPTION_BLOCKS.justification, 'Justification', textInput('value', { multiline: true, maxLength: 2000 }), {
        hint: 'The facts that make it apply (e.g. the HIPAA covered entity, the FDA clearance, the insurance licence), which an approver can check.',
      }),
    ],
  });
}
