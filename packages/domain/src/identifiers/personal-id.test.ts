import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { listLegacyProvinces } from '../codes/legacy-provinces.ts';
import type { Result } from '../problem.ts';
import { composePersonalId, parsePersonalId, type PersonalIdCheck } from './personal-id.ts';

const TODAY = '2026-11-23';
const codes = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => e.code));
const warningCodes = (r: Result<unknown>) => r.warnings.map((w) => w.code);

test('every legacy province birthplace code parses (all 63)', () => {
  for (const p of listLegacyProvinces()) {
    const r = parsePersonalId(`${p.cccdBirthplaceCode}095001234`, { today: TODAY });
    assert.ok(r.ok, p.name);
    assert.equal(r.value.birthRegistrationName, p.name);
    assert.equal(r.value.birthRegistrationCode, p.cccdBirthplaceCode);
    assert.equal(r.value.abroad, false);
    assert.deepEqual(r.warnings, []);
  }
});

test('every 0XX code that is not a legacy province is CCCD_BIRTH_PROVINCE_UNKNOWN', () => {
  const known = new Set(listLegacyProvinces().map((p) => p.cccdBirthplaceCode));
  let unknown = 0;
  for (let n = 0; n < 100; n++) {
    const ppp = `0${String(n).padStart(2, '0')}`;
    if (known.has(ppp)) continue;
    unknown++;
    assert.deepEqual(
      codes(parsePersonalId(`${ppp}095001234`, { today: TODAY })),
      ['CCCD_BIRTH_PROVINCE_UNKNOWN'],
      ppp,
    );
  }
  assert.equal(unknown, 37);
});

const centuries: [string, 'male' | 'female', number][] = [
  ['0', 'male', 1995],
  ['1', 'female', 1995],
  ['2', 'male', 2095],
  ['3', 'female', 2095],
  ['4', 'male', 2195],
  ['5', 'female', 2195],
  ['6', 'male', 2295],
  ['7', 'female', 2295],
  ['8', 'male', 2395],
  ['9', 'female', 2395],
];
for (const [digit, sex, year] of centuries) {
  test(`century/sex digit ${digit} → ${sex} ${year}`, () => {
    const r = parsePersonalId(`092${digit}95001234`, { today: '2400-01-01' });
    assert.ok(r.ok);
    assert.equal(r.value.sex, sex);
    assert.equal(r.value.birthYear, year);
    assert.equal(r.value.century, Math.floor(year / 100));
  });
}

interface Case {
  input: string;
  expect?: PersonalIdCheck;
  errors?: string[];
  warnings?: string[];
  value?: string;
}
const cases: Case[] = [
  { input: '092095001234', value: '092095001234' },
  { input: ' 092 0 95 001234 ', value: '092095001234' },
  { input: '092.095.001.234', value: '092095001234' },
  { input: '092-095-001234', value: '092095001234' },
  { input: '\uFEFF092095001234\r\n', value: '092095001234' },
  { input: '０９２０９５００１２３４', value: '092095001234' },
  { input: '', errors: ['PERSONAL_ID_NOT_12_DIGITS'] },
  { input: '09209500123', errors: ['PERSONAL_ID_NOT_12_DIGITS'] },
  { input: '0920950012345', errors: ['PERSONAL_ID_NOT_12_DIGITS'] },
  { input: '09209500123A', errors: ['PERSONAL_ID_NOT_12_DIGITS'] },
  { input: '003095001234', errors: ['CCCD_BIRTH_PROVINCE_UNKNOWN'] },
  { input: '000095001234', errors: ['CCCD_BIRTH_PROVINCE_UNKNOWN'] },
  { input: '092327001234', errors: ['PERSONAL_ID_BIRTH_YEAR_IN_FUTURE'] },
  { input: '092226001234', value: '092226001234' },
  { input: '003327001234', errors: ['CCCD_BIRTH_PROVINCE_UNKNOWN', 'PERSONAL_ID_BIRTH_YEAR_IN_FUTURE'] },
  { input: '101095001234', warnings: ['PERSONAL_ID_ABROAD_COUNTRY_UNVERIFIED'], value: '101095001234' },
  { input: '092095001234', expect: { birthDate: '1995-01-01', sex: 'male' }, value: '092095001234' },
  {
    input: '092095001234',
    expect: { birthDate: '1996-01-01' },
    warnings: ['PERSONAL_ID_BIRTH_YEAR_MISMATCH'],
  },
  { input: '092095001234', expect: { sex: 'female' }, warnings: ['PERSONAL_ID_SEX_MISMATCH'] },
  {
    input: '001305009999',
    expect: { birthDate: '1905-02-20', sex: 'male' },
    warnings: ['PERSONAL_ID_BIRTH_YEAR_MISMATCH', 'PERSONAL_ID_SEX_MISMATCH'],
  },
];
for (const c of cases) {
  test(`parsePersonalId(${JSON.stringify(c.input)}, ${JSON.stringify(c.expect ?? {})})`, () => {
    const r = parsePersonalId(c.input, { today: TODAY, ...c.expect });
    assert.deepEqual(codes(r), c.errors ?? []);
    assert.deepEqual(warningCodes(r), c.warnings ?? []);
    if (c.value !== undefined) {
      assert.ok(r.ok);
      assert.equal(r.value.value, c.value);
    }
    for (const p of r.ok ? r.warnings : r.errors) assert.match(p.message, /\p{L}/u);
  });
}

test('abroad: first digit not 0, no province name', () => {
  const r = parsePersonalId('704195001234', { today: TODAY });
  assert.ok(r.ok);
  assert.equal(r.value.abroad, true);
  assert.equal(r.value.birthRegistrationName, null);
  assert.equal(r.value.sex, 'female');
});

test('random strings never throw; failures carry errors (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const r = parsePersonalId(s, { today: TODAY });
      if (!r.ok) assert.ok(r.errors.length > 0);
      else assert.match(r.value.value, /^\d{12}$/);
    }),
  );
});

test('strings that are not 12 digits fail (property)', () => {
  fc.assert(
    fc.property(
      fc.string().filter((s) => s.replace(/[^0-9]/g, '').length !== 12),
      (s) => {
        assert.equal(parsePersonalId(s, { today: TODAY }).ok, false);
      },
    ),
  );
});

const provinceCodes = listLegacyProvinces().map((p) => p.cccdBirthplaceCode);
const validParts = fc.record({
  birthRegistrationCode: fc.constantFrom(...provinceCodes),
  sex: fc.constantFrom('male' as const, 'female' as const),
  birthYear: fc.integer({ min: 1900, max: 2026 }),
  serial: fc.stringMatching(/^\d{6}$/),
});

test('generated valid numbers round-trip (property)', () => {
  fc.assert(
    fc.property(validParts, (parts) => {
      const value = composePersonalId(parts)!;
      const r = parsePersonalId(value, {
        today: TODAY,
        birthDate: `${parts.birthYear}-06-15`,
        sex: parts.sex,
      });
      assert.ok(r.ok);
      assert.deepEqual(r.warnings, []);
      assert.equal(r.value.value, value);
      assert.equal(r.value.birthRegistrationCode, parts.birthRegistrationCode);
      assert.equal(r.value.sex, parts.sex);
      assert.equal(r.value.birthYear, parts.birthYear);
      assert.equal(value.slice(6), parts.serial);
    }),
  );
});
