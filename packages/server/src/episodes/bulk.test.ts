/** The two bulk writers store exactly the same rows, whatever the text holds. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines, openTestDb, type TestDb } from '../testing/engines.ts';
import { bulkInsert, type Column } from './bulk.ts';
import { copyRows } from './copy.ts';

const COLUMNS: readonly Column[] = [
  { name: 'k', type: 'integer' },
  { name: 't', type: 'text' },
  { name: 'n', type: 'numeric' },
  { name: 'at', type: 'timestamptz' },
  { name: 'd', type: 'date' },
  { name: 'b', type: 'boolean' },
  { name: 'j', type: 'json' },
  { name: 'jb', type: 'jsonb' },
  { name: 'a', type: 'text[]' },
  { name: 'ds', type: 'date[]' },
];

const NASTY = [
  'tab\there',
  'new\nline\r\nwindows',
  'back\\slash \\N \\t',
  'quote " and \' and {braces}, commas',
  'Nguyễn Thị Ánh 😀',
  '',
  '\\',
];

const rows = (offset: number): unknown[][] =>
  NASTY.map((s, i) => [
    offset + i,
    s,
    i === 0 ? null : 1234.567 * i,
    i === 1 ? null : '2026-03-20T15:30:00+07:00',
    '2026-03-20',
    i % 2 === 0,
    JSON.stringify({ s, n: i }),
    JSON.stringify({ s }),
    [s, 'x,y', 'NULL', ''],
    i === 2 ? [] : ['2026-01-01', '2026-12-31'],
  ]);

for (const engine of engines()) {
  describe(`bulk writers [${engine}]`, () => {
    let t: TestDb;
    before(async () => {
      t = await openTestDb(engine);
      await t.db.exec(
        'CREATE TABLE bulk_t (k int PRIMARY KEY, t text, n numeric, at timestamptz, d date, b boolean, j json, jb jsonb, a text[], ds date[])',
      );
    });
    after(async () => {
      await t.dispose();
    });

    test('multi-row INSERT and COPY store identical rows', async () => {
      await t.db.transaction((tx) => bulkInsert(tx, 'bulk_t', COLUMNS, rows(0)));
      if (engine === 'postgres') await t.db.transaction((tx) => copyRows(tx, 'bulk_t', COLUMNS, rows(100)));
      const read = async (from: number): Promise<Record<string, unknown>[]> =>
        (
          await t.db.query<Record<string, unknown>>(
            `SELECT k - $1 AS k, t, n, at, d::text AS d, b, j::text AS j, jb, a, ds::text[] AS ds FROM bulk_t WHERE k >= $1 AND k < $1 + 100 ORDER BY k`,
            [from],
          )
        ).map((r) => ({ ...r, at: r.at === null ? null : new Date(r.at as string).toISOString() }));
      const inserted = await read(0);
      assert.equal(inserted.length, NASTY.length);
      assert.deepEqual(
        inserted.map((r) => r.t),
        NASTY,
      );
      assert.deepEqual(inserted[0]!.a, [NASTY[0], 'x,y', 'NULL', '']);
      if (engine === 'postgres') assert.deepEqual(await read(100), inserted);
    });
  });
}
