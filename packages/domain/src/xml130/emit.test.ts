import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  ENVELOPE_TABLE_ORDER,
  REGISTRY,
  TABLE_IDS,
  emitEnvelope,
  emitTable,
  parseEnvelope,
  parseTable,
  type TableId,
} from './index.ts';
import { recordArb } from './test-support.ts';

const singleRecord = (id: TableId) => REGISTRY.tables[id].list === undefined;

test('generated records of every table (XML0–XML15) survive emit → parse unchanged', () => {
  for (const id of TABLE_IDS) {
    fc.assert(
      fc.property(
        fc.array(recordArb(id), { minLength: 1, maxLength: singleRecord(id) ? 1 : 4 }),
        (records) => {
          const xml = emitTable(id, records);
          const back = parseTable(id, xml);
          assert.deepEqual(back.errors, [], id);
          assert.deepEqual(back.warnings, [], id);
          assert.deepEqual(back.value?.records, records, id);
        },
      ),
      { numRuns: 40 },
    );
  }
});

test('a HOSO with every envelope table survives emitEnvelope → parseEnvelope', () => {
  const tablesArb = fc.record(
    Object.fromEntries(
      ENVELOPE_TABLE_ORDER.map((id) => [
        id,
        fc.array(recordArb(id), { minLength: 1, maxLength: id === 'XML1' || singleRecord(id) ? 1 : 3 }),
      ]),
    ),
    { noNullPrototype: true },
  );
  fc.assert(
    fc.property(fc.array(tablesArb, { minLength: 1, maxLength: 3 }), (hosoTables) => {
      const hoso = hosoTables.map((tables) => ({ tables }));
      const xml = emitEnvelope({ macskcb: '94170', ngayLap: '20260320', hoso });
      const back = parseEnvelope(xml);
      assert.ok(back.ok, back.errors.map((e) => e.message).join('; '));
      assert.deepEqual(back.warnings, []);
      assert.equal(back.value.header.soLuongHoso, String(hoso.length));
      assert.deepEqual(
        back.value.hoso.map((h) => h.tables),
        hoso.map((h) => h.tables),
      );
    }),
    { numRuns: 15 },
  );
});

test('standard formatting: declaration, every element in registry order, one per line', () => {
  const xml = emitTable('XML2', [{ MA_LK: 'LK1', STT: '1', TEN_THUOC: 'A & <B>' }]);
  const lines = xml.split('\n');
  assert.equal(lines[0], '<?xml version="1.0" encoding="utf-8"?>');
  assert.deepEqual(lines.slice(1, 4), [
    '<CHITIEU_CHITIET_THUOC>',
    '<DSACH_CHI_TIET_THUOC>',
    '<CHI_TIET_THUOC>',
  ]);
  const names = lines.slice(4, -3).map((l) => /^<([A-Z0-9_]+)>/.exec(l)?.[1]);
  assert.deepEqual(
    names,
    REGISTRY.tables.XML2.fields.map((f) => f.name),
  );
  assert.ok(lines.includes('<TEN_THUOC>A &amp; &lt;B&gt;</TEN_THUOC>'));
  assert.ok(lines.includes('<DON_GIA></DON_GIA>'));
  assert.deepEqual(lines.slice(-3), [
    '</CHI_TIET_THUOC>',
    '</DSACH_CHI_TIET_THUOC>',
    '</CHITIEU_CHITIET_THUOC>',
  ]);
});

test('emitted values are canonical (comma decimal, month padding, trimmed codes, \\r kept)', () => {
  const xml = emitTable('XML1', [{ T_BHTT: '12,5', THANG_QT: '3', MA_LOAI_KCB: ' 03 ', GHI_CHU: 'a\r\nb' }]);
  assert.match(xml, /<T_BHTT>12\.5<\/T_BHTT>/);
  assert.match(xml, /<THANG_QT>03<\/THANG_QT>/);
  assert.match(xml, /<MA_LOAI_KCB>03<\/MA_LOAI_KCB>/);
  assert.equal(parseTable('XML1', xml).value?.records[0]!.GHI_CHU, 'a\r\nb');
});

test('XML0 and XML12 carry their own CHUKYDONVI; single-record tables refuse several records', () => {
  assert.match(
    emitTable('XML0', [{ MA_LK: '1' }]),
    /<\/DSACH_TRANG_THAI_KCB>\n<CHUKYDONVI><\/CHUKYDONVI>\n<\/CHI_TIEU_TRANG_THAI_KCB>$/,
  );
  assert.match(emitTable('XML12', [{}]), /<CHUKYDONVI><\/CHUKYDONVI>/);
  assert.throws(() => emitTable('XML1', [{}, {}]), RangeError);
  assert.throws(() => emitTable('XML7', []), RangeError);
});

test('envelope: guide order, XML7 twins as two FILEHOSO, XML0/XML12 never inside a HOSO', () => {
  const xml = emitEnvelope({
    macskcb: '94170',
    ngayLap: '20260320',
    hoso: [
      {
        tables: {
          XML14: [{ MA_LK: 'A' }],
          XML7: [{ MA_LK: 'A' }, { MA_LK: 'A' }],
          XML1: [{ MA_LK: 'A' }],
          XML0: [{ MA_LK: 'A' }],
          XML12: [{}],
        },
      },
    ],
  });
  const types = [...xml.matchAll(/<LOAIHOSO>(\w+)<\/LOAIHOSO>/g)].map((m) => m[1]);
  assert.deepEqual(types, ['XML1', 'XML7', 'XML7', 'XML14']);
  assert.match(xml, /<SOLUONGHOSO>1<\/SOLUONGHOSO>/);
  assert.match(xml, /<CHUKYDONVI\/>\n<\/GIAMDINHHS>$/);
  const back = parseEnvelope(xml);
  assert.equal(back.value?.hoso[0]?.tables.XML7?.length, 2);
});
