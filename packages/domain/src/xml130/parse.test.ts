import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  emitEnvelope,
  envelopeReader,
  parseEnvelope,
  parseTable,
  readEnvelope,
  toBase64Document,
  type EnvelopeEvent,
  type Finding,
} from './index.ts';
import { SAMPLE_FILES, readSample } from './test-support.ts';

const rules = (findings: readonly Finding[]): string[] => findings.map((f) => f.rule);

function xml2(rows: string, root = 'CHITIEU_CHITIET_THUOC'): string {
  return `<${root}><DSACH_CHI_TIET_THUOC>${rows}</DSACH_CHI_TIET_THUOC></${root}>`;
}

test('CDATA, <X/>, <X></X>, entities and character references', () => {
  const r = parseTable(
    'XML1',
    '<?xml version="1.0" encoding="utf-8"?>\n<TONG_HOP><MA_LK>A&amp;B</MA_LK><HO_TEN><![CDATA[Nguyễn <Thị> & Ánh]]></HO_TEN>' +
      '<DIA_CHI>x &lt; y &gt; z &quot;q&quot; &apos;a&apos; &#233;&#x1EA1;</DIA_CHI><SO_CCCD/><NHOM_MAU></NHOM_MAU>' +
      '<GHI_CHU>a<![CDATA[b]]>c<!-- comment -->d</GHI_CHU></TONG_HOP>',
  );
  const rec = r.value?.records[0];
  assert.ok(rec);
  assert.equal(rec.MA_LK, 'A&B');
  assert.equal(rec.HO_TEN, 'Nguyễn <Thị> & Ánh');
  assert.equal(rec.DIA_CHI, 'x < y > z "q" \'a\' éạ');
  assert.equal(rec.SO_CCCD, '');
  assert.equal(rec.NHOM_MAU, '');
  assert.equal(rec.GHI_CHU, 'abcd');
});

test('missing elements are empty with one aggregated warning per field', () => {
  const r = parseTable(
    'XML2',
    xml2(
      '<CHI_TIET_THUOC><MA_LK>1</MA_LK></CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>1</MA_LK></CHI_TIET_THUOC>',
    ),
  );
  assert.ok(r.ok);
  assert.equal(r.value.records.length, 2);
  assert.equal(r.value.records[1]!.TEN_THUOC, '');
  const missing = r.warnings.filter((w) => w.rule === 'FIELD_ELEMENT_MISSING');
  assert.equal(missing.length, 38); // every field but MA_LK, once each
  assert.equal(missing[0]!.details?.['count'], 2);
});

test('unknown elements are kept aside; aliases and duplicates are warnings', () => {
  const r = parseTable(
    'XML13',
    '<CHI_TIEU_GIAYCHUYENTUYEN><MA_LK>1</MA_LK><MA_CSKCB_DI>79048</MA_CSKCB_DI><TINH_TRANG_CT>ổn</TINH_TRANG_CT><MA_LK>2</MA_LK></CHI_TIEU_GIAYCHUYENTUYEN>',
  );
  assert.ok(r.value);
  assert.equal(r.value.records[0]!.MA_NOI_DI, '79048');
  assert.equal(r.value.records[0]!.MA_LK, '1');
  assert.deepEqual(r.value.unknownElements, [
    { table: 'XML13', record: 0, name: 'TINH_TRANG_CT', value: 'ổn' },
  ]);
  const w = rules(r.warnings);
  assert.ok(w.includes('FIELD_ALIAS'));
  assert.ok(w.includes('UNKNOWN_ELEMENT'));
  assert.ok(w.includes('DUPLICATE_ELEMENT'));
});

test('legacy roots (QĐ 4210 list root, LGSP BaoHiemYTe, missing list wrapper) are read with a warning', () => {
  const legacy = parseTable(
    'XML2',
    '<DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>1</MA_LK></CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC>',
  );
  assert.equal(legacy.value?.records.length, 1);
  assert.ok(rules(legacy.warnings).includes('LEGACY_ROOT'));
  const lgsp = parseTable('XML1', '<BaoHiemYTe><MA_LK>1</MA_LK></BaoHiemYTe>');
  assert.equal(lgsp.value?.records[0]!.MA_LK, '1');
  assert.ok(rules(lgsp.warnings).includes('LEGACY_ROOT'));
  const noList = parseTable(
    'XML2',
    '<CHITIEU_CHITIET_THUOC><CHI_TIET_THUOC><MA_LK>1</MA_LK></CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>',
  );
  assert.equal(noList.value?.records.length, 1);
  assert.ok(rules(noList.warnings).includes('LEGACY_ROOT'));
});

test('lenient values: comma decimals, unpadded month, spaces around codes; free text untouched', () => {
  const r = parseTable(
    'XML1',
    '<TONG_HOP><T_BHTT>3127883,2</T_BHTT><THANG_QT>3</THANG_QT><MA_LOAI_KCB> 03 </MA_LOAI_KCB><TEN_DICH_VU>x</TEN_DICH_VU><HO_TEN>  An </HO_TEN></TONG_HOP>',
  );
  const rec = r.value?.records[0];
  assert.ok(rec);
  assert.equal(rec.T_BHTT, '3127883.2');
  assert.equal(rec.THANG_QT, '03');
  assert.equal(rec.MA_LOAI_KCB, '03');
  assert.equal(rec.HO_TEN, '  An ');
  const w = rules(r.warnings);
  for (const rule of ['DECIMAL_COMMA', 'VALUE_PADDED', 'WHITESPACE_TRIMMED', 'UNKNOWN_ELEMENT'])
    assert.ok(w.includes(rule), rule);
});

test('line ends: CRLF becomes LF in values, &#13; survives', () => {
  const r = parseTable(
    'XML1',
    '<TONG_HOP>\r\n<GHI_CHU>a\r\nb\rc&#13;d</GHI_CHU>\r\n<CHAN_DOAN_RV><![CDATA[x\r\ny]]></CHAN_DOAN_RV></TONG_HOP>',
  );
  const rec = r.value?.records[0];
  assert.ok(rec);
  assert.equal(rec.GHI_CHU, 'a\nb\nc\rd');
  assert.equal(rec.CHAN_DOAN_RV, 'x\ny');
});

test('entity problems are warnings, never expansions', () => {
  const r = parseTable('XML1', '<TONG_HOP><GHI_CHU>A & B &nbsp; &#0; &copy;</GHI_CHU></TONG_HOP>');
  assert.equal(r.value?.records[0]!.GHI_CHU, 'A & B &nbsp;  &copy;');
  const w = rules(r.warnings);
  for (const rule of ['BARE_AMPERSAND', 'UNKNOWN_ENTITY', 'INVALID_XML_CHAR'])
    assert.ok(w.includes(rule), rule);
});

test('encodings: UTF-8 BOM, UTF-16 with BOM, invalid UTF-8, control characters', () => {
  const doc = '<TONG_HOP><HO_TEN>Đặng</HO_TEN></TONG_HOP>';
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(doc)]);
  assert.equal(parseTable('XML1', bom).value?.records[0]!.HO_TEN, 'Đặng');
  const utf16 = new Uint8Array(2 + doc.length * 2);
  utf16[0] = 0xff;
  utf16[1] = 0xfe;
  for (let i = 0; i < doc.length; i++) {
    utf16[2 + i * 2] = doc.charCodeAt(i) & 255;
    utf16[3 + i * 2] = doc.charCodeAt(i) >> 8;
  }
  const r16 = parseTable('XML1', utf16);
  assert.equal(r16.value?.records[0]!.HO_TEN, 'Đặng');
  assert.ok(rules(r16.warnings).includes('UTF16_DECODED'));
  const bad = parseTable(
    'XML1',
    new Uint8Array([
      ...new TextEncoder().encode('<TONG_HOP><HO_TEN>a'),
      0xc3,
      0x28,
      ...new TextEncoder().encode('</HO_TEN></TONG_HOP>'),
    ]),
  );
  assert.equal(bad.value?.records[0]!.HO_TEN, 'a\uFFFD(');
  assert.ok(rules(bad.warnings).includes('INVALID_UTF8'));
  const ctl = parseTable(
    'XML1',
    new TextEncoder().encode('<TONG_HOP><HO_TEN>a\u0001b\u001Fc</HO_TEN></TONG_HOP>'),
  );
  assert.equal(ctl.value?.records[0]!.HO_TEN, 'abc');
  assert.ok(rules(ctl.warnings).includes('INVALID_XML_CHAR'));
});

test('attributes, nested elements, stray text and trailing content are warnings', () => {
  const r = parseTable(
    'XML1',
    '<TONG_HOP a="1"><MA_LK b="2">1</MA_LK>junk<GHI_CHU>a<b>c</b>d</GHI_CHU></TONG_HOP>tail',
  );
  const rec = r.value?.records[0];
  assert.ok(rec);
  assert.equal(rec.MA_LK, '1');
  assert.equal(rec.GHI_CHU, 'acd');
  const w = rules(r.warnings);
  for (const rule of ['UNEXPECTED_ATTRIBUTE', 'STRAY_TEXT', 'NESTED_ELEMENT', 'TRAILING_CONTENT'])
    assert.ok(w.includes(rule), rule);
});

test('XML0 check-in file with its own CHUKYDONVI', () => {
  const r = parseTable(
    'XML0',
    '<CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB><TRANG_THAI_KCB><MA_LK>1</MA_LK></TRANG_THAI_KCB></DSACH_TRANG_THAI_KCB><CHUKYDONVI/></CHI_TIEU_TRANG_THAI_KCB>',
  );
  assert.ok(r.value);
  assert.equal(r.value.records.length, 1);
  assert.equal(r.value.signature, true);
});

test('envelope leniencies: inline XML, escaped inline XML, base64 with line breaks, lower-case LOAIHOSO', () => {
  const inner = '<TONG_HOP><MA_LK>1</MA_LK><MA_CSKCB>94170</MA_CSKCB></TONG_HOP>';
  const wrap = (file: string) =>
    `<GIAMDINHHS><THONGTINDONVI><MACSKCB>94170</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20260101</NGAYLAP><SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO>${file}</HOSO></DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>`;
  const inline = parseEnvelope(
    wrap(`<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>${inner}</NOIDUNGFILE></FILEHOSO>`),
  );
  assert.equal(inline.value?.hoso[0]?.maLk, '1');
  assert.ok(rules(inline.warnings).includes('NOIDUNGFILE_INLINE_XML'));
  const escaped = parseEnvelope(
    wrap(
      `<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>${inner.replace(/</g, '&lt;')}</NOIDUNGFILE></FILEHOSO>`,
    ),
  );
  assert.equal(escaped.value?.hoso[0]?.maLk, '1');
  const b64 = toBase64Document(inner).replace(/(.{20})/g, '$1\r\n');
  const lines = parseEnvelope(
    wrap(`<FILEHOSO><LOAIHOSO> xml1 </LOAIHOSO><NOIDUNGFILE>\n${b64}\n</NOIDUNGFILE></FILEHOSO>`),
  );
  assert.ok(lines.ok);
  assert.equal(lines.value.hoso[0]?.maLk, '1');
  assert.ok(rules(lines.warnings).includes('BASE64_WHITESPACE'));
  assert.ok(rules(lines.warnings).includes('LOAIHOSO_NORMALISED'));
  const unknown = parseEnvelope(
    wrap(
      `<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>${toBase64Document(inner)}</NOIDUNGFILE><GHI_CHU>x</GHI_CHU></FILEHOSO>`,
    ),
  );
  assert.ok(unknown.ok);
  assert.ok(rules(unknown.warnings).includes('ENVELOPE_UNKNOWN_ELEMENT'));
  const noSignature = parseEnvelope(wrap('').replace('<CHUKYDONVI/>', ''));
  assert.ok(rules(noSignature.warnings).includes('CHUKYDONVI_MISSING'));
  const signed = parseEnvelope(
    wrap('').replace('<CHUKYDONVI/>', '<CHUKYDONVI><Signature>x</Signature></CHUKYDONVI>'),
  );
  assert.equal(signed.value?.signature.signed, true);
});

test('the fileHSBase64 form (whole envelope base64-encoded again) is decoded with a warning', () => {
  const xml = new TextDecoder().decode(readSample(SAMPLE_FILES.followUp));
  const r = parseEnvelope(toBase64Document(xml));
  assert.ok(r.ok);
  assert.equal(r.value.hoso[0]?.maLk, 'LK-SAMPLE-01');
  assert.ok(rules(r.warnings).includes('ENVELOPE_BASE64_DECODED'));
});

test('streaming: 1-byte and odd-sized chunks give the same result as one piece', () => {
  const bytes = readSample(SAMPLE_FILES.inpatient);
  const whole = parseEnvelope(bytes);
  assert.ok(whole.ok);
  for (const size of [1, 7, 4096]) {
    const reader = envelopeReader();
    const hoso = [];
    for (let i = 0; i < bytes.length; i += size) {
      reader.write(bytes.subarray(i, i + size));
      hoso.push(...reader.drain());
    }
    const summary = reader.end();
    hoso.push(...reader.drain());
    assert.equal(summary.complete, true, `chunk ${size}`);
    assert.deepEqual(summary.errors, []);
    assert.deepEqual(
      hoso.map((h) => h.tables),
      whole.value.hoso.map((h) => h.tables),
      `chunk ${size}`,
    );
  }
});

test('readEnvelope yields the header, one event per HOSO, then the summary', async () => {
  const env = parseEnvelope(readSample(SAMPLE_FILES.followUp));
  assert.ok(env.ok);
  const h = env.value.hoso[0]!;
  const second = { tables: { ...h.tables, XML1: [{ ...h.tables.XML1![0]!, MA_LK: 'LK-2' }] } };
  const xml = new TextEncoder().encode(
    emitEnvelope({ macskcb: '94170', ngayLap: '20260224', hoso: [h, second, h] }),
  );
  async function* chunks() {
    for (let i = 0; i < xml.length; i += 1000) {
      await Promise.resolve();
      yield xml.subarray(i, i + 1000);
    }
  }
  const events: EnvelopeEvent[] = [];
  for await (const ev of readEnvelope(chunks())) events.push(ev);
  assert.deepEqual(
    events.map((e) => e.type),
    ['header', 'hoso', 'hoso', 'hoso', 'end'],
  );
  const first = events[0];
  assert.ok(first?.type === 'header');
  assert.equal(first.header.soLuongHoso, '3');
  const maLks = events.flatMap((e) => (e.type === 'hoso' ? [e.hoso.maLk] : []));
  assert.deepEqual(maLks, ['LK-SAMPLE-01', 'LK-2', 'LK-SAMPLE-01']);
  const last = events[4];
  assert.ok(last?.type === 'end');
  assert.equal(last.summary.hosoCount, 3);
});

test('a NOIDUNGFILE-looking text inside an envelope comment is not taken for content', () => {
  const inner = toBase64Document('<TONG_HOP><MA_LK>REAL</MA_LK></TONG_HOP>');
  const xml = `<GIAMDINHHS><!-- <NOIDUNGFILE>QUJD</NOIDUNGFILE> --><THONGTINDONVI><MACSKCB>94170</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20260101</NGAYLAP><SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>${inner}</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>`;
  const r = parseEnvelope(xml);
  assert.ok(r.ok);
  assert.equal(r.value.hoso[0]?.maLk, 'REAL');
});
