import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isIsoDate, parseCompactDmy, parseSlashDmy, toCompactDmy, toSlashDmy } from './dates.ts';

const compact: [string, string | null][] = [
  ['01011995', '1995-01-01'],
  ['29022024', '2024-02-29'],
  ['29022023', null],
  ['29021900', null],
  ['29022000', '2000-02-29'],
  ['31042021', null],
  ['31122021', '2021-12-31'],
  ['00012021', null],
  ['01132021', null],
  ['1011995', null],
  ['010119955', null],
  ['01-01-1995', null],
  ['', null],
];
for (const [input, want] of compact) {
  test(`parseCompactDmy(${JSON.stringify(input)}) → ${want}`, () => {
    assert.equal(parseCompactDmy(input), want);
  });
}

const slash: [string, string | null][] = [
  ['01/01/2026', '2026-01-01'],
  ['1/7/2025', '2025-07-01'],
  ['31/12/2026', '2026-12-31'],
  ['29/02/2025', null],
  ['29/02/2028', '2028-02-29'],
  ['30/02/2028', null],
  ['2026-01-01', null],
  ['01/01/26', null],
];
for (const [input, want] of slash) {
  test(`parseSlashDmy(${JSON.stringify(input)}) → ${want}`, () => {
    assert.equal(parseSlashDmy(input), want);
  });
}

const isoDates = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2399-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

test('real dates round-trip through both formats (property)', () => {
  fc.assert(
    fc.property(isoDates, (iso) => {
      assert.ok(isIsoDate(iso));
      assert.equal(parseCompactDmy(toCompactDmy(iso)), iso);
      assert.equal(parseSlashDmy(toSlashDmy(iso)), iso);
    }),
  );
});

test('random strings never throw (property)', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const a = parseCompactDmy(s);
      const b = parseSlashDmy(s);
      if (a !== null) assert.ok(isIsoDate(a));
      if (b !== null) assert.ok(isIsoDate(b));
    }),
  );
});
