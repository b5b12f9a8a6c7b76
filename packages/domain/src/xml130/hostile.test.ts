import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  emitEnvelope,
  envelopeReader,
  parseEnvelope,
  parseTable,
  toBase64Document,
  validateEnvelope,
  type Envelope,
  type Finding,
  type Hoso,
} from './index.ts';
import { SAMPLE_FILES, readSample } from './test-support.ts';

const sample = (): Envelope => {
  const r = parseEnvelope(readSample(SAMPLE_FILES.followUp));
  assert.ok(r.ok);
  return r.value;
};
const sampleXml = (): string => new TextDecoder().decode(readSample(SAMPLE_FILES.followUp));

function rules(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.rule);
}

function envelopeWith(inner: string, loai = 'XML1'): string {
  return `<?xml version="1.0" encoding="utf-8"?><GIAMDINHHS><THONGTINDONVI><MACSKCB>94170</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20260320</NGAYLAP><SOLUONGHOSO>1</SOLUONGHOSO><DANHSACHHOSO><HOSO><FILEHOSO><LOAIHOSO>${loai}</LOAIHOSO><NOIDUNGFILE>${toBase64Document(inner)}</NOIDUNGFILE></FILEHOSO></HOSO></DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>`;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>`;

test('billion laughs in the envelope is rejected fast', () => {
  const t = performance.now();
  const r = parseEnvelope(
    `${BILLION_LAUGHS}<GIAMDINHHS><THONGTINDONVI><MACSKCB>&lol9;</MACSKCB></THONGTINDONVI></GIAMDINHHS>`,
  );
  assert.ok(performance.now() - t < 200);
  assert.equal(r.ok, false);
  assert.deepEqual(rules(r.errors), ['DTD_FORBIDDEN']);
});

test('billion laughs inside a NOIDUNGFILE is rejected fast, other tables still read', () => {
  const t = performance.now();
  const r = parseEnvelope(envelopeWith(`${BILLION_LAUGHS}<TONG_HOP><MA_LK>&lol9;</MA_LK></TONG_HOP>`));
  assert.ok(performance.now() - t < 200);
  assert.equal(r.ok, false);
  assert.deepEqual(rules(r.errors), ['DTD_FORBIDDEN']);
  assert.equal(r.errors[0]!.table, 'XML1');
  assert.equal(r.value?.hoso[0]?.tables.XML1, undefined);
});

test('XXE (external entity) is rejected, never resolved', () => {
  const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
  const env = parseEnvelope(
    `${xxe}<GIAMDINHHS><THONGTINDONVI><MACSKCB>&x;</MACSKCB></THONGTINDONVI></GIAMDINHHS>`,
  );
  assert.deepEqual(rules(env.errors), ['DTD_FORBIDDEN']);
  const inner = parseTable('XML1', `${xxe}<TONG_HOP><MA_LK>&x;</MA_LK></TONG_HOP>`);
  assert.deepEqual(rules(inner.errors), ['DTD_FORBIDDEN']);
  assert.equal(inner.value, undefined);
});

test('any DOCTYPE is rejected, also lower case, public ids and a huge internal subset', () => {
  for (const doctype of [
    '<!DOCTYPE GIAMDINHHS>',
    '<!doctype GIAMDINHHS>',
    '<!DOCTYPE GIAMDINHHS PUBLIC "-//X//EN" "http://example.invalid/x.dtd">',
    `<!DOCTYPE GIAMDINHHS [${'<!ELEMENT a ANY>'.repeat(60_000)}]>`,
  ]) {
    const t = performance.now();
    const r = parseEnvelope(`${doctype}<GIAMDINHHS/>`);
    assert.ok(performance.now() - t < 500, doctype.slice(0, 30));
    assert.deepEqual(rules(r.errors), ['DTD_FORBIDDEN'], doctype.slice(0, 30));
  }
  assert.deepEqual(rules(parseTable('XML2', '<!DOCTYPE x><CHITIEU_CHITIET_THUOC/>').errors), [
    'DTD_FORBIDDEN',
  ]);
  assert.deepEqual(
    rules(parseTable('XML2', '<CHITIEU_CHITIET_THUOC><!ENTITY a "b"></CHITIEU_CHITIET_THUOC>').errors),
    ['DTD_FORBIDDEN'],
  );
});

test('a DOCTYPE split across stream chunks is still caught', () => {
  const reader = envelopeReader();
  for (const piece of ['<?xml version="1.0"?><!DOC', 'TYPE x [<!ENT', 'ITY a "b">]><GIAMDINHHS/>'])
    reader.write(piece);
  assert.deepEqual(rules(reader.end().errors), ['DTD_FORBIDDEN']);
});

test('truncated base64 → BASE64_TRUNCATED; invalid base64 → BASE64_INVALID', () => {
  const xml = sampleXml();
  const truncated = xml.replace(
    /(<LOAIHOSO>XML2<\/LOAIHOSO><NOIDUNGFILE>)([^<]*)</,
    (_m, open: string, b64: string) => `${open}${b64.slice(0, 1001)}<`,
  );
  const r1 = parseEnvelope(truncated);
  assert.equal(r1.ok, false);
  assert.deepEqual(rules(r1.errors), ['BASE64_TRUNCATED']);
  assert.equal(r1.errors[0]!.table, 'XML2');
  assert.equal(r1.errors[0]!.field, 'NOIDUNGFILE');
  assert.equal(r1.value?.hoso[0]?.tables.XML1?.length, 1, 'other tables are still read');
  const invalid = xml.replace(/(<LOAIHOSO>XML3<\/LOAIHOSO><NOIDUNGFILE>)(.)/, '$1!');
  assert.deepEqual(rules(parseEnvelope(invalid).errors), ['BASE64_INVALID']);
  const urlSafe = xml.replace(/(<LOAIHOSO>XML3<\/LOAIHOSO><NOIDUNGFILE>)(.)/, '$1-');
  assert.deepEqual(rules(parseEnvelope(urlSafe).errors), ['BASE64_INVALID']);
});

test('base64 cut on a 4-character boundary is caught as truncated XML', () => {
  const xml = sampleXml().replace(
    /(<LOAIHOSO>XML3<\/LOAIHOSO><NOIDUNGFILE>)([^<]*)</,
    (_m, open: string, b64: string) => `${open}${b64.slice(0, 4000)}<`,
  );
  const r = parseEnvelope(xml);
  assert.deepEqual(rules(r.errors), ['XML_TRUNCATED']);
  assert.equal(r.errors[0]!.table, 'XML3');
});

test('truncated envelope → XML_TRUNCATED, HOSO read before the cut are kept', () => {
  const env = sample();
  const two = emitEnvelope({
    ...env.header,
    hoso: [
      env.hoso[0]!,
      { tables: { ...env.hoso[0]!.tables, XML1: [{ ...env.hoso[0]!.tables.XML1![0]!, MA_LK: 'LK-2' }] } },
    ],
  });
  const cut = two.slice(0, two.lastIndexOf('<HOSO>') + 200);
  const r = parseEnvelope(cut);
  assert.deepEqual(rules(r.errors), ['XML_TRUNCATED']);
  assert.equal(r.value?.hoso.length, 1);
});

test('wrong SOLUONGHOSO → SOLUONGHOSO_MISMATCH', () => {
  const r = parseEnvelope(
    sampleXml().replace('<SOLUONGHOSO>1</SOLUONGHOSO>', '<SOLUONGHOSO>2</SOLUONGHOSO>'),
  );
  assert.ok(r.ok);
  const report = validateEnvelope(r.value);
  const f = report.errors.find((e) => e.rule === 'SOLUONGHOSO_MISMATCH');
  assert.ok(f);
  assert.equal(f.table, 'GIAMDINHHS');
  assert.equal(f.field, 'SOLUONGHOSO');
  const nonNumeric = parseEnvelope(
    sampleXml().replace('<SOLUONGHOSO>1</SOLUONGHOSO>', '<SOLUONGHOSO>một</SOLUONGHOSO>'),
  );
  assert.ok(validateEnvelope(nonNumeric.value!).errors.some((e) => e.rule === 'SOLUONGHOSO_MISMATCH'));
});

test('MACSKCB mismatch with XML1.MA_CSKCB and with the sender', () => {
  const r = parseEnvelope(sampleXml().replace('<MACSKCB>94170</MACSKCB>', '<MACSKCB>01001</MACSKCB>'));
  assert.ok(r.ok);
  const report = validateEnvelope(r.value, { senderFacility: '94170' });
  const mismatch = report.errors.find((e) => e.rule === 'MACSKCB_MISMATCH');
  assert.ok(mismatch);
  assert.equal(mismatch.table, 'XML1');
  assert.equal(mismatch.field, 'MA_CSKCB');
  assert.equal(mismatch.hoso, 0);
  const sender = report.errors.find((e) => e.rule === 'SENDER_FACILITY_MISMATCH');
  assert.ok(sender);
  assert.equal(sender.field, 'MACSKCB');
  assert.ok(
    validateEnvelope(sample(), { senderFacility: '94170' }).errors.every((e) => !e.rule.includes('MACSKCB')),
  );
  assert.ok(
    validateEnvelope(sample(), { senderFacility: '79048' }).errors.some(
      (e) => e.rule === 'SENDER_FACILITY_MISMATCH',
    ),
  );
});

test('one MA_LK per episode: duplicate across HOSO and mismatch inside a HOSO', () => {
  const env = sample();
  const h = env.hoso[0]!;
  const dup = validateEnvelope({
    ...env,
    header: { ...env.header, soLuongHoso: '2' },
    hoso: [h, { ...h, index: 1 }],
  });
  assert.ok(dup.errors.some((e) => e.rule === 'DUPLICATE_MA_LK' && e.hoso === 1));
  const other: Hoso = {
    tables: { ...h.tables, XML2: h.tables.XML2!.map((r, i) => (i === 1 ? { ...r, MA_LK: 'OTHER' } : r)) },
  };
  const r = validateEnvelope({ ...env, hoso: [{ ...h, tables: other.tables }] });
  const f = r.errors.find((e) => e.rule === 'MA_LK_MISMATCH');
  assert.ok(f);
  assert.equal(f.table, 'XML2');
  assert.equal(f.record, 1);
});

test('size limits: envelope, inner document, records, HOSO, nesting depth', () => {
  const xml = sampleXml();
  assert.deepEqual(rules(parseEnvelope(xml, { limits: { maxEnvelopeChars: 1000 } }).errors), [
    'SIZE_LIMIT_EXCEEDED',
  ]);
  const inner = parseEnvelope(xml, { limits: { maxInnerBytes: 3000 } });
  assert.ok(inner.errors.length > 0 && inner.errors.every((e) => e.rule === 'SIZE_LIMIT_EXCEEDED'));
  const records = parseEnvelope(xml, { limits: { maxRecords: 2 } });
  assert.deepEqual([...new Set(rules(records.errors))], ['SIZE_LIMIT_EXCEEDED']);
  assert.deepEqual(
    records.errors.map((e) => e.table),
    ['XML2', 'XML3', 'XML4'],
  );
  const env = sample();
  const many = emitEnvelope({ ...env.header, hoso: [env.hoso[0]!, env.hoso[0]!, env.hoso[0]!] });
  assert.deepEqual(rules(parseEnvelope(many, { limits: { maxHoso: 2 } }).errors), ['SIZE_LIMIT_EXCEEDED']);
  const deep = `<TONG_HOP><MA_LK>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</MA_LK></TONG_HOP>`;
  assert.deepEqual(rules(parseTable('XML1', deep).errors), ['SIZE_LIMIT_EXCEEDED']);
  const deepEnvelope = `<GIAMDINHHS>${'<X>'.repeat(5000)}${'</X>'.repeat(5000)}</GIAMDINHHS>`;
  const d = parseEnvelope(deepEnvelope);
  assert.equal(d.value?.hoso.length ?? 0, 0);
});

test('not an envelope, empty input, garbage, wrong inner root', () => {
  assert.deepEqual(rules(parseEnvelope('<TONG_HOP><MA_LK>1</MA_LK></TONG_HOP>').errors), ['NOT_AN_ENVELOPE']);
  assert.deepEqual(rules(parseEnvelope('').errors), ['EMPTY_INPUT']);
  assert.deepEqual(rules(parseEnvelope('   \n ').errors), ['EMPTY_INPUT']);
  assert.deepEqual(rules(parseEnvelope('hello world').errors), ['XML_MALFORMED']);
  assert.deepEqual(rules(parseEnvelope(new Uint8Array([0xff, 0x00, 0x13, 0x37])).errors), ['XML_MALFORMED']);
  const wrongRoot = parseEnvelope(envelopeWith('<CHITIEU_CHITIET_THUOC/>', 'XML1'));
  assert.deepEqual(rules(wrongRoot.errors), ['ROOT_MISMATCH']);
  const unknownType = parseEnvelope(envelopeWith('<TONG_HOP/>', 'XML99'));
  assert.deepEqual(rules(unknownType.errors), ['LOAIHOSO_UNKNOWN']);
  const xml12 = parseEnvelope(envelopeWith('<CHI_TIEU_GIAM_DINH_YKHOA/>', 'XML12'));
  assert.deepEqual(rules(xml12.errors), ['LOAIHOSO_NOT_ALLOWED']);
});

test('malformed inner XML: mismatched tags, unclosed tags, text outside the root', () => {
  assert.deepEqual(rules(parseTable('XML1', '<TONG_HOP><MA_LK>1</MA_BN></TONG_HOP>').errors), [
    'XML_MALFORMED',
  ]);
  assert.deepEqual(rules(parseTable('XML1', '<TONG_HOP><MA_LK>1</MA_LK>').errors), ['XML_TRUNCATED']);
  assert.deepEqual(rules(parseTable('XML1', 'x<TONG_HOP/>').errors), ['XML_MALFORMED']);
  assert.deepEqual(rules(parseTable('XML1', '<TONG_HOP><MA_LK><![CDATA[1</MA_LK></TONG_HOP>').errors), [
    'XML_TRUNCATED',
  ]);
  assert.deepEqual(rules(parseTable('XML1', '<TONG_HOP><1A>x</1A></TONG_HOP>').errors), ['XML_MALFORMED']);
  assert.deepEqual(rules(parseTable('XML1', '<TONG_HOP x="1></TONG_HOP>').errors), ['XML_MALFORMED']);
});
