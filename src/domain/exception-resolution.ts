import { riskAcceptanceRefusal } from './risk-acceptance.js';

export type Resolution = 'accept_risk' | 'corrective_action';

export interface ResolutionInput {
  resolution: Resolution;
  actor: { isAdmin: boolean; isSystemOwner: boolean };
  exception: { status: string; acceptedUntil: Date | null };
  tier: string;
  now: Date;
}

export type ResolutionRefusal = { code: 'FORBIDDEN' | 'CONFLICT' | 'VALIDATION'; message: string };

/**
 * Who may end an exception which way, from which state. Risk acceptance is the forum's (an admin's), never
 * for a prohibited practice, and an acceptance still running is extended rather than accepted again. A
 * corrective action is the system owner's or an admin's; once agreed, only an admin changes it.
 */
export function resolutionRefusal(input: ResolutionInput): ResolutionRefusal | null {
  const { exception: e, actor } = input;
  if (e.status === 'closed') return { code: 'CONFLICT', message: 'This exception is closed; nothing was changed.' };
  if (input.resolution === 'accept_risk') {
    if (!actor.isAdmin) return { code: 'FORBIDDEN', message: 'Only governance admins can accept a risk.' };
    const prohibited = riskAcceptanceRefusal(input.tier);
    if (prohibited) return { code: 'VALIDATION', message: prohibited };
    const running = e.status === 'risk_accepted' && (e.acceptedUntil === null || e.acceptedUntil.getTime() > input.now.getTime());
    if (running) return { code: 'CONFLICT', message: 'The risk is already accepted; use Extend to move its expiry date.' };
    return null;
  }
  if (!actor.isAdmin && !actor.isSystemOwner) return { code: 'FORBIDDEN', message: 'Only the system owner or a governance admin can set a corrective action.' };
  if (e.status === 'corrective_action' && !actor.isAdmin) return { code: 'FORBIDDEN', message: 'A corrective action is already agreed; only a governance admin can change it.' };
  return null;
}
