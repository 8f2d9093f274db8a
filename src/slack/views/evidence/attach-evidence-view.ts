import type { ModalView } from '@slack/types';
import { ARTIFACT_KINDS, ARTIFACT_KIND_LABELS, EVIDENCE_FIELDS } from '../../../domain/evidence-artifact.js';
import { SHORT_SOURCE_LABELS } from '../../../domain/classification/wording.js';
import type { Source } from '../../../domain/vocabulary.js';
import type { AttachableClaim as OpenClaim } from '../../../app/evidence/list-attachable-claims.js';
import { VIEWS } from '../../ids.js';
import { escapeText, truncate } from '../../escape.js';
import { context, datePicker, input, modal, option, radios, section, staticSelect, textInput, type Block } from '../blocks.js';

export const ATTACH_EVIDENCE_BLOCKS = { claim: 'claim', ...EVIDENCE_FIELDS } as const;
/** A static select holds at most 100 options. */
export const MAX_ATTACHABLE_CLAIMS = 100;

const TITLE = 'Attach as evidence';
const CRITERIA = [option('Yes — the message meets them', 'yes'), option('No — it does not meet them (yet)', 'no')];

/** Shown the moment the shortcut is used, while the claims and the message link are looked up. */
export function buildAttachEvidenceLoadingView(): ModalView {
  return modal({ callbackId: VIEWS.attachEvidence, title: TITLE, close: 'Close', blocks: [section(':hourglass_flowing_sand: Finding your open evidence requests…')] });
}

/** Nothing to attach to, or no link to the message: said plainly, with no form to fill in. */
export function buildAttachEvidenceNoticeView(text: string): ModalView {
  return modal({ callbackId: VIEWS.attachEvidence, title: TITLE, close: 'Close', blocks: [section(text)] });
}

export const NO_OPEN_CLAIMS = ':white_check_mark: You have no open evidence requests, so there is nothing to attach this message to.';
export const NO_PERMALINK = 'I cannot link to this message: aigov has to be a member of the conversation it is in. Invite aigov there, or copy the message link into *Submit evidence* on your evidence card.';

const claimOption = (c: OpenClaim) => option(
  `${SHORT_SOURCE_LABELS[c.source as Source] ?? c.source} ${c.requirementId} · ${c.systemName}`, c.id, `${c.status === 'stale' ? 'Stale · ' : ''}${c.title}`,
);

/** The form: which of my open claims the message proves, and the facts every artifact carries. */
export function buildAttachEvidenceView(args: {
  claims: OpenClaim[]; permalink: string; messageText: string; messageDay: string; privateMetadata: string;
}): ModalView {
  const b = ATTACH_EVIDENCE_BLOCKS;
  const options = args.claims.slice(0, MAX_ATTACHABLE_CLAIMS).map(claimOption);
  const cut = args.claims.length > options.length ? ` You have more than ${MAX_ATTACHABLE_CLAIMS}: these are the ${options.length} due first.` : '';
  return modal({
    callbackId: VIEWS.attachEvidence,
    title: TITLE,
    submit: 'Attach',
    privateMetadata: args.privateMetadata,
    blocks: [
      section(`The link to this message becomes the artifact: ${escapeText(args.permalink)}`),
      ...(args.messageText ? [context(`> ${escapeText(truncate(args.messageText.replace(/\s+/g, ' '), 300))}`)] : []),
      input(b.claim, 'Evidence for which claim?', staticSelect('value', options, options.length === 1 ? { initial: options[0]! } : {}), {
        hint: `Your open evidence requests, earliest due first.${cut}`,
      }),
      input(b.kind, 'Artifact type', staticSelect('value', ARTIFACT_KINDS.map((k) => option(ARTIFACT_KIND_LABELS[k], k)))),
      input(b.description, 'What does it show?', textInput('value', { multiline: true, maxLength: 2000, initial: truncate(args.messageText, 2000) || null })),
      input(b.evidenceDate, 'Effective date', datePicker('value', args.messageDay), { hint: 'The day the message was posted, unless the activity it records took place on another day; not the day you attach it.' }),
      input(b.periodFrom, 'Period covered: from', datePicker('value', args.messageDay)),
      input(b.periodTo, 'Period covered: to', datePicker('value'), { hint: 'The evidence is stale once this period ends, and is asked for again.' }),
      input(b.criteriaMet, 'Are the acceptance criteria met?', radios('value', CRITERIA)),
    ],
  });
}
