import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  composeFullName,
  drawPersonalNames,
  GIVEN_NAMES,
  HOA_FAMILY_NAMES,
  KHMER_FAMILY_NAMES,
  KHMER_GIVEN_NAMES,
  KINH_FAMILY_NAMES,
  MIDDLE_NAMES,
  NEW_GIVEN_NAMES,
  OLD_GIVEN_NAMES,
} from './names.ts';
import { streamKey } from './prng.ts';
import type { WeightedTable } from './weighted.ts';
import { typoWord } from './typos.ts';

const tables: WeightedTable<string>[] = [
  KINH_FAMILY_NAMES,
  HOA_FAMILY_NAMES,
  KHMER_FAMILY_NAMES,
  ...MIDDLE_NAMES.male,
  ...MIDDLE_NAMES.female,
  GIVEN_NAMES.male,
  GIVEN_NAMES.female,
  OLD_GIVEN_NAMES.male,
  OLD_GIVEN_NAMES.female,
  NEW_GIVEN_NAMES.male,
  NEW_GIVEN_NAMES.female,
  KHMER_GIVEN_NAMES.male,
  KHMER_GIVEN_NAMES.female,
];

test('every name in the tables is NFC, capitalised, without stray spaces', () => {
  for (const t of tables) {
    for (const name of t.items) {
      assert.equal(name, name.normalize('NFC'), name);
      assert.match(name, /^\p{Lu}\p{Ll}*( \p{Lu}\p{Ll}*)*$/u, name);
    }
  }
});

test('family-name shares: Nguyễn ≈ 38 %, then Trần and Lê; Huỳnh/Võ more common than Hoàng/Vũ', () => {
  const share = (n: string): number => KINH_FAMILY_NAMES.share((x) => x === n);
  assert.ok(share('Nguyễn') > 0.35 && share('Nguyễn') < 0.41, String(share('Nguyễn')));
  assert.ok(share('Trần') > share('Lê') && share('Lê') > share('Phạm'));
  assert.ok(share('Huỳnh') > share('Hoàng') && share('Võ') > share('Vũ'));
});

test('drawn names: "Văn"/"Thị" common for older people, rarer for the young (property: NFC, 1–3 middle names)', () => {
  const thi = (year: number): number => {
    let n = 0;
    for (let i = 0; i < 4000; i++) {
      if (drawPersonalNames(streamKey(1, `n${year}`).at(i), 'female', year, 'kinh').middle.includes('Thị'))
        n++;
    }
    return n / 4000;
  };
  assert.ok(thi(1950) > 0.75);
  assert.ok(thi(2015) < 0.3);
  fc.assert(
    fc.property(
      fc.nat(1e6),
      fc.constantFrom('male' as const, 'female' as const),
      fc.integer({ min: 1927, max: 2026 }),
      fc.constantFrom('kinh' as const, 'khmer' as const, 'hoa' as const),
      (i, sex, year, style) => {
        const names = drawPersonalNames(streamKey(2, 'p').at(i), sex, year, style, 'Trần');
        const full = composeFullName('Lê', names);
        assert.equal(full, full.normalize('NFC'));
        assert.ok(names.middle.length <= 3);
        assert.ok(!names.middle.includes(names.given));
      },
    ),
  );
});

test('typoWord changes a word slightly and keeps NFC (property)', () => {
  fc.assert(
    fc.property(
      fc.nat(1e6),
      fc.constantFrom('Nguyễn', 'Thị', 'Hương', 'Đức', 'Trâm', 'An', 'Khang'),
      (i, w) => {
        const t = typoWord(streamKey(3, 't').at(i), w);
        assert.equal(t, t.normalize('NFC'));
        assert.ok(Math.abs(Array.from(t).length - Array.from(w).length) <= 1);
      },
    ),
  );
  assert.equal(typoWord(streamKey(3, 't').at(0), 'A'), 'A');
});
