import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nameKey, normalizeText, titleCaseName, unaccent } from './text.ts';

const cases: [string, string][] = [
  ['Nguyễn Thị Ánh Tuyết', 'nguyen thi anh tuyet'],
  ['ĐẶNG VĂN ĐỨC', 'dang van duc'],
  ['  Trần   Quốc-Bảo ', 'tran quoc bao'],
  ['Lê Thị Hồng Nhung\t', 'le thi hong nhung'],
];
for (const [input, want] of cases) {
  test(`normalizeText(${JSON.stringify(input)})`, () => assert.equal(normalizeText(input), want));
}

test('nameKey ignores word order and accents', () => {
  assert.equal(nameKey('Nguyễn Văn An'), nameKey('AN NGUYEN VAN'));
});

test('unaccent keeps length-independent ASCII', () => assert.equal(unaccent('Cần Thơ'), 'Can Tho'));

test('titleCaseName', () => assert.equal(titleCaseName('NGUYỄN THỊ ÁNH'), 'Nguyễn Thị Ánh'));

test('normalizeText is idempotent and never throws (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const once = normalizeText(s);
      assert.equal(normalizeText(once), once);
    }),
  );
});
