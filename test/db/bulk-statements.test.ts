import { describe, expect, it, test } from '../support/fixtures.js';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { insertMany } from '../../src/db/insert-many.js';
import { inList, textArrayLiteral } from '../../src/db/in-list.js';
import { escalationCards, escalations, ownerReminders, userProfiles } from '../../src/db/schema/index.js';

// The bulk helpers carry values as JSON and array literals rather than as bound parameters: what goes in
// must come out unchanged, whatever the text holds.
const awkward = ['plain', 'with "quotes"', 'back\\slash', 'comma, and {braces}', "it's", 'NULL', '', ' spaced ', 'ünïcødé ✓', '<!channel>'];

describe('bulk statements', () => {
  let database: Database;
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; });

  it('insertMany stores text, numbers, instants, text arrays and jsonb exactly as given', async () => {
    const since = new Date('2026-03-04T05:06:07.089Z');
    const rows = awkward.map((text, i) => ({
      key: `card:${i}:${text}`, systemId: `sys_${i}`, level: i, since, itemRefs: [text, `x:${i}`], items: { text, nested: [i, null, { deep: text }] },
      createdAt: since, updatedAt: since,
    }));
    await insertMany(database.db, escalationCards, rows);
    const back = await database.db.select().from(escalationCards).orderBy(asc(escalationCards.level));
    expect(back.map((r) => ({ key: r.key, systemId: r.systemId, level: r.level, since: r.since, itemRefs: r.itemRefs, items: r.items, createdAt: r.createdAt, updatedAt: r.updatedAt })))
      .toEqual(rows);
  });

  it('skips rows that collide on the named key and returns only the rows it inserted', async () => {
    const row = (id: string, cycleKey: string) => ({ id, itemKind: 'evidence', itemId: 'clm_1', systemId: 'sys_1', level: 1, cycleKey, outcome: 'posted', createdAt: new Date() });
    const first = await insertMany(database.db, escalations, [row('esc_a', 'c1'), row('esc_b', 'c2')], { onConflictDoNothing: ['itemKind', 'itemId', 'level', 'cycleKey'], returning: ['id', 'level'] });
    expect(first.sort((a, b) => a.id.localeCompare(b.id))).toEqual([{ id: 'esc_a', level: 1 }, { id: 'esc_b', level: 1 }]);
    const second = await insertMany(database.db, escalations, [row('esc_c', 'c1'), row('esc_d', 'c3')], { onConflictDoNothing: ['itemKind', 'itemId', 'level', 'cycleKey'], returning: ['id'] });
    expect(second).toEqual([{ id: 'esc_d' }]);
    // A collision on another unique key than the one named still fails, as it should.
    await expect(insertMany(database.db, escalations, [row('esc_d', 'c9')], { onConflictDoNothing: ['itemKind', 'itemId', 'level', 'cycleKey'] })).rejects.toThrow();
  });

  it('lets columns no row names take their database default, and refuses rows that name different columns', async () => {
    await insertMany(database.db, ownerReminders, [{ ownerId: 'U1', day: '2026-01-05', kind: 'overdue' }]);
    const [stored] = await database.db.select().from(ownerReminders).where(eq(ownerReminders.ownerId, 'U1'));
    expect(stored!.createdAt).toBeInstanceOf(Date);
    await expect(insertMany(database.db, ownerReminders, [{ ownerId: 'U2', day: '2026-01-05', kind: 'overdue' }, { ownerId: 'U3', day: '2026-01-05', kind: 'overdue', createdAt: new Date() }]))
      .rejects.toThrow(/same columns/);
    expect(await database.db.select().from(ownerReminders).where(inList(ownerReminders.ownerId, ['U2', 'U3']))).toEqual([]);
  });

  it('sends thousands of rows in pipelined chunks and keeps every one', async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => ({ userId: `U${String(i).padStart(5, '0')}`, tz: 'Europe/Berlin', fetchedAt: new Date() }));
    expect(await insertMany(database.db, userProfiles, rows, { returning: ['userId'] })).toHaveLength(4_500);
    const [{ n }] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(userProfiles)) as [{ n: number }];
    expect(n).toBe(4_500);
  });

  it('fails as a whole when an early chunk fails, and leaves nothing behind in its transaction', async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(userProfiles);
    // The first chunk repeats a user id already stored; two more chunks follow it.
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ userId: i === 10 ? 'U00000' : `F${i}`, tz: 'UTC', fetchedAt: new Date() }));
    await expect(database.db.transaction((tx) => insertMany(tx, userProfiles, rows))).rejects.toThrow();
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(userProfiles)).toEqual(before);
  });

  it('inList matches every awkward value exactly and nothing else', async () => {
    await database.db.insert(userProfiles).values(awkward.map((userId) => ({ userId: `A:${userId}`, tz: 'UTC', fetchedAt: new Date() })));
    const wanted = awkward.slice(1, 7).map((v) => `A:${v}`);
    const found = await database.db.select({ userId: userProfiles.userId }).from(userProfiles).where(inList(userProfiles.userId, [...wanted, 'A:absent']));
    expect(found.map((f) => f.userId).sort()).toEqual([...wanted].sort());
    expect(await database.db.select().from(userProfiles).where(inList(userProfiles.userId, []))).toEqual([]);
  });

  it('writes a PostgreSQL array literal that quotes every element', () => {
    expect(textArrayLiteral(['a', 'b"c', 'd\\e', 'f,g'])).toBe('{"a","b\\"c","d\\\\e","f,g"}');
  });
});
