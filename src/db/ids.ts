import { randomBytes } from 'node:crypto';

/** Prefixed ids say what they are in a log line or a button value; the time part keeps them roughly sortable. */
export type IdPrefix = 'drf' | 'sys' | 'req' | 'cls' | 'clm' | 'art' | 'dec' | 'rev' | 'exc' | 'esc' | 'obx' | 'aud' | 'std';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}
