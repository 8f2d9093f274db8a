import { describe, expect, it } from 'vitest';
import { resolutionRefusal, type ResolutionInput } from '../../../src/domain/exception-resolution.js';

const now = new Date('2026-03-02T10:00:00Z');
const admin = { isAdmin: true, isSystemOwner: false };
const owner = { isAdmin: false, isSystemOwner: true };
const stranger = { isAdmin: false, isSystemOwner: false };
const open = { status: 'open', acceptedUntil: null };
const input = (o: Partial<ResolutionInput>): ResolutionInput => ({ resolution: 'accept_risk', actor: admin, exception: open, tier: 'high', now, ...o });

describe('who may end an exception which way', () => {
  it.each([
    ['an admin accepts the risk of an open exception', input({}), null],
    ['an owner accepts a risk', input({ actor: owner }), 'FORBIDDEN'],
    ['an admin accepts the risk of a prohibited practice', input({ tier: 'prohibited' }), 'VALIDATION'],
    ['an admin accepts a risk still accepted', input({ exception: { status: 'risk_accepted', acceptedUntil: new Date('2026-04-01T00:00:00Z') } }), 'CONFLICT'],
    ['an admin accepts again a risk whose acceptance expired', input({ exception: { status: 'risk_accepted', acceptedUntil: now } }), null],
    ['the owner sets a corrective action', input({ resolution: 'corrective_action', actor: owner }), null],
    ['a stranger sets a corrective action', input({ resolution: 'corrective_action', actor: stranger }), 'FORBIDDEN'],
    ['the owner changes an agreed corrective action', input({ resolution: 'corrective_action', actor: owner, exception: { status: 'corrective_action', acceptedUntil: null } }), 'FORBIDDEN'],
    ['an admin changes an agreed corrective action', input({ resolution: 'corrective_action', exception: { status: 'corrective_action', acceptedUntil: null } }), null],
    ['anyone resolves a closed exception', input({ exception: { status: 'closed', acceptedUntil: null } }), 'CONFLICT'],
  ])('%s', (_label, given, code) => {
    expect(resolutionRefusal(given)?.code ?? null).toBe(code);
  });
});
