import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import fixtures from '../data/qr-fixtures.synthetic.json' with { type: 'json' };
import { listLegacyProvinces } from '../codes/legacy-provinces.ts';
import type { Result } from '../problem.ts';
import { formatCccdQr, parseCccdQr, type CccdQrInput } from './cccd-qr.ts';
import { toCompactDmy } from './dates.ts';
import { composePersonalId } from './personal-id.ts';

const TODAY = '2026-11-23';
const opts = { today: TODAY };
const codes = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => e.code));
const warningCodes = (r: Result<unknown>) => r.warnings.map((w) => w.code);

test('fixture: chip CCCD 2021 parses as documented', () => {
  const r = parseCccdQr(fixtures.cccd_qr_chip_card_2021.raw, opts);
  assert.ok(r.ok);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.value.personalId.value, '092095001234');
  assert.equal(r.value.personalId.birthRegistrationName, 'Cần Thơ');
  assert.equal(r.value.personalId.birthYear, 1995);
  assert.equal(r.value.oldIdNumber, '361234567');
  assert.equal(r.value.fullName, 'Nguyễn Văn Thử');
  assert.equal(r.value.birthDate, '1995-01-01');
  assert.equal(r.value.sex, 'male');
  assert.equal(r.value.address, 'Số 1 đường Thử Nghiệm, Phường Ninh Kiều, Thành phố Cần Thơ');
  assert.equal(r.value.issueDate, '2021-04-15');
  assert.deepEqual(r.value.extras, []);
  assert.equal(r.value.card, 'cccd');
});

test('fixture: no old ID, female born 2005, issued 2024 (Căn cước)', () => {
  const r = parseCccdQr(fixtures.cccd_qr_no_old_id.raw, opts);
  assert.ok(r.ok);
  assert.equal(r.value.oldIdNumber, null);
  assert.equal(r.value.personalId.sex, 'female');
  assert.equal(r.value.personalId.birthYear, 2005);
  assert.equal(r.value.personalId.birthRegistrationName, 'Hà Nội');
  assert.equal(r.value.fullName, 'Trần Thị Mẫu');
  assert.equal(r.value.birthDate, '2005-02-20');
  assert.equal(r.value.issueDate, '2024-07-10');
  assert.equal(r.value.card, 'cancuoc');
});

test('fixture: number examples decode as documented', () => {
  for (const [number, note] of Object.entries(fixtures.cccd_number_examples)) {
    const r = parseCccdQr(`${number}||A|01012000|Nam|x|01012024`, opts);
    assert.equal(r.ok, true, note);
  }
});

const BASE = '092095001234|361234567|Nguyễn Văn Thử|01011995|Nam|Cần Thơ|15042021';
interface Case {
  name: string;
  input: string;
  errors?: string[];
  warnings?: string[];
  check?: (v: Extract<ReturnType<typeof parseCccdQr>, { ok: true }>['value']) => void;
}
const cases: Case[] = [
  {
    name: 'BOM and CRLF',
    input: `\uFEFF${BASE}\r\n`,
    check: (v) => {
      assert.equal(v.issueDate, '2021-04-15');
    },
  },
  {
    name: 'stray spaces around fields',
    input: ' 092095001234 | 361234567 |  NGUYỄN   VĂN THỬ |01011995| nam |  Cần   Thơ | 15042021 ',
    check: (v) => {
      assert.equal(v.fullName, 'Nguyễn Văn Thử');
      assert.equal(v.address, 'Cần Thơ');
      assert.equal(v.sex, 'male');
    },
  },
  {
    name: 'lower-case name',
    input: BASE.replace('Nguyễn Văn Thử', 'nguyễn văn thử'),
    check: (v) => {
      assert.equal(v.fullName, 'Nguyễn Văn Thử');
    },
  },
  {
    name: 'NFD name is composed',
    input: BASE.replace('Nguyễn Văn Thử', 'Nguyễn Văn Thử'.normalize('NFD')),
    check: (v) => {
      assert.equal(v.fullName, 'Nguyễn Văn Thử');
    },
  },
  {
    name: '"NU" without accent',
    input: '001305009999||Trần Thị Mẫu|20022005|NU|Hà Nội|10072024',
    check: (v) => {
      assert.equal(v.sex, 'female');
    },
  },
  {
    name: '"NỮ" upper case',
    input: '001305009999||Trần Thị Mẫu|20022005|NỮ|Hà Nội|10072024',
    check: (v) => {
      assert.equal(v.sex, 'female');
    },
  },
  {
    name: 'extra trailing fields kept (Căn cước)',
    input: `${BASE}|092095009999|Nguyễn Văn Cha|Trần Thị Mẹ|`,
    check: (v) => {
      assert.deepEqual(v.extras, ['092095009999', 'Nguyễn Văn Cha', 'Trần Thị Mẹ']);
      assert.equal(v.card, 'cancuoc');
    },
  },
  {
    name: 'trailing pipe only',
    input: `${BASE}|`,
    check: (v) => {
      assert.equal(v.card, 'cccd');
    },
  },
  {
    name: 'old ID with spaces',
    input: BASE.replace('361234567', '361 234 567'),
    check: (v) => {
      assert.equal(v.oldIdNumber, '361234567');
    },
  },
  {
    name: 'odd old ID is a warning',
    input: BASE.replace('361234567', '36123'),
    warnings: ['CCCD_QR_OLD_ID_FORMAT'],
  },
  {
    name: '6 fields',
    input: '092095001234|Nguyễn Văn Thử|01011995|Nam|Cần Thơ|15042021',
    errors: ['CCCD_QR_FIELD_COUNT'],
  },
  { name: 'empty', input: '', errors: ['CCCD_QR_FIELD_COUNT'] },
  {
    name: '29/02 on a non-leap year',
    input: BASE.replace('01011995', '29021995'),
    errors: ['CCCD_QR_BIRTH_DATE_INVALID'],
  },
  { name: '29/02 on a leap year', input: BASE.replace('01011995', '29021996').replace('092095', '092096') },
  { name: '31/04', input: BASE.replace('15042021', '31042021'), errors: ['CCCD_QR_ISSUE_DATE_INVALID'] },
  {
    name: 'ISO birth date',
    input: BASE.replace('01011995', '1995-01-01'),
    errors: ['CCCD_QR_BIRTH_DATE_INVALID'],
  },
  { name: 'month 13', input: BASE.replace('01011995', '01131995'), errors: ['CCCD_QR_BIRTH_DATE_INVALID'] },
  { name: 'unknown sex word', input: BASE.replace('|Nam|', '|M|'), errors: ['CCCD_QR_SEX_INVALID'] },
  { name: 'empty name', input: BASE.replace('Nguyễn Văn Thử', ' '), errors: ['CCCD_QR_NAME_EMPTY'] },
  {
    name: 'bad personal ID',
    input: BASE.replace('092095001234', '09209500123'),
    errors: ['PERSONAL_ID_NOT_12_DIGITS'],
  },
  {
    name: 'unknown birth province',
    input: BASE.replace('092095001234', '003095001234'),
    errors: ['CCCD_BIRTH_PROVINCE_UNKNOWN'],
  },
  {
    name: 'ID says 1995, QR says 1996',
    input: BASE.replace('01011995', '01011996'),
    warnings: ['PERSONAL_ID_BIRTH_YEAR_MISMATCH'],
  },
  {
    name: 'ID says male, QR says Nữ',
    input: BASE.replace('|Nam|', '|Nữ|'),
    warnings: ['PERSONAL_ID_SEX_MISMATCH'],
  },
  {
    name: 'birth date in the future',
    input: BASE.replace('01011995', '01122026').replace('092095', '092226'),
    errors: ['CCCD_QR_BIRTH_DATE_IN_FUTURE'],
    warnings: ['CCCD_QR_ISSUED_BEFORE_BIRTH'],
  },
  {
    name: 'issued before birth',
    input: BASE.replace('15042021', '15041990'),
    warnings: ['CCCD_QR_ISSUED_BEFORE_BIRTH'],
  },
  {
    name: 'issued in the future',
    input: BASE.replace('15042021', '15042027'),
    warnings: ['CCCD_QR_ISSUE_DATE_IN_FUTURE'],
  },
  {
    name: 'several errors at once',
    input: 'abc||  |32131995|X||xx',
    errors: [
      'CCCD_QR_BIRTH_DATE_INVALID',
      'CCCD_QR_ISSUE_DATE_INVALID',
      'CCCD_QR_SEX_INVALID',
      'CCCD_QR_NAME_EMPTY',
      'PERSONAL_ID_NOT_12_DIGITS',
    ],
  },
];
for (const c of cases) {
  test(`parseCccdQr: ${c.name}`, () => {
    const r = parseCccdQr(c.input, opts);
    assert.deepEqual(codes(r), c.errors ?? []);
    assert.deepEqual(warningCodes(r), c.warnings ?? []);
    if (c.check) {
      assert.ok(r.ok);
      c.check(r.value);
    }
  });
}

test('random strings never throw; failures carry errors (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const r = parseCccdQr(s, opts);
      if (!r.ok) assert.ok(r.errors.length > 0);
    }),
  );
  fc.assert(
    fc.property(fc.array(fc.string(), { minLength: 0, maxLength: 12 }), (parts) => {
      const r = parseCccdQr(parts.join('|'), opts);
      if (!r.ok) assert.ok(r.errors.length > 0);
    }),
  );
});

const VI_LETTERS = Array.from(
  'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ',
);
const word = fc
  .array(fc.constantFrom(...VI_LETTERS), { minLength: 2, maxLength: 8 })
  .map((l) => l.join(''))
  .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1));
const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const card = fc
  .record({
    province: fc.constantFrom(...listLegacyProvinces().map((p) => p.cccdBirthplaceCode)),
    sex: fc.constantFrom('male' as const, 'female' as const),
    birthDate: isoDate('1900-01-01', '2020-12-31'),
    serial: fc.stringMatching(/^\d{6}$/),
    oldIdNumber: fc.option(fc.stringMatching(/^\d{9}$/), { nil: null }),
    name: fc.array(word, { minLength: 2, maxLength: 4 }).map((w) => w.join(' ')),
    address: fc.stringMatching(/^[^|\s][^|\r\n]{0,60}[^|\s]$/).map((a) => a.replace(/\s+/g, ' ')),
    issueDate: isoDate('2021-01-01', '2026-11-23'),
    extras: fc.array(fc.stringMatching(/^[^|\s]{1,12}$/), { maxLength: 4 }),
  })
  .filter((c) => c.issueDate >= c.birthDate);

test('generated valid cards round-trip (property)', () => {
  fc.assert(
    fc.property(card, (c) => {
      const input: CccdQrInput = {
        personalId: composePersonalId({
          birthRegistrationCode: c.province,
          sex: c.sex,
          birthYear: Number(c.birthDate.slice(0, 4)),
          serial: c.serial,
        })!,
        oldIdNumber: c.oldIdNumber,
        fullName: c.name,
        birthDate: c.birthDate,
        sex: c.sex,
        address: c.address.normalize('NFKC'),
        issueDate: c.issueDate,
        extras: c.extras,
      };
      const text = formatCccdQr(input);
      assert.ok(text.includes(toCompactDmy(c.birthDate)));
      const r = parseCccdQr(text, opts);
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(r.warnings, []);
      assert.equal(r.value.personalId.value, input.personalId);
      assert.equal(r.value.oldIdNumber, c.oldIdNumber);
      assert.equal(r.value.fullName, c.name);
      assert.equal(r.value.birthDate, c.birthDate);
      assert.equal(r.value.sex, c.sex);
      assert.equal(r.value.address, input.address);
      assert.equal(r.value.issueDate, c.issueDate);
      assert.deepEqual(r.value.extras, c.extras);
      // Upper-case QR text (some scanners) gives the same name and sex.
      const upper = parseCccdQr(text.toLocaleUpperCase('vi'), opts);
      assert.ok(upper.ok);
      assert.equal(upper.value.fullName, c.name);
      assert.equal(upper.value.sex, c.sex);
    }),
  );
});
