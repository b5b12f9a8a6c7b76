import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import {
  AMENDMENTS,
  BASE_TABLES,
  CODE_LISTS,
  DEFAULT_AMENDMENTS,
  PATTERNS,
  REGISTRY,
  RULES,
  SOURCES,
  TABLE_IDS,
  buildRegistry,
  parseTable,
  validateTable,
  type Amendment,
  type Condition,
  type TableId,
} from './index.ts';
import { SAMPLES } from './test-support.ts';

/** Element names per table, exactly as in xml130.md §3 (note CHITIEU_ vs CHI_TIEU_). */
const ELEMENTS: Record<TableId, [root: string, list?: string, record?: string]> = {
  XML0: ['CHI_TIEU_TRANG_THAI_KCB', 'DSACH_TRANG_THAI_KCB', 'TRANG_THAI_KCB'],
  XML1: ['TONG_HOP'],
  XML2: ['CHITIEU_CHITIET_THUOC', 'DSACH_CHI_TIET_THUOC', 'CHI_TIET_THUOC'],
  XML3: ['CHITIEU_CHITIET_DVKT_VTYT', 'DSACH_CHI_TIET_DVKT', 'CHI_TIET_DVKT'],
  XML4: ['CHITIEU_CHITIET_DICHVUCANLAMSANG', 'DSACH_CHI_TIET_CLS', 'CHI_TIET_CLS'],
  XML5: ['CHITIEU_CHITIET_DIENBIENLAMSANG', 'DSACH_CHI_TIET_DIEN_BIEN_BENH', 'CHI_TIET_DIEN_BIEN_BENH'],
  XML6: [
    'CHI_TIEU_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS',
    'DSACH_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS',
    'HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS',
  ],
  XML7: ['CHI_TIEU_DU_LIEU_GIAY_RA_VIEN'],
  XML8: ['CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN'],
  XML9: ['CHI_TIEU_DU_LIEU_GIAY_CHUNG_SINH', 'DSACH_GIAYCHUNGSINH', 'DU_LIEU_GIAY_CHUNG_SINH'],
  XML10: ['CHI_TIEU_DU_LIEU_GIAY_NGHI_DUONG_THAI'],
  XML11: ['CHI_TIEU_DU_LIEU_GIAY_CHUNG_NHAN_NGHI_VIEC_HUONG_BAO_HIEM_XA_HOI'],
  XML12: ['CHI_TIEU_GIAM_DINH_YKHOA', 'DSACH_GIAM_DINH_YKHOA', 'GIAM_DINH_YKHOA'],
  XML13: ['CHI_TIEU_GIAYCHUYENTUYEN'],
  XML14: ['CHI_TIEU_GIAYHEN_KHAMLAI'],
  XML15: ['CHI_TIEU_DIEUTRI_BENHLAO', 'DSACH_CHITIET_DIEUTRI_BENHLAO', 'CHITIET_DIEUTRI_BENHLAO'],
};

/** Number of fields per table in xml130.md §5 (QĐ 4750 appendix). */
const FIELD_COUNTS: Record<TableId, number> = {
  XML0: 26,
  XML1: 66,
  XML2: 39,
  XML3: 47,
  XML4: 12,
  XML5: 9,
  XML6: 47,
  XML7: 26,
  XML8: 22,
  XML9: 35,
  XML10: 13,
  XML11: 23,
  XML12: 35,
  XML13: 39,
  XML14: 22,
  XML15: 20,
};

test('every table XML0–XML15 with its exact root / list / record element names', () => {
  assert.deepEqual(Object.keys(BASE_TABLES), [...TABLE_IDS]);
  for (const id of TABLE_IDS) {
    const t = BASE_TABLES[id];
    assert.deepEqual(
      [t.root, t.list, t.record].filter((x) => x !== undefined),
      ELEMENTS[id],
      id,
    );
    assert.equal(t.fields.length, FIELD_COUNTS[id], id);
    assert.equal(new Set(t.fields.map((f) => f.name)).size, t.fields.length, `${id}: duplicate field`);
  }
  assert.equal(BASE_TABLES.XML0.inEnvelope, false);
  assert.equal(BASE_TABLES.XML12.inEnvelope, false);
  assert.equal(BASE_TABLES.XML13.since, '4750');
});

test('field order agrees with the BHXH guide skeletons (templates are a subsequence of the registry)', () => {
  const dir = new URL('templates/', SAMPLES);
  for (const file of readdirSync(dir).filter((f) => /^XML\d+/.test(f))) {
    const id = /^(XML\d+)/.exec(file)![1] as TableId;
    const names = new Set<string>(BASE_TABLES[id].fields.map((f) => f.name));
    const inTemplate = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/<([A-Z0-9_]+)>/g)].map(
      (m) => m[1]!,
    );
    const firstRecord: string[] = [];
    for (const n of inTemplate.filter((x) => names.has(x))) {
      if (firstRecord.includes(n)) break;
      firstRecord.push(n);
    }
    const order = BASE_TABLES[id].fields.map((f): string => f.name).filter((n) => firstRecord.includes(n));
    assert.deepEqual(firstRecord, order, id);
    assert.ok(firstRecord.length >= FIELD_COUNTS[id] - 6, `${id}: template covers the table`);
  }
});

test('every field is well-formed data: types, sizes, sources, code lists, conditions, references', () => {
  const fieldsOf = (id: TableId) => new Set<string>(BASE_TABLES[id].fields.map((f) => f.name));
  const conditionFields = (c: Condition): string[] =>
    c.op === 'all' || c.op === 'any' ? c.of.flatMap(conditionFields) : [c.field];
  for (const id of TABLE_IDS) {
    const own = fieldsOf(id);
    for (const f of BASE_TABLES[id].fields) {
      const where = `${id}.${f.name}`;
      assert.ok(f.max === null || (Number.isInteger(f.max) && f.max > 0), where);
      if (f.type === 'date') assert.ok(f.max === null || f.max >= 8, where);
      if (f.type === 'datetime' || f.type === 'birth') assert.equal(f.max, 12, where);
      if (f.type === 'decimal') assert.ok(f.scale !== undefined, where);
      if (f.codes !== undefined) assert.ok(f.codes in CODE_LISTS, where);
      if (f.pattern !== undefined) assert.ok(f.pattern in PATTERNS, where);
      for (const h of f.history ?? []) assert.ok(h.source in SOURCES, where);
      if (typeof f.required === 'object' && f.required.when !== undefined)
        for (const x of conditionFields(f.required.when)) assert.ok(own.has(x), `${where} → ${x}`);
      for (const x of f.notBefore ?? []) assert.ok(own.has(x), `${where} → ${x}`);
      if (f.sameAsXml1 !== undefined) assert.ok(fieldsOf('XML1').has(f.sameAsXml1), where);
    }
    for (const s of BASE_TABLES[id].sources) assert.ok(s in SOURCES, id);
  }
});

test('the version that introduced or changed a field is recorded (130 / 4750)', () => {
  const field = (id: TableId, name: string) => BASE_TABLES[id].fields.find((f) => f.name === name)!;
  assert.equal(field('XML1', 'NHOM_MAU').since, '4750');
  assert.deepEqual(field('XML1', 'MA_DOITUONG_KCB').history, [
    { version: '4750', change: 'size', from: 3, to: 4, source: 'S1' },
  ]);
  assert.deepEqual(
    field('XML1', 'SO_CCCD').history?.map((h) => h.change),
    ['type'],
  );
  assert.equal(field('XML2', 'NGAY_TH_YL').since, '4750');
  assert.equal(field('XML1', 'MA_LK').since, undefined, 'defaults to the table (130)');
});

test('rules are data with sources; code lists and patterns too', () => {
  for (const [id, rule] of Object.entries(RULES)) {
    assert.match(rule.code, /^[A-Z0-9_]+$/, id);
    assert.ok(rule.message.length > 0 && rule.description.length > 0, id);
    for (const s of rule.sources) assert.ok(s in SOURCES, `${id}: ${s}`);
  }
  for (const [id, list] of Object.entries(CODE_LISTS)) {
    assert.ok(list.codes.length > 0, id);
    assert.equal(new Set(list.codes.map((c) => c.code)).size, list.codes.length, `${id}: duplicate code`);
  }
  for (const [id, p] of Object.entries(PATTERNS)) assert.doesNotThrow(() => new RegExp(p.regex), id);
});

test('every amendment targets existing tables and fields', () => {
  for (const a of AMENDMENTS) {
    for (const op of a.ops) {
      const names: readonly string[] = BASE_TABLES[op.table].fields.map((f) => f.name);
      assert.ok(
        names.includes(op.op === 'add' ? op.after : op.field),
        `${a.id}: ${op.table}.${op.op === 'add' ? op.after : op.field}`,
      );
    }
    for (const s of a.sources) assert.ok(s in SOURCES, a.id);
  }
});

test('default amendments are applied as data and recorded in the field history', () => {
  assert.deepEqual(
    REGISTRY.amendments,
    DEFAULT_AMENDMENTS.map((a) => a.id),
  );
  const ttdv = REGISTRY.tables.XML1.fields.find((f) => f.name === 'MA_TTDV')!;
  assert.equal(ttdv.max, 255);
  assert.deepEqual(ttdv.history?.at(-1), {
    version: '3176',
    change: 'size',
    from: 10,
    to: 255,
    source: 'QD3176',
    amendment: 'QD3176-MA_TTDV-255',
  });
  assert.equal(
    BASE_TABLES.XML1.fields.find((f) => f.name === 'MA_TTDV')!.max,
    10,
    'base tables are not mutated',
  );
  assert.equal(REGISTRY.tables.XML14.fields.find((f) => f.name === 'NGAY_HEN_KL')!.type, 'dateOrDatetime');
  assert.equal(REGISTRY.tables.XML1.fields.find((f) => f.name === 'MAHUYEN_CU_TRU')!.required, false);
});

test('an amendment is a data change: a new patch changes validation without touching code', () => {
  const amendment: Amendment = {
    id: 'TEST-NHOM_MAU-REQUIRED-2',
    version: '1931',
    title: 'test',
    effectiveFrom: '2027-01-01',
    confidence: 'unconfirmed',
    sources: ['U1'],
    defaultOn: false,
    note: 'test only',
    ops: [{ op: 'modify', table: 'XML1', field: 'NHOM_MAU', set: { max: 2, required: true } }],
  };
  const registry = buildRegistry([...DEFAULT_AMENDMENTS, amendment]);
  const rec = { NHOM_MAU: 'AB+' };
  assert.equal(validateTable('XML1', [rec]).errors.filter((e) => e.field === 'NHOM_MAU').length, 0);
  const errors = validateTable('XML1', [rec], { registry }).errors.filter((e) => e.field === 'NHOM_MAU');
  assert.deepEqual(
    errors.map((e) => e.rule),
    ['FIELD_TOO_LONG'],
  );
  assert.ok(
    validateTable('XML1', [{}], { registry }).errors.some(
      (e) => e.rule === 'FIELD_REQUIRED' && e.field === 'NHOM_MAU',
    ),
  );
});

test('the QĐ 3176 XML13 renames are an opt-in amendment; old names stay readable as aliases', () => {
  const renames = AMENDMENTS.find((a) => a.id === 'QD3176-XML13-NAMES')!;
  assert.equal(renames.defaultOn, false);
  const registry = buildRegistry([...DEFAULT_AMENDMENTS, renames]);
  const names = registry.tables.XML13.fields.map((f) => f.name);
  assert.ok(names.includes('MA_CSKCB_DI') && names.includes('TINH_TRANG_CT'));
  assert.ok(!names.includes('TEN_THUOC') && !names.includes('MA_NOI_DI'));
  const doc =
    '<CHI_TIEU_GIAYCHUYENTUYEN><MA_NOI_DI>79048</MA_NOI_DI><TINH_TRANG_CT>ổn định</TINH_TRANG_CT></CHI_TIEU_GIAYCHUYENTUYEN>';
  const r = parseTable('XML13', doc, { registry });
  const rec = r.value?.records[0] as Record<string, string> | undefined;
  assert.ok(rec);
  assert.equal(rec['MA_CSKCB_DI'], '79048');
  assert.equal(rec['TINH_TRANG_CT'], 'ổn định');
  assert.ok(r.warnings.some((w) => w.rule === 'FIELD_ALIAS'));
});
