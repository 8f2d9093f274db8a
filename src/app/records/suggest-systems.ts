import { z } from 'zod';
import { findSystemsNamedLike } from '../../db/repos/systems.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../errors.js';

// Slack shows at most 100 options in a menu.
export const MAX_SUGGESTIONS = 100;

export const SuggestSystemsInput = z.object({ typed: z.string().transform((s) => s.trim().slice(0, 100)) });
export type SuggestSystemsInput = z.input<typeof SuggestSystemsInput>;

/** The "Which registered AI system?" menu: systems whose name contains what was typed, by name. Anyone may search. */
export async function suggestSystems({ ctx, input }: { ctx: ServiceContext; input: SuggestSystemsInput }): Promise<{ id: string; name: string }[]> {
  const { typed } = parseInput(SuggestSystemsInput, input);
  return findSystemsNamedLike(ctx.db, typed, MAX_SUGGESTIONS);
}
