/**
 * Hostile and broken input to POST /api/v1/xml130: every case gets a clear error and leaves every
 * table ingest could touch exactly as it was (row counts before = after).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines } from '../testing/engines.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';
import { envelopeSigner } from './dsig/sign.ts';
import { syntheticEnvelope } from './synthetic.ts';
import { addFacilities, apiKeyFor, keyPair, rowCounts, type KeyPair } from './test-support.ts';
import type { IngestReceipt } from './receipt.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: { errors?: { field: string | null; rule: string }[] } };
}

const LIMIT = 300_000;

/** Replaces the NOIDUNGFILE of the first FILEHOSO of the given table. */
function withPayload(xml: string, table: string, payload: string): string {
  return xml.replace(
    new RegExp(`(<LOAIHOSO>${table}</LOAIHOSO>\\s*<NOIDUNGFILE>)[^<]*(</NOIDUNGFILE>)`),
    `$1${payload}$2`,
  );
}

for (const engine of engines()) {
  describe(`hostile input to POST /api/v1/xml130 [${engine}]`, () => {
    let p: TestPlatform;
    let admin: string;
    let key: string;
    let k: KeyPair;
    let other: KeyPair;
    let good: string;

    before(async () => {
      p = await testPlatform(engine, { XML_BODY_LIMIT_BYTES: String(LIMIT) });
      admin = await p.login();
      k = keyPair('Benh vien 92001');
      other = keyPair('Ke gia mao');
      await addFacilities(p.db, [
        { code: '92999', acceptUnsigned: true },
        { code: '92998', acceptUnsigned: true },
        { code: '92001', certPem: k.certPem },
      ]);
      key = await apiKeyFor(p.db, '92999');
      good = syntheticEnvelope(0, 1, { facility: '92999', prefix: 'H' });
    });
    after(async () => {
      k.cleanup();
      other.cleanup();
      await p.dispose();
    });

    /** Sends, checks status and error code, and that nothing was stored. */
    async function refused(
      body: string | Buffer | object,
      status: number,
      code: string,
      type = 'application/xml',
    ): Promise<ErrorBody> {
      const before = await rowCounts(p.db);
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: {
          authorization: admin,
          ...(typeof body === 'object' && !Buffer.isBuffer(body) ? {} : { 'content-type': type }),
        },
        payload: body as string,
      });
      assert.equal(r.statusCode, status, r.body.slice(0, 500));
      const b = r.json<ErrorBody>();
      assert.equal(b.error.code, code, r.body.slice(0, 500));
      assert.ok(b.error.message.length > 10, 'a clear (Vietnamese) message');
      assert.deepEqual(await rowCounts(p.db), before, 'nothing stored');
      return b;
    }

    /** Sends; the envelope is read but its only HOSO is rejected with `rule`; nothing stored. */
    async function rejected(body: string, rule: string): Promise<void> {
      const before = await rowCounts(p.db);
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: { authorization: admin, 'content-type': 'application/xml' },
        payload: body,
      });
      assert.equal(r.statusCode, 200, r.body.slice(0, 500));
      const b = r.json<IngestReceipt>();
      assert.equal(b.accepted, 0);
      assert.ok(
        b.results[0]!.errors.some((e) => e.rule === rule),
        JSON.stringify(b.results[0]!.errors),
      );
      assert.deepEqual(await rowCounts(p.db), before, 'nothing stored');
    }

    test('XXE: an external entity in the envelope is refused (no DTD at all)', async () => {
      const xxe = good
        .replace(
          '<GIAMDINHHS',
          '<!DOCTYPE GIAMDINHHS [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<GIAMDINHHS',
        )
        .replace('<NGAYLAP>20260320</NGAYLAP>', '<NGAYLAP>&xxe;</NGAYLAP>');
      const b = await refused(xxe, 400, 'DTD_FORBIDDEN');
      assert.doesNotMatch(JSON.stringify(b), /root:/);
    });

    test('billion laughs is refused before any expansion', async () => {
      const lol = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE GIAMDINHHS [',
        '<!ENTITY lol "lol">',
        ...Array.from(
          { length: 9 },
          (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
        ),
        ']>',
        '<GIAMDINHHS><THONGTINDONVI><MACSKCB>&lol9;</MACSKCB></THONGTINDONVI></GIAMDINHHS>',
      ].join('\n');
      await refused(lol, 400, 'DTD_FORBIDDEN');
    });

    test('an external DTD reference is refused', async () => {
      await refused(
        good.replace(
          '<GIAMDINHHS',
          '<!DOCTYPE GIAMDINHHS SYSTEM "http://127.0.0.1:1/evil.dtd">\n<GIAMDINHHS',
        ),
        400,
        'DTD_FORBIDDEN',
      );
    });

    test('XXE hidden in an inner table: that HOSO is rejected', async () => {
      const inner =
        '<?xml version="1.0"?><!DOCTYPE TONG_HOP [<!ENTITY x SYSTEM "file:///etc/passwd">]><TONG_HOP><MA_LK>&x;</MA_LK></TONG_HOP>';
      await rejected(withPayload(good, 'XML1', Buffer.from(inner).toString('base64')), 'DTD_FORBIDDEN');
    });

    test('a body over XML_BODY_LIMIT_BYTES is refused with 413 (XML and base64 forms)', async () => {
      const big = good.replace('<DANHSACHHOSO>', `<DANHSACHHOSO><!--${'x'.repeat(LIMIT)}-->`);
      await refused(big, 413, 'PAYLOAD_TOO_LARGE');
      await refused({ fileHSBase64: Buffer.from(big).toString('base64') }, 413, 'PAYLOAD_TOO_LARGE');
    });

    test('truncated and invalid base64 in NOIDUNGFILE: that HOSO is rejected', async () => {
      const b64 = /<LOAIHOSO>XML2<\/LOAIHOSO>\s*<NOIDUNGFILE>([^<]*)</.exec(good)![1]!;
      const truncated = withPayload(good, 'XML2', b64.slice(0, b64.length - 3));
      const r1 = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: { authorization: admin, 'content-type': 'application/xml' },
        payload: truncated,
      });
      const e1 = r1.json<IngestReceipt>().results[0]!.errors;
      assert.ok(
        e1.some((e) => e.table === 'XML2' && e.field === 'NOIDUNGFILE'),
        JSON.stringify(e1),
      );
      await rejected(truncated, e1[0]!.rule);
      const invalid = withPayload(good, 'XML3', `${b64.slice(0, 40)}*!?${b64.slice(43)}`);
      const r2 = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: { authorization: admin, 'content-type': 'application/xml' },
        payload: invalid,
      });
      const e2 = r2.json<IngestReceipt>().results[0]!.errors;
      assert.ok(
        e2.some((e) => e.table === 'XML3' && e.field === 'NOIDUNGFILE'),
        JSON.stringify(e2),
      );
      await rejected(invalid, e2[0]!.rule);
    });

    test('invalid or truncated fileHSBase64 is refused', async () => {
      await refused({ fileHSBase64: 'PD94bWwg*** not base64' }, 400, 'INVALID_BASE64');
      await refused(
        { fileHSBase64: Buffer.from(good).toString('base64').slice(0, -2) },
        400,
        'INVALID_BASE64',
      );
      await refused({ somethingElse: 1 }, 400, 'XML130_BODY_INVALID');
    });

    test('SOLUONGHOSO different from the number of HOSO is refused, field named', async () => {
      const b = await refused(
        good.replace('<SOLUONGHOSO>1</SOLUONGHOSO>', '<SOLUONGHOSO>2</SOLUONGHOSO>'),
        422,
        'SOLUONGHOSO_MISMATCH',
      );
      assert.equal(b.error.details?.errors?.[0]?.field, 'SOLUONGHOSO');
      await refused(
        good.replace('<SOLUONGHOSO>1</SOLUONGHOSO>', '<SOLUONGHOSO>một</SOLUONGHOSO>'),
        422,
        'SOLUONGHOSO_MISMATCH',
      );
    });

    test("MACSKCB not the API key's facility is refused (403); MACSKCB ≠ XML1.MA_CSKCB rejects the HOSO", async () => {
      const before = await rowCounts(p.db);
      const foreign = syntheticEnvelope(0, 1, { facility: '92001', prefix: 'H' });
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: { 'x-api-key': key, 'content-type': 'application/xml' },
        payload: foreign,
      });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json<ErrorBody>().error.code, 'FACILITY_SCOPE_FORBIDDEN');
      assert.deepEqual(await rowCounts(p.db), before);
      await rejected(
        good.replace('<MACSKCB>92999</MACSKCB>', '<MACSKCB>92998</MACSKCB>'),
        'MACSKCB_MISMATCH',
      );
      await refused(
        good.replace('<MACSKCB>92999</MACSKCB>', '<MACSKCB>99999</MACSKCB>'),
        422,
        'FACILITY_UNKNOWN',
      );
    });

    test('tampered signed content is refused', async () => {
      const signed = envelopeSigner(k.keyPem, k.certPem).sign(
        syntheticEnvelope(0, 1, { facility: '92001', prefix: 'H' }),
      );
      const b64 = /<LOAIHOSO>XML2<\/LOAIHOSO>\s*<NOIDUNGFILE>([^<]*)</.exec(signed)![1]!;
      const drugs = Buffer.from(b64, 'base64')
        .toString('utf8')
        .replace(/<SO_LUONG>[^<]*</, '<SO_LUONG>99<');
      await refused(
        withPayload(signed, 'XML2', Buffer.from(drugs).toString('base64')),
        422,
        'SIGNATURE_DIGEST_MISMATCH',
      );
      await refused(
        signed.replace('<NGAYLAP>20260320', '<NGAYLAP>20260321'),
        422,
        'SIGNATURE_DIGEST_MISMATCH',
      );
    });

    test('a signature by a certificate that is not the registered one is refused', async () => {
      const signed = envelopeSigner(other.keyPem, other.certPem).sign(
        syntheticEnvelope(0, 1, { facility: '92001', prefix: 'H' }),
      );
      await refused(signed, 422, 'SIGNATURE_UNTRUSTED_CERTIFICATE');
      const stripped = signed.replace(/<KeyInfo>.*<\/KeyInfo>/s, '');
      assert.ok(!stripped.includes('KeyInfo'));
      await refused(stripped, 422, 'SIGNATURE_INVALID');
      await refused(syntheticEnvelope(0, 1, { facility: '92001', prefix: 'H' }), 422, 'SIGNATURE_REQUIRED');
      const ours = envelopeSigner(k.keyPem, k.certPem).sign(
        syntheticEnvelope(0, 1, { facility: '92001', prefix: 'H' }),
      );
      await refused(
        ours.replace(/<SignatureValue>[^<]*</, '<SignatureValue>AAAA<'),
        422,
        'SIGNATURE_INVALID',
      );
      await refused(
        signed.replace(/<CHUKYDONVI>.*<\/CHUKYDONVI>/s, '<CHUKYDONVI>chữ ký giả</CHUKYDONVI>'),
        422,
        'SIGNATURE_MALFORMED',
      );
    });

    test('malformed, truncated, empty, foreign and too deeply nested documents are refused', async () => {
      await refused(good.replace('</THONGTINDONVI>', '</THONGTINDONVl>'), 400, 'XML_MALFORMED');
      await refused(good.slice(0, Math.floor(good.length / 2)), 400, 'XML_TRUNCATED');
      await refused('<TONG_HOP><MA_LK>1</MA_LK></TONG_HOP>', 400, 'NOT_AN_ENVELOPE');
      await refused('   ', 400, 'EMPTY_INPUT');
      await refused(
        good.replace('<THONGTINDONVI>', `<THONGTINDONVI>${'<a>'.repeat(100)}${'</a>'.repeat(100)}`),
        413,
        'SIZE_LIMIT_EXCEEDED',
      );
      await rejected(
        good
          .replace('<DANHSACHHOSO>', '<DANHSACHHOSO><HOSO>')
          .replace('</DANHSACHHOSO>', '</HOSO></DANHSACHHOSO>'),
        'XML1_MISSING',
      );
    });

    test('an unsupported content type is refused (415)', async () => {
      await refused(good, 415, 'UNSUPPORTED_MEDIA_TYPE', 'text/plain');
    });
  });
}
