/**
 * Export and round trip: import → export → import gives the same stored episode; the real samples'
 * exported inner tables equal the originals field by field (after the documented quirks are
 * normalised); signed exports verify with our verifier and with xmlsec1; access and audit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { parseEnvelope, parseTable, REGISTRY, type TableId } from '@suckhoe/domain/xml130/index';
import { engines } from '../testing/engines.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';
import type { Queryable } from '../db/types.ts';
import { scanEnvelope } from '../ingest/dsig/scan.ts';
import { envelopeSigner } from '../ingest/dsig/sign.ts';
import { verifyEnvelopeSignature } from '../ingest/dsig/verify.ts';
import type { IngestReceipt } from '../ingest/receipt.ts';
import { readFixture, syntheticEnvelope } from '../ingest/synthetic.ts';
import {
  addFacilities,
  apiKeyFor,
  keyPair,
  patchInner,
  xmlsec1Available,
  type KeyPair,
} from '../ingest/test-support.ts';
import { loadEpisode } from './read.ts';

/** Inner documents of an envelope: table → decoded texts (one per FILEHOSO). */
function innerDocuments(xml: string | Buffer): Map<string, string[]> {
  const text = Buffer.isBuffer(xml) ? xml.toString('latin1') : xml;
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/<LOAIHOSO>(XML\d+)<\/LOAIHOSO>\s*<NOIDUNGFILE>([^<]*)<\/NOIDUNGFILE>/g)) {
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), Buffer.from(m[2]!, 'base64').toString('utf8')]);
  }
  return out;
}

const records = (table: string, docs: readonly string[]): Record<string, string>[] =>
  docs.flatMap((d) => {
    const r = parseTable(table as TableId, d);
    assert.ok(r.value, `${table} parses`);
    return r.value.records.map((x): Record<string, string> => ({ ...x }));
  });

/** Everything stored about an episode except what a resend changes by design. */
async function snapshot(db: Queryable, facility: string, maLk: string): Promise<unknown> {
  const [e] = await db.query<Record<string, unknown>>(
    'SELECT * FROM episode WHERE facility_code = $1 AND ma_lk = $2',
    [facility, maLk],
  );
  assert.ok(e);
  const volatile = new Set([
    'version',
    'received_at',
    'updated_at',
    'envelope_sha256',
    'hoso_index',
    'signed',
    'signature_verified',
    'warning_count',
  ]);
  const rest = Object.fromEntries(Object.entries(e).filter(([k]) => !volatile.has(k)));
  const child = async (t: string): Promise<unknown[]> =>
    db.query(`SELECT * FROM ${t} WHERE person_id = $1 AND episode_id = $2 ORDER BY 3, 4`, [
      e.person_id,
      e.id,
    ]);
  return {
    episode: rest,
    drugs: await child('episode_drug'),
    services: await child('episode_service'),
    labs: await child('episode_lab'),
    notes: await child('episode_note'),
    documents: await child('episode_document'),
  };
}

const XMLSEC = xmlsec1Available();
if (!XMLSEC)
  process.stderr.write('NOTICE: xmlsec1 not installed — the xmlsec1 check of signed exports is skipped\n');

for (const engine of engines()) {
  describe(`export GIAMDINHHS [${engine}]`, () => {
    let p: TestPlatform;
    let admin: string;
    let k: KeyPair;
    let key92999: string;
    let key94170: string;

    before(async () => {
      k = keyPair('So Y te - xuat du lieu');
      process.env.XML_SIGNING_KEY_FILE = k.keyFile;
      process.env.XML_SIGNING_CERT_FILE = k.certFile;
      try {
        p = await testPlatform(engine);
      } finally {
        delete process.env.XML_SIGNING_KEY_FILE;
        delete process.env.XML_SIGNING_CERT_FILE;
      }
      admin = await p.login();
      await addFacilities(p.db, [
        { code: '94170', acceptUnsigned: true },
        { code: '92999', acceptUnsigned: true },
        { code: '92001', certPem: k.certPem },
      ]);
      key92999 = await apiKeyFor(p.db, '92999');
      key94170 = await apiKeyFor(p.db, '94170');
    });
    after(async () => {
      k.cleanup();
      await p.dispose();
    });

    const send = async (
      xml: string | Buffer,
      auth: Record<string, string> = { authorization: admin },
    ): Promise<IngestReceipt> => {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: { 'content-type': 'application/xml', ...auth },
        payload: xml,
      });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<IngestReceipt>();
    };
    const fetchXml = async (
      facility: string,
      maLk: string,
      auth: Record<string, string> = { authorization: admin },
    ) =>
      p.app.inject({
        method: 'GET',
        url: `/api/v1/episodes/${facility}/${encodeURIComponent(maLk)}/xml130`,
        headers: auth,
      });

    test('import → export → import gives the same stored episode (every table)', async () => {
      const r = await send(syntheticEnvelope(0, 4, { facility: '92999', allTables: true, prefix: 'RT' }));
      assert.equal(r.accepted, 4);
      for (const res of r.results) {
        const first = await snapshot(p.db, '92999', res.maLk);
        const tablesBefore = (await loadEpisode(p.db, '92999', res.maLk))!.tables;
        const exported = await fetchXml('92999', res.maLk, { 'x-api-key': key92999 });
        assert.equal(exported.statusCode, 200);
        const again = await send(exported.body.replace(/<CHUKYDONVI>.*<\/CHUKYDONVI>/s, '<CHUKYDONVI/>'));
        assert.equal(again.accepted, 1, JSON.stringify(again.results[0]?.errors));
        assert.equal(again.results[0]!.version, 2);
        assert.deepEqual(await snapshot(p.db, '92999', res.maLk), first);
        assert.deepEqual((await loadEpisode(p.db, '92999', res.maLk))!.tables, tablesBefore);
      }
    });

    test('real samples: exported inner tables equal the originals field by field, every element in table order', async () => {
      for (const name of ['inpatient', 'followUp'] as const) {
        const original = patchInner(readFixture(name));
        const r = await send(original, { 'x-api-key': key94170 });
        assert.equal(r.accepted, 1, JSON.stringify(r.results[0]?.errors));
        const exported = await fetchXml('94170', 'LK-SAMPLE-01');
        assert.equal(exported.statusCode, 200);
        const before = innerDocuments(original);
        const afterExport = innerDocuments(exported.body);
        assert.deepEqual([...afterExport.keys()].sort(), [...before.keys()].sort(), name);
        for (const [table, docs] of before) {
          assert.deepEqual(records(table, afterExport.get(table)!), records(table, docs), `${name} ${table}`);
          // Strict emission: every field element of the registry, in order, in every record.
          const names = REGISTRY.tables[table as TableId].fields.map((f) => f.name);
          for (const doc of afterExport.get(table)!) {
            const spec = REGISTRY.tables[table as TableId];
            const perRecord = spec.record ? doc.split(`<${spec.record}>`).slice(1) : [doc];
            for (const rec of perRecord) {
              const seen = [...rec.matchAll(/<([A-Z_0-9]+)(?:\/>|>)/g)]
                .map((m) => m[1])
                .filter((n) => names.includes(n!));
              assert.deepEqual(seen, names, `${name} ${table}: every element in table order`);
            }
          }
        }
        // The emitted file reads back without any leniency warning of the reader.
        const parsed = parseEnvelope(exported.body.replace(/<CHUKYDONVI>.*<\/CHUKYDONVI>/s, '<CHUKYDONVI/>'));
        assert.ok(parsed.ok);
        assert.deepEqual(
          parsed.warnings.filter((w) => w.rule !== 'CHUKYDONVI_MISSING'),
          [],
        );
      }
    });

    test('exports are signed with the configured key: ours, xmlsec1 and the ingest of a facility with that certificate accept them', async () => {
      // 92001 only takes signed files: store one through the API, signed with its registered key.
      const stored = await send(
        envelopeSigner(k.keyPem, k.certPem).sign(
          syntheticEnvelope(0, 1, { facility: '92001', prefix: 'SX' }),
        ),
      );
      assert.equal(stored.accepted, 1);
      const exported = await fetchXml('92001', stored.results[0]!.maLk);
      assert.equal(exported.statusCode, 200);
      assert.match(exported.headers['content-type'] as string, /application\/xml/);
      const scan = scanEnvelope(Buffer.from(exported.body));
      assert.equal(verifyEnvelopeSignature(scan, k.certPem).code, 'SIGNATURE_VALID');
      if (XMLSEC) {
        const file = k.write('export.xml', exported.body);
        const v = spawnSync('xmlsec1', ['--verify', '--pubkey-cert-pem', k.certFile, file], {
          encoding: 'utf8',
        });
        assert.equal(v.status, 0, v.stderr);
      }
      const again = await send(exported.body);
      assert.equal(again.accepted, 1);
      assert.equal(again.envelope.signatureVerified, true);
    });

    test('who may export: the facility (staff, API key) and admins; other facilities 403; unknown 404; audited', async () => {
      const r = await send(syntheticEnvelope(7, 1, { facility: '92999', prefix: 'ACL' }));
      const maLk = r.results[0]!.maLk;
      assert.equal((await fetchXml('92999', maLk, { 'x-api-key': key94170 })).statusCode, 403);
      assert.equal((await fetchXml('92999', 'NO-SUCH-EPISODE')).statusCode, 404);
      assert.equal((await fetchXml('92999', maLk, {})).statusCode, 401);
      assert.equal((await fetchXml('92999', maLk, { 'x-api-key': key92999 })).statusCode, 200);
      const [ev] = await p.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'export' AND resource_id = $1 AND person_id = $2`,
        [`92999/${maLk}`, r.results[0]!.personId],
      );
      assert.equal(ev?.n, 1);
    });
  });
}
