import { randomFillSync } from 'node:crypto';

/** Prefixed ids say what they are in a log line or a button value; the time part keeps them roughly sortable. */
export type IdPrefix = 'drf' | 'sys' | 'req' | 'cls' | 'clm' | 'art' | 'att' | 'dec' | 'rev' | 'exc' | 'esc' | 'obx' | 'aud' | 'std' | 'lxc' | 'sad' | 'scp' | 'soa';

const RANDOM_BYTES = 6;
// One call to the system's random source per 682 ids instead of one each: a sweep mints tens of thousands.
const pool = Buffer.alloc(RANDOM_BYTES * 682);
let offset = pool.length;

export function newId(prefix: IdPrefix): string {
  if (offset + RANDOM_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.toString('hex', offset, offset + RANDOM_BYTES);
  offset += RANDOM_BYTES;
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${random}`;
}
