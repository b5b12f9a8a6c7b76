import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import fixtures from '../data/qr-fixtures.synthetic.json' with { type: 'json' };
import { listBhytObjectGroups } from '../codes/bhyt-object-groups.ts';
import { listProvinces } from '../codes/provinces.ts';
import type { Result } from '../problem.ts';
import { cardValidity, formatBhytQr, parseBhytQr, splitBhytQr, type BhytQr } from './bhyt-qr.ts';
import { encodeHexUtf8 } from './hex-utf8.ts';

const codes = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => e.code));
const warningCodes = (r: Result<unknown>) => r.warnings.map((w) => w.code);
const RAW = fixtures.bhyt_card_qr.raw;

test('fixture: BHYT card QR parses as documented', () => {
  const r = parseBhytQr(RAW);
  assert.ok(r.ok);
  assert.deepEqual(r.warnings, []);
  const v = r.value;
  assert.equal(v.card.value, 'HS4920123456789');
  assert.equal(v.card.objectGroup, 'HS');
  assert.equal(v.card.provinceName, 'Cần Thơ');
  assert.equal(v.fullName, fixtures.bhyt_card_qr.decoded_name);
  assert.equal(v.address, fixtures.bhyt_card_qr.decoded_address);
  assert.equal(v.birthDate, '2010-01-01');
  assert.equal(v.birthDatePrecision, 'day');
  assert.equal(v.sex, 'male');
  assert.equal(v.initialFacilityCode, '92001');
  assert.equal(v.validFrom, '2026-01-01');
  assert.equal(v.validTo, '2026-12-31');
  assert.equal(v.fiveYearsFrom, '2031-01-01');
  assert.deepEqual(v.extras, [
    '15/12/2025',
    '00000000000000',
    '-',
    '4',
    '01/01/2031',
    '0000000000000000-0000',
  ]);
  assert.equal(fixtures.bhyt_card_qr.fields.length, 15);
});

const fields = RAW.split('|');
const withField = (i: number, value: string) => fields.map((f, k) => (k === i ? value : f)).join('|');

interface Case {
  name: string;
  input: string;
  errors?: string[];
  warnings?: string[];
  check?: (v: BhytQr) => void;
}
const cases: Case[] = [
  { name: 'BOM, CRLF', input: `\uFEFF${RAW}\r\n` },
  {
    name: 'missing $ terminator',
    input: RAW.slice(0, RAW.lastIndexOf('|')),
    warnings: ['BHYT_QR_TERMINATOR_MISSING'],
    check: (v) => {
      assert.equal(v.extras.length, 6);
    },
  },
  {
    name: '$ glued to the last field',
    input: RAW.replace(/\|\$$/, '$'),
    check: (v) => {
      assert.equal(v.extras.length, 6);
    },
  },
  {
    name: 'only the 8 required fields',
    input: `${fields.slice(0, 8).join('|')}|$`,
    check: (v) => {
      assert.deepEqual(v.extras, []);
      assert.equal(v.fiveYearsFrom, null);
    },
  },
  {
    name: 'upper-case hex',
    input: withField(1, fields[1]!.toUpperCase()),
    check: (v) => {
      assert.equal(v.fullName, 'Nguyễn Văn Thử');
    },
  },
  {
    name: 'upper-case card code',
    input: withField(0, 'hs4920123456789'),
    check: (v) => {
      assert.equal(v.card.value, 'HS4920123456789');
    },
  },
  {
    name: 'upper-case name is title-cased',
    input: withField(1, encodeHexUtf8('NGUYỄN VĂN THỬ')),
    check: (v) => {
      assert.equal(v.fullName, 'Nguyễn Văn Thử');
    },
  },
  {
    name: 'birth year only',
    input: withField(2, '2010'),
    check: (v) => {
      assert.equal(v.birthDate, '2010');
      assert.equal(v.birthDatePrecision, 'year');
    },
  },
  {
    name: 'female',
    input: withField(3, '2'),
    check: (v) => {
      assert.equal(v.sex, 'female');
    },
  },
  {
    name: 'MA_DKBD without spaces',
    input: withField(5, '92001'),
    check: (v) => {
      assert.equal(v.initialFacilityCode, '92001');
    },
  },
  {
    name: 'empty address',
    input: withField(4, ''),
    check: (v) => {
      assert.equal(v.address, '');
    },
  },
  {
    name: 'field 12 not a date',
    input: withField(12, '-'),
    check: (v) => {
      assert.equal(v.fiveYearsFrom, null);
    },
  },
  {
    name: 'temporary newborn card',
    input: withField(5, '01 - 000').replace('HS4920123456789', 'TE1010000012345'),
    check: (v) => {
      assert.equal(v.card.temporary, true);
      assert.equal(v.initialFacilityCode, '01000');
    },
  },
  {
    name: 'unknown object group',
    input: withField(0, 'AK4920123456789'),
    warnings: ['BHYT_CODE_OBJECT_GROUP_UNKNOWN'],
  },
  { name: 'bad hex in the name', input: withField(1, '4e6'), errors: ['BHYT_QR_NAME_HEX_INVALID'] },
  { name: 'non-hex name', input: withField(1, 'Nguyen Van Thu'), errors: ['BHYT_QR_NAME_HEX_INVALID'] },
  { name: 'invalid UTF-8 name', input: withField(1, 'c3'), errors: ['BHYT_QR_NAME_HEX_INVALID'] },
  { name: 'empty name', input: withField(1, ''), errors: ['BHYT_QR_NAME_EMPTY'] },
  { name: 'bad hex in the address', input: withField(4, 'zz'), errors: ['BHYT_QR_ADDRESS_HEX_INVALID'] },
  {
    name: '29/02 on a non-leap year',
    input: withField(2, '29/02/2011'),
    errors: ['BHYT_QR_BIRTH_DATE_INVALID'],
  },
  { name: 'sex 3', input: withField(3, '3'), errors: ['BHYT_QR_SEX_INVALID'] },
  { name: 'bad valid-from', input: withField(6, '32/01/2026'), errors: ['BHYT_QR_VALID_FROM_INVALID'] },
  { name: 'bad valid-to', input: withField(7, '31/06/2026'), errors: ['BHYT_QR_VALID_TO_INVALID'] },
  { name: 'validity reversed', input: withField(7, '31/12/2025'), warnings: ['BHYT_QR_VALIDITY_REVERSED'] },
  {
    name: 'unknown facility province',
    input: withField(5, '99 - 001'),
    errors: ['FACILITY_CODE_PROVINCE_UNKNOWN'],
  },
  { name: 'bad card code', input: withField(0, 'HS49201234'), errors: ['BHYT_CODE_LENGTH'] },
  { name: 'too few fields', input: 'HS4920123456789|4e67|01/01/2010|1|$', errors: ['BHYT_QR_FIELD_COUNT'] },
  { name: 'empty', input: '', errors: ['BHYT_QR_FIELD_COUNT'], warnings: ['BHYT_QR_TERMINATOR_MISSING'] },
];
for (const c of cases) {
  test(`parseBhytQr: ${c.name}`, () => {
    const r = parseBhytQr(c.input);
    assert.deepEqual(codes(r), c.errors ?? []);
    assert.deepEqual(warningCodes(r), c.warnings ?? []);
    if (c.check) {
      assert.ok(r.ok);
      c.check(r.value);
    }
  });
}

test('splitBhytQr', () => {
  assert.deepEqual(splitBhytQr('a|b|$'), { fields: ['a', 'b'], terminated: true });
  assert.deepEqual(splitBhytQr('a|b$'), { fields: ['a', 'b'], terminated: true });
  assert.deepEqual(splitBhytQr('a|b|'), { fields: ['a', 'b'], terminated: false });
});

const validity: [string, string][] = [
  ['2025-12-31', 'notYetValid'],
  ['2026-01-01', 'valid'],
  ['2026-06-15', 'valid'],
  ['2026-12-31', 'valid'],
  ['2027-01-01', 'expired'],
];
for (const [day, want] of validity) {
  test(`cardValidity on ${day} → ${want}`, () => {
    assert.equal(cardValidity({ validFrom: '2026-01-01', validTo: '2026-12-31' }, day), want);
  });
}

test('random strings never throw; failures carry errors (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const r = parseBhytQr(s);
      if (!r.ok) assert.ok(r.errors.length > 0);
    }),
  );
  fc.assert(
    fc.property(fc.array(fc.string(), { maxLength: 16 }), (parts) => {
      const r = parseBhytQr(parts.join('|'));
      if (!r.ok) assert.ok(r.errors.length > 0);
    }),
  );
});

const isoDate = fc
  .date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const VI = Array.from(
  'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ',
);
const word = fc
  .array(fc.constantFrom(...VI), { minLength: 2, maxLength: 7 })
  .map((l) => l.join(''))
  .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1));

test('generated valid QR payloads round-trip (property)', () => {
  fc.assert(
    fc.property(
      fc.record({
        group: fc.constantFrom(...listBhytObjectGroups().map((g) => g.code)),
        level: fc.integer({ min: 1, max: 5 }),
        province: fc.constantFrom(...listProvinces().map((p) => p.code)),
        number: fc.stringMatching(/^\d{9}[1-9]$/),
        name: fc.array(word, { minLength: 2, maxLength: 4 }).map((w) => w.join(' ')),
        birthDate: fc.oneof(
          isoDate,
          isoDate.map((d) => d.slice(0, 4)),
        ),
        sex: fc.constantFrom('male' as const, 'female' as const),
        address: fc.array(word, { maxLength: 8 }).map((w) => w.join(', ')),
        facility: fc.stringMatching(/^\d{3}$/),
        validFrom: isoDate,
        days: fc.integer({ min: 0, max: 3 * 365 }),
      }),
      (c) => {
        const code = `${c.group}${c.level}${c.province}${c.number}`;
        const validTo = new Date(Date.parse(`${c.validFrom}T00:00:00Z`) + c.days * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const text = formatBhytQr({
          cardCode: code,
          fullName: c.name,
          birthDate: c.birthDate,
          sex: c.sex,
          address: c.address,
          initialFacilityCode: `${c.province}${c.facility}`,
          validFrom: c.validFrom,
          validTo,
        });
        const r = parseBhytQr(text);
        assert.ok(r.ok, JSON.stringify(r));
        assert.deepEqual(r.warnings, []);
        assert.equal(r.value.card.value, code);
        assert.equal(r.value.fullName, c.name);
        assert.equal(r.value.birthDate, c.birthDate);
        assert.equal(r.value.sex, c.sex);
        assert.equal(r.value.address, c.address);
        assert.equal(r.value.initialFacilityCode, `${c.province}${c.facility}`);
        assert.equal(r.value.validFrom, c.validFrom);
        assert.equal(r.value.validTo, validTo);
        assert.equal(cardValidity(r.value, c.validFrom), 'valid');
        assert.equal(cardValidity(r.value, validTo), 'valid');
      },
    ),
  );
});
