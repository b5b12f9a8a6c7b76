import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  RULES,
  parseEnvelope,
  toEpisode,
  validateHoso,
  validateTable,
  type Finding,
  type Hoso,
  type TableRecord,
} from './index.ts';
import { SAMPLE_FILES, readSample } from './test-support.ts';

const base = (): Hoso => {
  const r = parseEnvelope(readSample(SAMPLE_FILES.followUp));
  assert.ok(r.ok);
  return r.value.hoso[0]!;
};

const withXml1 = (h: Hoso, patch: Partial<Record<string, string>>): Hoso => ({
  tables: { ...h.tables, XML1: [{ ...h.tables.XML1![0]!, ...patch }] },
});

const find = (findings: readonly Finding[], rule: string, field?: string) =>
  findings.find((f) => f.rule === rule && (field === undefined || f.field === field));

test('field rules: required, size, integer, decimal, dates, birth date with 0000, code lists, patterns', () => {
  const r = validateTable('XML1', [
    {
      MA_LK: '',
      HO_TEN: 'x'.repeat(256),
      GIOI_TINH: '4',
      SO_NGAY_DTRI: '1.5',
      T_THUOC: '12,5',
      CAN_NANG: '54.123',
      NGAY_VAO: '202602301200',
      NGAY_RA: '20260224',
      GT_THE_TU: '20260101;20261399',
      NGAY_SINH: '199000000000',
      MA_LOAI_KCB: '3',
      MA_DOITUONG_KCB: '9.9',
      MA_BENH_KT: 'J18.9;hello',
      SO_CCCD: '12345',
      THANG_QT: '13',
    },
  ]);
  const all = [...r.errors, ...r.warnings];
  assert.ok(find(all, 'FIELD_REQUIRED', 'MA_LK'));
  assert.ok(find(all, 'FIELD_TOO_LONG', 'HO_TEN'));
  assert.ok(find(all, 'CODE_NOT_IN_LIST', 'GIOI_TINH'));
  assert.ok(find(all, 'NOT_AN_INTEGER', 'SO_NGAY_DTRI'));
  assert.ok(find(all, 'NOT_A_DECIMAL', 'T_THUOC'));
  assert.ok(find(all, 'TOO_MANY_DECIMALS', 'CAN_NANG'));
  assert.ok(find(all, 'INVALID_DATETIME', 'NGAY_VAO'));
  assert.ok(find(all, 'INVALID_DATETIME', 'NGAY_RA'));
  assert.equal(find(all, 'INVALID_DATE', 'GT_THE_TU')?.details?.['value'], '20261399');
  assert.equal(
    find(all, 'INVALID_BIRTH_DATE', 'NGAY_SINH'),
    undefined,
    'unknown day+month (0000) is allowed',
  );
  assert.ok(find(all, 'PATTERN_MISMATCH', 'MA_LOAI_KCB'));
  assert.ok(find(all, 'CODE_NOT_IN_CATALOGUE', 'MA_DOITUONG_KCB'));
  assert.equal(find(all, 'CODE_NOT_IN_CATALOGUE', 'MA_DOITUONG_KCB')?.severity, 'warning');
  assert.equal(find(all, 'PATTERN_WARNING', 'MA_BENH_KT')?.details?.['value'], 'hello');
  assert.ok(find(all, 'PATTERN_WARNING', 'SO_CCCD'));
  assert.ok(find(all, 'PATTERN_MISMATCH', 'THANG_QT'));
  for (const f of all) {
    assert.ok(f.message.length > 0 && !f.message.includes('{'), f.message);
    assert.equal(f.table, 'XML1');
  }
});

test('conditional requirements (C) and implementation expectations', () => {
  const r = validateTable('XML3', [
    { MA_LK: '1', MA_NHOM: '12', MA_XANG_DAU: '' },
    { MA_LK: '1', MA_NHOM: '1', NGUOI_THUC_HIEN: '', MA_MAY: '' },
    { MA_LK: '1', MA_DICH_VU: '', MA_VAT_TU: '' },
  ]);
  const xd = find(r.errors, 'FIELD_REQUIRED_IF', 'MA_XANG_DAU');
  assert.ok(xd);
  assert.match(xd.message, /MA_NHOM là 12/);
  assert.equal(find(r.errors, 'FIELD_REQUIRED_IF', 'NGUOI_THUC_HIEN')?.record, 1);
  assert.equal(find(r.warnings, 'FIELD_EXPECTED_IF', 'MA_MAY')?.severity, 'warning');
  assert.ok(find(r.errors, 'FIELD_REQUIRED_IF', 'MA_DICH_VU'));
  const xml7 = validateTable('XML7', [{ MA_DINH_CHI_THAI: '1', SO_NGAY_NGHI: '0', NGOAITRU_TUNGAY: '' }]);
  assert.ok(find(xml7.errors, 'FIELD_REQUIRED_IF', 'NGUYENNHAN_DINHCHI'));
  assert.equal(
    find(xml7.errors, 'FIELD_REQUIRED_IF', 'NGOAITRU_TUNGAY'),
    undefined,
    'SO_NGAY_NGHI 0 = no rest',
  );
});

test('NGAY_RA before NGAY_VAO and other time orders', () => {
  const r = validateHoso(withXml1(base(), { NGAY_RA: '202602240700' }));
  const order = find(r.errors, 'DATE_ORDER', 'NGAY_RA');
  assert.ok(order);
  assert.equal(order.table, 'XML1');
  assert.equal(order.details?.['other'], 'NGAY_VAO');
  const h = base();
  const xml3 = h.tables.XML3!.map((row, i) => (i === 0 ? { ...row, NGAY_TH_YL: '202602240000' } : row));
  assert.ok(find(validateHoso({ tables: { ...h.tables, XML3: xml3 } }).errors, 'DATE_ORDER', 'NGAY_TH_YL'));
});

test('table presence: XML8 only for MA_LOAI_KCB 03/04/06, XML13 only for MA_LOAI_RV 2/5', () => {
  const h = base();
  const xml8 = { MA_LK: 'LK-SAMPLE-01' } as unknown as TableRecord<'XML8'>;
  const r = validateHoso({ tables: { ...h.tables, XML8: [xml8] } });
  const presence = find(r.errors, 'PRESENCE_XML8');
  assert.ok(presence);
  assert.equal(presence.table, 'XML8');
  assert.equal(presence.code, 'TABLE_NOT_ALLOWED');
  const inpatient = validateHoso(withXml1({ tables: { ...h.tables, XML8: [xml8] } }, { MA_LOAI_KCB: '03' }));
  assert.equal(find(inpatient.errors, 'PRESENCE_XML8'), undefined);
  const xml13 = { MA_LK: 'LK-SAMPLE-01' } as unknown as TableRecord<'XML13'>;
  assert.ok(find(validateHoso({ tables: { ...h.tables, XML13: [xml13] } }).errors, 'PRESENCE_XML13'));
  assert.ok(find(validateHoso(withXml1(h, { MA_LOAI_RV: '2' })).warnings, 'EXPECTED_XML13'));
});

test('totals: within 0.01 passes (sample03 has a 0.01 rounding difference), beyond fails', () => {
  const h = base();
  assert.equal(h.tables.XML1![0]!.T_THUOC, '137632.90');
  assert.equal(find(validateHoso(h).errors, 'TOTAL_T_THUOC'), undefined);
  const off = find(validateHoso(withXml1(h, { T_THUOC: '137632.92' })).errors, 'TOTAL_T_THUOC');
  assert.ok(off);
  assert.ok(off.details);
  assert.equal(off.details['computed'], '137632.89');
  assert.equal(off.details['difference'], '0.03');
  const noXml2 = validateHoso({ tables: { ...h.tables, XML2: undefined } });
  assert.ok(find(noXml2.errors, 'TOTAL_T_THUOC'));
});

test('SO_NGAY_DTRI, XML1 count, MA_LK and sameness with XML1', () => {
  const h = base();
  assert.ok(find(validateHoso(withXml1(h, { SO_NGAY_DTRI: '1' })).errors, 'SO_NGAY_DTRI_MISMATCH'));
  const inpatient = withXml1(h, {
    MA_LOAI_KCB: '03',
    NGAY_VAO: '202602200800',
    NGAY_RA: '202602241143',
    SO_NGAY_DTRI: '4',
  });
  const days = find(validateHoso(inpatient).errors, 'SO_NGAY_DTRI_MISMATCH');
  assert.equal(days?.details?.['computed'], 5);
  assert.ok(find(validateHoso({ tables: { XML2: h.tables.XML2 } }).errors, 'XML1_MISSING'));
  assert.ok(
    find(
      validateHoso({ tables: { ...h.tables, XML1: [h.tables.XML1![0]!, h.tables.XML1![0]!] } }).errors,
      'XML1_MULTIPLE',
    ),
  );
  const xml14 = h.tables.XML14!.map((r) => ({ ...r, HO_TEN: 'KHAC', NGAY_SINH: '197401020000' }));
  const same = validateHoso({ tables: { ...h.tables, XML14: xml14 } });
  assert.ok(find(same.errors, 'DIFFERS_FROM_XML1', 'NGAY_SINH'));
  assert.equal(find(same.errors, 'DIFFERS_FROM_XML1', 'HO_TEN'), undefined, 'XML14.HO_TEN has no such check');
});

test('facility: XML1.MA_CSKCB against the envelope MACSKCB and the sender', () => {
  const h = base();
  assert.ok(find(validateHoso(h, { macskcb: '79048' }).errors, 'MACSKCB_MISMATCH', 'MA_CSKCB'));
  assert.ok(
    find(validateHoso(h, { senderFacility: '79048' }).errors, 'SENDER_FACILITY_MISMATCH', 'MA_CSKCB'),
  );
  assert.equal(
    validateHoso(h, { senderFacility: '94170', macskcb: '94170' }).errors.filter((e) =>
      e.rule.includes('MACSKCB'),
    ).length,
    0,
  );
});

test('every finding carries a catalogued rule with its code, severity and Vietnamese message', () => {
  const r = parseEnvelope(readSample(SAMPLE_FILES.negative));
  assert.ok(r.value);
  const report = validateHoso(r.value.hoso[0]!);
  for (const f of [...r.warnings, ...report.errors, ...report.warnings]) {
    const rule = RULES[f.rule as keyof typeof RULES];
    assert.ok(rule, f.rule);
    assert.equal(f.code, rule.code);
    assert.equal(f.severity, rule.severity);
  }
});

test('toEpisode fails cleanly without XML1', () => {
  const r = toEpisode({ tables: {} });
  assert.ok(!r.ok);
  assert.equal(r.errors[0]?.code, 'XML1_MISSING');
});
