import { z } from 'zod';

/** A system id as buttons carry it; anything else names no system. */
export const SystemId = z.string().regex(/^sys_[a-z0-9]+$/, 'is not a system id');

export const GONE = 'That system no longer exists.';
