import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { listLegacyProvinces } from '../codes/legacy-provinces.ts';
import { listProvinces } from '../codes/provinces.ts';
import type { Result } from '../problem.ts';
import { parseFacilityCode } from './facility-code.ts';

const codes = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => e.code));

const cases: [string, string[], Record<string, unknown> | null][] = [
  ['92001', [], { value: '92001', provinceCode: '92', provinceName: 'Cần Thơ', legacyProvince: false }],
  ['92 - 001', [], { value: '92001' }],
  ['79048', [], { provinceName: 'Hồ Chí Minh' }],
  ['01000', [], { provincePlaceholder: true }],
  ['93001', [], { provinceName: 'Hậu Giang', legacyProvince: true }],
  ['99001', ['FACILITY_CODE_PROVINCE_UNKNOWN'], null],
  ['00001', ['FACILITY_CODE_PROVINCE_UNKNOWN'], null],
  ['9200', ['FACILITY_CODE_FORMAT'], null],
  ['920011', ['FACILITY_CODE_FORMAT'], null],
  ['A2001', ['FACILITY_CODE_FORMAT'], null],
  ['', ['FACILITY_CODE_FORMAT'], null],
];
for (const [input, errors, want] of cases) {
  test(`parseFacilityCode(${JSON.stringify(input)})`, () => {
    const r = parseFacilityCode(input);
    assert.deepEqual(codes(r), errors);
    if (want) {
      assert.ok(r.ok);
      for (const [k, v] of Object.entries(want))
        assert.deepEqual((r.value as unknown as Record<string, unknown>)[k], v, k);
    }
  });
}

test('letters in the last 3 characters: accepted with a warning', () => {
  const r = parseFacilityCode('92a01');
  assert.ok(r.ok);
  assert.equal(r.value.value, '92A01');
  assert.deepEqual(
    r.warnings.map((w) => w.code),
    ['FACILITY_CODE_LETTERS'],
  );
});

test('random strings never throw; failures carry errors (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const r = parseFacilityCode(s);
      if (!r.ok) assert.ok(r.errors.length > 0);
    }),
  );
});

test('generated codes round-trip (property)', () => {
  const provinces = [...listProvinces(), ...listLegacyProvinces()].map((p) => p.code);
  fc.assert(
    fc.property(fc.constantFrom(...provinces), fc.stringMatching(/^\d{3}$/), (p, n) => {
      const r = parseFacilityCode(`${p} - ${n}`);
      assert.ok(r.ok);
      assert.equal(r.value.value, p + n);
      assert.equal(r.value.provinceCode, p);
    }),
  );
});
