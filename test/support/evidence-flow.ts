import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { aiSystems, evidenceClaims } from '../../src/db/schema/index.js';
import type { StoredView } from './fake-slack.js';
import type { MessageLike } from './slack-payloads.js';
import type { TestApp } from './test-app.js';
import { registerThroughModal, type SystemAnswers } from './intake-flow.js';
import { datepickerValue, plainTextValue, radioButtonsValue, staticSelectValue, type ViewStateValues } from './view-state.js';

export const today = () => new Date().toISOString().slice(0, 10);
export const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Registers a system through the modal, delivers its messages and returns it with its claims. */
export async function registeredSystem(app: TestApp, user: string, answers: SystemAnswers) {
  await registerThroughModal(app, user, answers);
  await app.deliver();
  const [system] = await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, answers.name));
  expect(system).toBeDefined();
  const claims = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, system!.id));
  const claim = (source: string, requirementId: string) => {
    const found = claims.find((c) => c.source === source && c.requirementId === requirementId);
    if (!found) throw new Error(`no claim ${source} ${requirementId}`);
    return found;
  };
  return { system: system!, claims, claim };
}

/** The owner's evidence card for a system as it stands in Slack now (after any chat.update). */
export function ownerCard(app: TestApp, ownerId: string, systemId: string): MessageLike {
  const post = app.fake.dmsTo(ownerId).find((c) => JSON.stringify(c.args.blocks ?? []).includes(`(\`${systemId}\`)`));
  if (!post?.response) throw new Error(`no evidence card for ${ownerId} on ${systemId}`);
  const stored = app.fake.message(String(post.response.channel), String(post.response.ts));
  return { channel: stored!.channel, ts: stored!.ts, text: stored!.text, blocks: stored!.blocks };
}

/** Clicks a claim's button on a card; the button value (the claim id) is what Slack would send. */
export async function clickClaim(app: TestApp, user: string, card: MessageLike, actionId: string, claimId: string) {
  const mark = app.fake.mark();
  const res = await app.slack.blockActions({ user, actionId, message: card, value: claimId, blockId: `claim:${claimId}` });
  expect(res.status).toBe(200);
  return { res, mark };
}

/** The modal views.open showed after `mark`. */
export async function openedView(app: TestApp, mark: number): Promise<StoredView> {
  const call = await app.fake.waitFor(() => app.fake.since(mark, 'views.open').find((c) => c.ok), 3000);
  return call.response!.view as StoredView;
}

export interface EvidenceAnswers {
  links?: string;
  kind?: string;
  description?: string;
  evidenceDate?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  criteriaMet?: 'yes' | 'no' | null;
  criteria?: string | null;
}

/** view_submission values for the Submit evidence modal. */
export function evidenceValues(a: EvidenceAnswers = {}): ViewStateValues {
  return {
    links: { value: plainTextValue(a.links ?? 'https://wiki.example.com/ai/applicant-ranker/risk-assessment') },
    kind: { value: staticSelectValue(a.kind ?? 'document') },
    description: { value: plainTextValue(a.description ?? 'Signed risk assessment for the applicant ranker.') },
    evidence_date: { value: datepickerValue(a.evidenceDate === undefined ? today() : a.evidenceDate) },
    period_from: { value: datepickerValue(a.periodFrom === undefined ? daysFromToday(-90) : a.periodFrom) },
    period_to: { value: datepickerValue(a.periodTo === undefined ? daysFromToday(275) : a.periodTo) },
    criteria_met: { value: radioButtonsValue(a.criteriaMet === undefined ? 'yes' : a.criteriaMet) },
    acceptance_criteria: { value: plainTextValue(a.criteria ?? null) },
  };
}
