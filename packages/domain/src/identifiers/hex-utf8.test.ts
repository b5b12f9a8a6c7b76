import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeHexUtf8, encodeHexUtf8 } from './hex-utf8.ts';

const cases: [string, string | null][] = [
  ['4e677579e1bb856e2056c4836e205468e1bbad', 'Nguyễn Văn Thử'],
  ['4E677579E1BB856E', 'Nguyễn'],
  ['', ''],
  ['4e6', null],
  ['zz', null],
  ['c3', null],
  ['ff', null],
  ['4e 67', null],
];
for (const [hex, want] of cases) {
  test(`decodeHexUtf8(${JSON.stringify(hex)}) → ${JSON.stringify(want)}`, () => {
    assert.equal(decodeHexUtf8(hex), want);
  });
}

test('text round-trips through hex (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      assert.equal(decodeHexUtf8(encodeHexUtf8(s)), s);
    }),
  );
});

test('random strings never throw (property)', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void decodeHexUtf8(s)));
});
