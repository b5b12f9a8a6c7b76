import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { communesOfProvince, findCommune, listCommunes } from './communes.ts';
import { districtsOfLegacyProvince, findLegacyDistrict, listLegacyDistricts } from './legacy-districts.ts';
import {
  findLegacyProvince,
  findLegacyProvinceByBirthplaceCode,
  listLegacyProvinces,
} from './legacy-provinces.ts';
import { matchProvinceCode } from './province-match.ts';
import { findProvince, listProvinces } from './provinces.ts';
import { isValidOn, normaliseNumericCode } from './validity.ts';

test('list sizes match the sources', () => {
  assert.equal(listProvinces().length, 34);
  assert.equal(listLegacyProvinces().length, 63);
  assert.equal(listLegacyDistricts().length, 696);
  assert.equal(listCommunes().length, 3321);
});

test('Cần Thơ is province 92 in both maps; 91 changed meaning', () => {
  assert.equal(findProvince('92')?.name, 'Cần Thơ');
  assert.equal(findLegacyProvince('92')?.name, 'Cần Thơ');
  assert.equal(findProvince('91')?.name, 'An Giang');
  assert.equal(findLegacyProvince('91')?.name, 'Kiên Giang');
  assert.equal(findProvince('93'), undefined, 'Hậu Giang merged into Cần Thơ');
  assert.equal(findLegacyProvince('93')?.name, 'Hậu Giang');
});

test('validity: 2026 map from 2025-07-01, legacy map to 2025-06-30', () => {
  for (const p of listProvinces()) {
    assert.equal(p.validFrom, '2025-07-01');
    assert.equal(p.validTo, null);
  }
  for (const p of listLegacyProvinces()) assert.equal(p.validTo, '2025-06-30');
  for (const d of listLegacyDistricts()) assert.equal(d.validTo, '2025-06-30');
  const canTho = findProvince('92')!;
  assert.equal(isValidOn(canTho, '2025-06-30'), false);
  assert.equal(isValidOn(canTho, '2025-07-01'), true);
  assert.equal(isValidOn(findLegacyProvince('93')!, '2025-06-30'), true);
  assert.equal(isValidOn(findLegacyProvince('93')!, '2025-07-01'), false);
});

test('every commune belongs to a 2026 province and counts agree', () => {
  let total = 0;
  for (const p of listProvinces()) {
    const communes = communesOfProvince(p.code);
    assert.equal(communes.length, p.communeCount, p.name);
    for (const c of communes) assert.equal(c.provinceCode, p.code);
    total += communes.length;
  }
  assert.equal(total, 3321);
  assert.deepEqual(communesOfProvince('93'), []);
  assert.deepEqual(communesOfProvince('xx'), []);
});

test('every legacy district belongs to a legacy province and counts agree', () => {
  for (const p of listLegacyProvinces()) {
    assert.equal(districtsOfLegacyProvince(p.code).length, p.districtCount, p.name);
  }
});

test('birthplace code = "0" + legacy code for all 63 provinces', () => {
  for (const p of listLegacyProvinces()) {
    assert.equal(p.cccdBirthplaceCode, `0${p.code}`);
    assert.equal(findLegacyProvinceByBirthplaceCode(p.cccdBirthplaceCode), p);
  }
});

const lookups: [string, () => unknown, unknown][] = [
  ['findCommune 31135', () => findCommune('31135')?.name, 'Ninh Kiều'],
  ['findCommune padded', () => findCommune('4')?.code, '00004'],
  ['findCommune unknown', () => findCommune('99999'), undefined],
  ['findCommune junk', () => findCommune('abc'), undefined],
  ['findLegacyDistrict 916', () => findLegacyDistrict('916')?.name, 'Ninh Kiều'],
  ['findLegacyDistrict 1', () => findLegacyDistrict('1')?.name, 'Ba Đình'],
  ['findProvince "092"', () => findProvince('092')?.code, '92'],
  ['findProvince " 1 "', () => findProvince(' 1 ')?.name, 'Hà Nội'],
  ['findProvince "100"', () => findProvince('100'), undefined],
  ['findProvince ""', () => findProvince(''), undefined],
  ['matchProvinceCode 91', () => matchProvinceCode('91'), { code: '91', name: 'An Giang', era: '2026' }],
  ['matchProvinceCode 93', () => matchProvinceCode('93'), { code: '93', name: 'Hậu Giang', era: 'legacy' }],
  ['matchProvinceCode 91 @2024', () => matchProvinceCode('91', '2024-01-01')?.name, 'Kiên Giang'],
  ['matchProvinceCode 93 @2026', () => matchProvinceCode('93', '2026-01-01'), undefined],
  ['matchProvinceCode 99', () => matchProvinceCode('99'), undefined],
  ['normalise "0092"', () => normaliseNumericCode('0092', 2), null],
  ['normalise "192"', () => normaliseNumericCode('192', 2), null],
];
for (const [name, run, want] of lookups)
  test(name, () => {
    assert.deepEqual(run(), want);
  });

test('lookups never throw on random input (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      findProvince(s);
      findLegacyProvince(s);
      findCommune(s);
      findLegacyDistrict(s);
      communesOfProvince(s);
      matchProvinceCode(s);
    }),
  );
});

test('every commune code round-trips through findCommune (property)', () => {
  const all = listCommunes();
  fc.assert(
    fc.property(fc.integer({ min: 0, max: all.length - 1 }), (i) => {
      const c = all[i]!;
      assert.equal(findCommune(c.code), c);
      assert.ok(findProvince(c.provinceCode));
    }),
  );
});
