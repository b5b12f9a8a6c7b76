import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessEligibility, parseBhytCode } from '@suckhoe/domain';
import { validateTable } from '@suckhoe/domain/xml130/index';
import { defaultClinics } from './clinics.ts';
import { buildXml0, emitXml0 } from './xml0.ts';

const clinic = defaultClinics('provincial_hospital')[0]!;
const code = parseBhytCode('DN4929200000222');
assert.ok(code.ok);
const eligibility = assessEligibility({
  card: { code: code.value, validFrom: '2026-01-01', validTo: '2026-12-31', initialFacilityCode: '92003' },
  visitDate: '2026-11-23',
  facility: { code: '92003', provinceCode: '92', level: 'provincial_hospital' },
  visit: { kind: 'outpatient', hasReferral: false },
});
const base = {
  maLk: '5ada872a-54f0-4792-9bda-a6d4ccf296f2',
  personId: 'e9be0c06-b23e-4cb4-948d-61814bdd83bb',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  birthDate: '1990-05-17',
  sex: 'female' as const,
  documentNumber: '092190012345',
  card: {
    code: 'DN4929200000222',
    initialFacilityCode: '92003',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
  },
  eligibility,
  visitKind: 'outpatient' as const,
  facilityCode: '92003',
  clinic,
  checkedInAt: new Date('2026-11-23T00:32:00Z'), // 07:32 in Vietnam
};

test('a BHYT check-in: every XML0 field in its canonical form, no validation error', () => {
  const { record } = buildXml0(base);
  assert.equal(record.NGAY_SINH, '199005170000');
  assert.equal(record.GIOI_TINH, '2');
  assert.equal(record.GT_THE_TU, '20260101');
  assert.equal(record.GT_THE_DEN, '20261231');
  assert.equal(record.NGAY_VAO, '202611230732');
  assert.equal(record.NGAY_YL, '202611230732');
  assert.equal(record.MA_DOITUONG_KCB, '1.1', 'registered facility');
  assert.equal(record.MA_DICH_VU, '02.03');
  assert.equal(record.MA_LOAI_KCB, '01');
  assert.deepEqual(validateTable('XML0', [record]).errors, []);
  const xml = emitXml0([record, { ...record, MA_LK: 'second' }]);
  assert.match(xml, /<STT>1<\/STT>[\s\S]*<STT>2<\/STT>/);
  assert.match(xml, /<CHUKYDONVI><\/CHUKYDONVI>\n<\/CHI_TIEU_TRANG_THAI_KCB>$/);
});

test('self-pay: no card fields, MA_DOITUONG_KCB 9; year-only birth date; undeclared service code warned', () => {
  const k03 = defaultClinics('provincial_hospital').find((c) => c.code === 'K03')!;
  const { record, warnings } = buildXml0({
    ...base,
    card: null,
    eligibility: null,
    birthDate: '1958',
    clinic: k03,
  });
  assert.equal(record.MA_THE_BHYT, '');
  assert.equal(record.MA_DOITUONG_KCB, '9');
  assert.equal(record.NGAY_SINH, '195800000000');
  assert.equal(record.MA_DICH_VU, '');
  assert.deepEqual(
    warnings.map((w) => w.code),
    ['XML0_SERVICE_CODE_MISSING'],
  );
});
