import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { listBhytObjectGroups } from '../codes/bhyt-object-groups.ts';
import { listLegacyProvinces } from '../codes/legacy-provinces.ts';
import { listProvinces } from '../codes/provinces.ts';
import type { Result } from '../problem.ts';
import { parseBhytCode, type BhytCode } from './bhyt-code.ts';

const codes = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => e.code));
const warningCodes = (r: Result<unknown>) => r.warnings.map((w) => w.code);

interface Case {
  input: string;
  context?: { initialFacilityCode?: string };
  errors?: string[];
  warnings?: string[];
  want?: Partial<BhytCode>;
}
const cases: Case[] = [
  {
    input: 'HS4920123456789',
    want: {
      kind: 'cardCode',
      value: 'HS4920123456789',
      objectGroup: 'HS',
      objectGroupLabel: 'Học sinh',
      benefitLevel: 4,
      fundPaysPercent: 80,
      provinceCode: '92',
      provinceName: 'Cần Thơ',
      bhxhNumber: '0123456789',
      legacyFormat: false,
      temporary: false,
    },
  },
  { input: 'hs4920123456789', want: { value: 'HS4920123456789' } },
  { input: 'HS 4 92 0123456789', want: { value: 'HS4920123456789' } },
  { input: 'HS-4-92-0123456789', want: { value: 'HS4920123456789' } },
  { input: ' HS4920123456789\n', want: { value: 'HS4920123456789' } },
  { input: 'CC1010123456789', want: { benefitLevel: 1, fundPaysPercent: 100 } },
  { input: 'HT3790123456789', want: { benefitLevel: 3, fundPaysPercent: 95 } },
  { input: 'QN5970123456789', warnings: ['BHYT_CODE_PROVINCE_UNKNOWN'], want: { provinceName: null } },
  { input: 'DN4930123456789', want: { provinceName: 'Hậu Giang' } },
  {
    input: 'AK4920123456789',
    warnings: ['BHYT_CODE_OBJECT_GROUP_UNKNOWN'],
    want: { objectGroup: 'AK', objectGroupLabel: null },
  },
  {
    input: 'DN401AA31900313',
    warnings: ['BHYT_CODE_LEGACY_FORMAT'],
    want: { legacyFormat: true, bhxhNumber: null, provinceName: 'Hà Nội' },
  },
  {
    input: '0123456789',
    want: { kind: 'bhxhNumber', bhxhNumber: '0123456789', objectGroup: null, benefitLevel: null },
  },
  { input: '01234 56789', want: { kind: 'bhxhNumber', value: '0123456789' } },
  {
    input: 'TE1010000012345',
    want: { maybeTemporary: true, temporary: false, temporaryFacilityCode: '01000' },
  },
  {
    input: 'TE1010000012345',
    context: { initialFacilityCode: '01 - 000' },
    want: { maybeTemporary: true, temporary: true, temporaryFacilityCode: '01000' },
  },
  {
    input: 'TE1920123456789',
    context: { initialFacilityCode: '92001' },
    want: { maybeTemporary: true, temporary: false },
  },
  { input: 'TE2920123456789', want: { maybeTemporary: false, temporaryFacilityCode: null } },
  { input: '0000000000', errors: ['BHXH_NUMBER_ALL_ZEROS'] },
  { input: 'HS4920000000000', errors: ['BHXH_NUMBER_ALL_ZEROS'] },
  { input: '', errors: ['BHYT_CODE_LENGTH'] },
  { input: 'HS492012345678', errors: ['BHYT_CODE_LENGTH'] },
  { input: 'HS49201234567890', errors: ['BHYT_CODE_LENGTH'] },
  { input: '123456789', errors: ['BHYT_CODE_LENGTH'] },
  { input: '1S4920123456789', errors: ['BHYT_CODE_OBJECT_GROUP_INVALID'] },
  { input: 'HS6920123456789', errors: ['BHYT_CODE_BENEFIT_LEVEL_INVALID'] },
  { input: 'HS0920123456789', errors: ['BHYT_CODE_BENEFIT_LEVEL_INVALID'] },
  { input: 'HSX920123456789', errors: ['BHYT_CODE_BENEFIT_LEVEL_INVALID'] },
  { input: 'HS4A20123456789', errors: ['BHYT_CODE_PROVINCE_INVALID'] },
  { input: 'HS49201234567$9', errors: ['BHYT_CODE_BHXH_NUMBER_INVALID'] },
  {
    input: '124AB0123456789',
    errors: ['BHYT_CODE_OBJECT_GROUP_INVALID', 'BHYT_CODE_PROVINCE_INVALID'],
  },
];
for (const c of cases) {
  test(`parseBhytCode(${JSON.stringify(c.input)}${c.context ? `, ${JSON.stringify(c.context)}` : ''})`, () => {
    const r = parseBhytCode(c.input, c.context);
    assert.deepEqual(codes(r), c.errors ?? []);
    assert.deepEqual(warningCodes(r), c.warnings ?? []);
    if (c.want) {
      assert.ok(r.ok);
      for (const [k, v] of Object.entries(c.want)) assert.deepEqual(r.value[k as keyof BhytCode], v, k);
    }
  });
}

test('every known object group × every level parses without warnings', () => {
  for (const g of listBhytObjectGroups()) {
    for (const level of [1, 2, 3, 4, 5]) {
      const r = parseBhytCode(`${g.code}${level}920123456789`);
      assert.ok(r.ok, g.code);
      assert.deepEqual(r.warnings, [], g.code);
      assert.equal(r.value.objectGroupLabel, g.label);
    }
  }
});

test('every 2026 and legacy province code is known', () => {
  for (const p of [...listProvinces(), ...listLegacyProvinces()]) {
    const r = parseBhytCode(`GD4${p.code}0123456789`);
    assert.ok(r.ok);
    assert.deepEqual(r.warnings, [], p.code);
  }
});

test('random strings never throw; failures carry errors (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const r = parseBhytCode(s);
      if (!r.ok) assert.ok(r.errors.length > 0);
    }),
  );
});

const provinceCodes = [...new Set([...listProvinces(), ...listLegacyProvinces()].map((p) => p.code))];
test('generated valid codes round-trip (property)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...listBhytObjectGroups().map((g) => g.code)),
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom(...provinceCodes),
      fc.stringMatching(/^\d{10}$/).filter((s) => !/^0+$/.test(s)),
      fc.boolean(),
      (group, level, province, number, lower) => {
        const code = `${group}${level}${province}${number}`;
        const r = parseBhytCode(lower ? `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}` : code);
        assert.ok(r.ok);
        assert.deepEqual(r.warnings, []);
        assert.equal(r.value.value, code);
        assert.equal(r.value.objectGroup, group);
        assert.equal(r.value.benefitLevel, level);
        assert.equal(r.value.provinceCode, province);
        assert.equal(r.value.bhxhNumber, number);
        assert.notEqual(r.value.provinceName, null);
      },
    ),
  );
});
