import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Result } from '../problem.ts';
import { parseCmnd } from './cmnd.ts';
import { parsePassport } from './passport.ts';

const codes = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => e.code));

const cmndCases: [string, string[], string | null][] = [
  ['361234567', [], 'cmnd9'],
  ['361 234 567', [], 'cmnd9'],
  ['361.234.567', [], 'cmnd9'],
  ['092095001234', [], 'personalId12'],
  ['000000000', ['CMND_ALL_ZEROS'], null],
  ['36123456', ['CMND_NOT_9_OR_12_DIGITS'], null],
  ['3612345678', ['CMND_NOT_9_OR_12_DIGITS'], null],
  ['36123456A', ['CMND_NOT_9_OR_12_DIGITS'], null],
  ['003095001234', ['CCCD_BIRTH_PROVINCE_UNKNOWN'], null],
];
for (const [input, errors, format] of cmndCases) {
  test(`parseCmnd(${JSON.stringify(input)})`, () => {
    const r = parseCmnd(input);
    assert.deepEqual(codes(r), errors);
    if (format !== null) {
      assert.ok(r.ok);
      assert.equal(r.value.format, format);
      assert.equal(r.value.personalId === null, format === 'cmnd9');
    }
  });
}

const passportCases: [string, string | null][] = [
  ['C1234567', 'C1234567'],
  ['c1234567', 'C1234567'],
  ['C 123 4567', 'C1234567'],
  ['CC123456', null],
  ['C123456', null],
  ['12345678', null],
];
for (const [input, want] of passportCases) {
  test(`parsePassport(${JSON.stringify(input)}) → ${want}`, () => {
    const r = parsePassport(input);
    assert.equal(r.ok ? r.value.value : null, want);
    if (!r.ok) assert.deepEqual(codes(r), ['PASSPORT_FORMAT']);
  });
}

test('random strings never throw; failures carry errors (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      for (const r of [parseCmnd(s), parsePassport(s)]) if (!r.ok) assert.ok(r.errors.length > 0);
    }),
  );
});

test('generated 9-digit CMND and passports round-trip (property)', () => {
  fc.assert(
    fc.property(
      fc.stringMatching(/^\d{9}$/).filter((s) => !/^0+$/.test(s)),
      (s) => {
        const r = parseCmnd(s);
        assert.ok(r.ok);
        assert.equal(r.value.value, s);
      },
    ),
  );
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Z]\d{7}$/), (s) => {
      const r = parsePassport(s.toLowerCase());
      assert.ok(r.ok);
      assert.equal(r.value.value, s);
    }),
  );
});
