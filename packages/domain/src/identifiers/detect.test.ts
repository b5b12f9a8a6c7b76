import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import fixtures from '../data/qr-fixtures.synthetic.json' with { type: 'json' };
import type { Result } from '../problem.ts';
import { IDENTITY_TEXT_MAX_LENGTH, parseIdentityText, type IdentityKind } from './detect.ts';

const TODAY = '2026-11-23';
const codes = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => e.code));

const recognised: [string, IdentityKind][] = [
  [fixtures.cccd_qr_chip_card_2021.raw, 'cccd'],
  [fixtures.cccd_qr_no_old_id.raw, 'cccd'],
  [`${fixtures.cccd_qr_no_old_id.raw}|extra|fields`, 'cccd'],
  [fixtures.bhyt_card_qr.raw, 'bhyt'],
  [`\uFEFF${fixtures.bhyt_card_qr.raw}\r\n`, 'bhyt'],
  ['092095001234', 'personalId'],
  ['092 095 001 234', 'personalId'],
  ['361234567', 'cmnd'],
  ['0123456789', 'bhxhNumber'],
  ['HS4920123456789', 'bhytCode'],
  ['hs 4 92 0123456789', 'bhytCode'],
  ['DN401AA31900313', 'bhytCode'],
  ['92001', 'facilityCode'],
  ['C1234567', 'passport'],
  ['b1234567', 'passport'],
];
for (const [text, kind] of recognised) {
  test(`parseIdentityText(${JSON.stringify(text.slice(0, 40))}) → ${kind}`, () => {
    const r = parseIdentityText(text, { today: TODAY });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.kind, kind);
  });
}

const rejected: [string, string[]][] = [
  ['', ['IDENTITY_TEXT_EMPTY']],
  ['   \r\n', ['IDENTITY_TEXT_EMPTY']],
  ['hello', ['IDENTITY_TEXT_UNRECOGNISED']],
  ['12345678', ['IDENTITY_TEXT_UNRECOGNISED']],
  ['1234567890123', ['IDENTITY_TEXT_UNRECOGNISED']],
  ['a|b|c', ['IDENTITY_TEXT_UNRECOGNISED']],
  ['x'.repeat(IDENTITY_TEXT_MAX_LENGTH + 1), ['IDENTITY_TEXT_TOO_LONG']],
  // The chosen parser's errors come through.
  ['003095001234', ['CCCD_BIRTH_PROVINCE_UNKNOWN']],
  ['092095001234|361234567|Nguyễn Văn Thử|29021995|Nam|Cần Thơ', ['CCCD_QR_FIELD_COUNT']],
  ['092095001234|361234567|Nguyễn Văn Thử|29021995|Nam|Cần Thơ|15042021', ['CCCD_QR_BIRTH_DATE_INVALID']],
  ['09209500123|361234567|Nguyễn Văn Thử|01011995|Nam|Cần Thơ|15042021', ['PERSONAL_ID_NOT_12_DIGITS']],
  ['HS4920123456789|zz|01/01/2010|1|53|92 - 001|01/01/2026|31/12/2026|$', ['BHYT_QR_NAME_HEX_INVALID']],
  ['HS6920123456789', ['BHYT_CODE_BENEFIT_LEVEL_INVALID']],
  ['99001', ['FACILITY_CODE_PROVINCE_UNKNOWN']],
  ['000000000', ['CMND_ALL_ZEROS']],
  ['0000000000', ['BHXH_NUMBER_ALL_ZEROS']],
];
for (const [text, errors] of rejected) {
  test(`parseIdentityText(${JSON.stringify(text.slice(0, 40))}) fails with ${errors.join(', ')}`, () => {
    assert.deepEqual(codes(parseIdentityText(text, { today: TODAY })), errors);
  });
}

test('exactly the maximum length is not "too long"', () => {
  assert.deepEqual(codes(parseIdentityText(' '.repeat(IDENTITY_TEXT_MAX_LENGTH - 12) + '092095001234')), []);
});

test('random strings never throw; failures carry errors (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 2500 }), (s) => {
      const r = parseIdentityText(s);
      if (!r.ok) assert.ok(r.errors.length > 0);
    }),
  );
});

test('generated identifiers are recognised as their kind (property)', () => {
  const gen = fc.oneof(
    fc.stringMatching(/^0(01|79|92)([01]\d\d|[23][01]\d)\d{6}$/).map((s) => [s, 'personalId'] as const),
    fc.stringMatching(/^[1-9]\d{8}$/).map((s) => [s, 'cmnd'] as const),
    fc.stringMatching(/^[1-9]\d{9}$/).map((s) => [s, 'bhxhNumber'] as const),
    fc.stringMatching(/^(DN|HS|GD|TE)[1-5](01|79|92)\d{9}[1-9]$/).map((s) => [s, 'bhytCode'] as const),
    fc.stringMatching(/^(01|79|92)\d{3}$/).map((s) => [s, 'facilityCode'] as const),
    fc.stringMatching(/^[A-Z]\d{7}$/).map((s) => [s, 'passport'] as const),
  );
  fc.assert(
    fc.property(gen, ([text, kind]) => {
      const r = parseIdentityText(text, { today: TODAY });
      assert.ok(r.ok, `${text}: ${JSON.stringify(r)}`);
      assert.equal(r.value.kind, kind);
    }),
  );
});
