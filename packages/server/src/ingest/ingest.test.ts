/**
 * POST /api/v1/xml130 end to end on the real app and database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): real samples, generated episodes for every table, resends, signatures, sender
 * scope, person matching, partial batches and audit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emitEnvelope, type Hoso } from '@suckhoe/domain/xml130/index';
import { engines } from '../testing/engines.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';
import { createUser } from '../auth/users.ts';
import { loadPersonFacts } from '../auth/person-facts.ts';
import { mergePersons } from '../persons/duplicates.ts';
import { insertPersons } from '../persons/repo.ts';
import { envelopeSigner } from './dsig/sign.ts';
import { readFixture, syntheticEnvelope, syntheticHoso } from './synthetic.ts';
import { addFacilities, apiKeyFor, keyPair, rowCounts, type KeyPair } from './test-support.ts';
import type { IngestReceipt } from './receipt.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: { errors?: { field: string | null; rule: string }[] } };
}

const rules = (r: IngestReceipt, i = 0): string[] =>
  (r.results[i]?.errors ?? []).map((e) => `${e.rule}:${e.table}.${e.field ?? ''}`);

for (const engine of engines()) {
  describe(`POST /api/v1/xml130 [${engine}]`, () => {
    let p: TestPlatform;
    let admin: string;
    let k: KeyPair;
    let other: KeyPair;
    let key94170: string;
    let key92001: string;

    const post = async (body: string | Buffer, auth: Record<string, string>, type = 'application/xml') =>
      p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: { 'content-type': type, ...auth },
        payload: body,
      });
    const ok = async (body: string | Buffer, auth: Record<string, string>): Promise<IngestReceipt> => {
      const r = await post(body, auth);
      assert.equal(r.statusCode, 200, r.body);
      return r.json<IngestReceipt>();
    };

    before(async () => {
      p = await testPlatform(engine);
      admin = await p.login();
      k = keyPair('Benh vien 92001');
      other = keyPair('Ke gia mao');
      await addFacilities(p.db, [
        { code: '94170', acceptUnsigned: true },
        { code: '92001', certPem: k.certPem },
        { code: '92002' },
        { code: '92999', acceptUnsigned: true },
      ]);
      key94170 = await apiKeyFor(p.db, '94170');
      key92001 = await apiKeyFor(p.db, '92001');
    });
    after(async () => {
      k.cleanup();
      other.cleanup();
      await p.dispose();
    });

    test('real samples: the NEGATIVE one is rejected by the totals rule (T_THUOC), nothing stored', async () => {
      const before = await rowCounts(p.db);
      const r = await ok(readFixture('negative'), { 'x-api-key': key94170 });
      assert.equal(r.accepted, 0);
      assert.equal(r.rejected, 1);
      const res = r.results[0]!;
      assert.equal(res.status, 'rejected');
      assert.equal(res.maLk, 'LK-SAMPLE-01');
      const thuoc = res.errors.find((e) => e.rule === 'TOTAL_T_THUOC');
      assert.ok(thuoc, JSON.stringify(res.errors));
      assert.equal(thuoc.table, 'XML1');
      assert.equal(thuoc.field, 'T_THUOC');
      assert.match(thuoc.message, /T_THUOC/);
      assert.deepEqual(await rowCounts(p.db), before);
    });

    test('real samples 01 and 03 as sent: accepted with exactly the expected warnings, stored with the episode', async () => {
      // Hospitals send these files exactly like this: the empty "Y" fields (XML4.TEN_CHI_SO, XML9.GHI_CHU,
      // XML2.HAM_LUONG / DUONG_DUNG) are FIELD_EMPTY_TOLERATED warnings (domain amendments PRACTICE-*).
      const warned = (r: IngestReceipt): string[] =>
        [...new Set(r.results[0]!.warnings.map((w) => `${w.rule}:${w.table}.${w.field ?? ''}`))].sort();
      const r1 = await ok(readFixture('inpatient'), { 'x-api-key': key94170 });
      assert.equal(r1.accepted, 1, JSON.stringify(r1.results[0]?.errors));
      assert.deepEqual(r1.results[0]!.errors, []);
      assert.deepEqual(warned(r1), [
        'DECIMAL_COMMA:XML1.T_BHTT',
        'DECIMAL_COMMA:XML1.T_BNCCT',
        'DECIMAL_COMMA:XML2.T_BHTT',
        'DECIMAL_COMMA:XML2.T_BNCCT',
        'DECIMAL_COMMA:XML3.SO_LUONG',
        'FIELD_EMPTY_TOLERATED:XML4.TEN_CHI_SO',
        'FIELD_EMPTY_TOLERATED:XML9.GHI_CHU',
        'PATTERN_WARNING:XML9.MA_BHXH_NND',
        'PERSON_REVIEW:XML1.SO_CCCD',
        'TOTAL_T_BHTT_GDV:XML1.T_BHTT_GDV',
        'UNSIGNED_ACCEPTED:GIAMDINHHS.CHUKYDONVI',
        'VALUE_PADDED:XML1.THANG_QT',
      ]);
      const stored = await p.db.query<{ rule: string; severity: string; message: string }>(
        `SELECT f.rule, f.severity, f.message FROM episode_finding f
           JOIN episode e ON e.person_id = f.person_id AND e.id = f.episode_id
          WHERE e.facility_code = '94170' AND e.ma_lk = 'LK-SAMPLE-01' AND f.rule = 'FIELD_EMPTY_TOLERATED'
          ORDER BY f.table_id`,
      );
      assert.deepEqual(
        stored.map((x) => [x.rule, x.severity]),
        [
          ['FIELD_EMPTY_TOLERATED', 'warning'],
          ['FIELD_EMPTY_TOLERATED', 'warning'],
        ],
      );
      assert.ok(
        stored.every((x) => /để trống/.test(x.message)),
        'Vietnamese message stored',
      );
      const [e] = await p.db.query<Record<string, unknown>>(
        `SELECT encounter_type, main_icd, drug_count, service_count, lab_count, copayment, settlement_month, signed, tables
           FROM episode WHERE facility_code = '94170' AND ma_lk = 'LK-SAMPLE-01'`,
      );
      assert.deepEqual(
        { ...e, tables: [...(e!.tables as string[])].sort() },
        {
          encounter_type: '03',
          main_icd: 'O34.2',
          drug_count: 7,
          service_count: 13,
          lab_count: 32,
          copayment: 781970.8,
          settlement_month: 3,
          signed: false,
          tables: ['XML1', 'XML14', 'XML2', 'XML3', 'XML4', 'XML5', 'XML7', 'XML8', 'XML9'],
        },
      );
      const docs = await p.db.query<{ table_id: string }>(
        `SELECT table_id FROM episode_document d JOIN episode e ON e.person_id = d.person_id AND e.id = d.episode_id
          WHERE e.ma_lk = 'LK-SAMPLE-01' ORDER BY table_id`,
      );
      assert.deepEqual(
        docs.map((d) => d.table_id),
        ['XML14', 'XML7', 'XML8', 'XML9'],
      );
      const [review] = await p.db.query<{ reason: string }>(
        `SELECT reason FROM ingest_person_review WHERE ma_lk = 'LK-SAMPLE-01'`,
      );
      assert.equal(review?.reason, 'no_identifier');
      // The envelope is kept byte for byte.
      const [env] = await p.db.query<{ size_bytes: number }>(
        `SELECT x.size_bytes FROM xml_envelope x JOIN episode e ON e.envelope_sha256 = x.sha256 WHERE e.ma_lk = 'LK-SAMPLE-01'`,
      );
      assert.equal(env?.size_bytes, readFixture('inpatient').length);
      // sample03: a second episode of the same facility, same MA_LK → it replaces the first.
      const r3 = await ok(readFixture('followUp'), { 'x-api-key': key94170 });
      assert.equal(r3.accepted, 1, JSON.stringify(r3.results[0]?.errors));
      assert.equal(r3.results[0]!.version, 2);
      assert.deepEqual(warned(r3), [
        'FIELD_EMPTY_TOLERATED:XML2.DUONG_DUNG',
        'FIELD_EMPTY_TOLERATED:XML2.HAM_LUONG',
        'FIELD_EXPECTED_IF:XML3.MA_MAY',
        'PERSON_REVIEW:XML1.SO_CCCD',
        'TOTAL_T_BHTT_GDV:XML1.T_BHTT_GDV',
        'UNSIGNED_ACCEPTED:GIAMDINHHS.CHUKYDONVI',
        'XSI_NAMESPACE_TYPO:XML1.',
        'XSI_NAMESPACE_TYPO:XML2.',
      ]);
    });

    test('generated episodes with every table: accepted, one row per record, resend replaces without duplicates', async () => {
      const xml = syntheticEnvelope(0, 12, { facility: '92999', allTables: true, prefix: 'ALL' });
      const before = await rowCounts(p.db);
      const r = await ok(xml, { authorization: admin });
      assert.equal(r.accepted, 12, JSON.stringify(r.results.find((x) => x.status === 'rejected')));
      const after1 = await rowCounts(p.db);
      const grew = (t: string): number => after1[t]! - before[t]!;
      assert.equal(grew('episode'), 12);
      assert.equal(grew('xml_envelope'), 1);
      for (const t of ['episode_drug', 'episode_service', 'episode_lab', 'episode_note', 'episode_document'])
        assert.ok(grew(t) > 0, t);
      const kinds = await p.db.query<{ table_id: string; n: number }>(
        `SELECT table_id, count(*)::int AS n FROM episode_document WHERE facility_code = '92999' GROUP BY table_id ORDER BY table_id`,
      );
      assert.deepEqual(
        kinds.map((x) => x.table_id),
        ['XML10', 'XML11', 'XML13', 'XML14', 'XML15', 'XML6', 'XML7', 'XML8', 'XML9'],
      );
      const again = await ok(xml, { authorization: admin });
      assert.equal(again.accepted, 12);
      assert.ok(again.results.every((x) => x.version === 2));
      assert.deepEqual(
        again.results.map((x) => x.personId),
        r.results.map((x) => x.personId),
      );
      assert.deepEqual(await rowCounts(p.db), after1, 'a resend stores nothing twice');
    });

    test('a resend with fewer lines replaces the lines atomically', async () => {
      const h = syntheticHoso(1, { facility: '92999', prefix: 'RESEND', drugs: 8 });
      const send = (hoso: Hoso) =>
        ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [hoso] }), { authorization: admin });
      await send(h);
      const fewer = syntheticHoso(1, { facility: '92999', prefix: 'RESEND', drugs: 2 });
      const r = await send(fewer);
      assert.equal(r.accepted, 1);
      const [row] = await p.db.query<{ drugs: number; drug_count: number; version: number }>(
        `SELECT (SELECT count(*)::int FROM episode_drug d WHERE d.person_id = e.person_id AND d.episode_id = e.id) AS drugs, drug_count, version
           FROM episode e WHERE facility_code = '92999' AND ma_lk = 'RESEND1-00000001'`,
      );
      assert.deepEqual(row, { drugs: 2, drug_count: 2, version: 2 });
    });

    test('good episodes of a batch are stored even when others are rejected', async () => {
      const hoso = [0, 1, 2].map((i) => syntheticHoso(i, { facility: '92999', prefix: 'MIX' }));
      const bad = hoso[1]!.tables.XML1![0]! as Record<string, string>;
      bad.T_THUOC = '1.00';
      const r = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso }), {
        authorization: admin,
      });
      assert.deepEqual(
        r.results.map((x) => x.status),
        ['accepted', 'rejected', 'accepted'],
      );
      assert.ok(rules(r, 1).includes('TOTAL_T_THUOC:XML1.T_THUOC'));
      const stored = await p.db.query<{ ma_lk: string }>(
        `SELECT ma_lk FROM episode WHERE ma_lk LIKE 'MIX%' ORDER BY ma_lk`,
      );
      assert.deepEqual(
        stored.map((s) => s.ma_lk),
        ['MIX1-00000000', 'MIX1-00000002'],
      );
    });

    test('the same MA_LK twice in one envelope: the second is rejected', async () => {
      const h = syntheticHoso(5, { facility: '92999', prefix: 'DUP' });
      const r = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [h, h] }), {
        authorization: admin,
      });
      assert.deepEqual(
        r.results.map((x) => x.status),
        ['accepted', 'rejected'],
      );
      assert.ok(rules(r, 1).includes('DUPLICATE_MA_LK:XML1.MA_LK'));
    });

    test('signed envelopes: verified against the registered certificate; unsigned refused where required', async () => {
      const xml = syntheticEnvelope(0, 3, { facility: '92001', prefix: 'SIG' });
      const signed = envelopeSigner(k.keyPem, k.certPem).sign(xml);
      const r = await ok(signed, { 'x-api-key': key92001 });
      assert.equal(r.accepted, 3);
      assert.equal(r.envelope.signatureVerified, true);
      const [row] = await p.db.query<{
        signed: boolean;
        signature_verified: boolean;
        certificate_sha256: string;
      }>(`SELECT signed, signature_verified, certificate_sha256 FROM xml_envelope WHERE sha256 = $1`, [
        r.envelope.sha256,
      ]);
      assert.ok(row);
      assert.equal(row.signed, true);
      assert.equal(row.signature_verified, true);
      assert.equal(row.certificate_sha256, envelopeSigner(k.keyPem, k.certPem).certificateSha256);
      const unsigned = await post(syntheticEnvelope(3, 1, { facility: '92001', prefix: 'SIG' }), {
        'x-api-key': key92001,
      });
      assert.equal(unsigned.statusCode, 422);
      assert.equal(unsigned.json<ErrorBody>().error.code, 'SIGNATURE_REQUIRED');
      const noCert = await post(
        envelopeSigner(k.keyPem, k.certPem).sign(syntheticEnvelope(0, 1, { facility: '92002' })),
        { authorization: admin },
      );
      assert.equal(noCert.json<ErrorBody>().error.code, 'SIGNATURE_NO_CERTIFICATE');
    });

    test('the JSON portal form { fileHSBase64 } is accepted like the XML body', async () => {
      const xml = syntheticEnvelope(0, 2, { facility: '94170', prefix: 'B64' });
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: { 'x-api-key': key94170 },
        payload: { fileHSBase64: Buffer.from(xml).toString('base64') },
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<IngestReceipt>().accepted, 2);
    });

    test('dry run validates and stores nothing', async () => {
      const before = await rowCounts(p.db);
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130?dryRun=true',
        headers: { 'content-type': 'application/xml', authorization: admin },
        payload: syntheticEnvelope(0, 3, { facility: '92999', prefix: 'DRY' }),
      });
      assert.equal(r.statusCode, 200);
      assert.equal(r.json<IngestReceipt>().accepted, 3);
      assert.equal(r.json<IngestReceipt>().dryRun, true);
      assert.deepEqual(await rowCounts(p.db), before);
    });

    test('who may send: integration clients and facility admins for their own facility, admins for all', async () => {
      const xml = syntheticEnvelope(0, 1, { facility: '92999', prefix: 'WHO' });
      const anonymous = await post(xml, {});
      assert.equal(anonymous.statusCode, 401);
      await createUser(p.db, {
        username: 'bs92999',
        fullName: 'Bác sĩ',
        password: 'Mat-khau-2026',
        roles: ['clinician'],
        facilityCode: '92999',
      });
      const clinician = await post(xml, { authorization: await p.login('bs92999', 'Mat-khau-2026') });
      assert.equal(clinician.statusCode, 403);
      await createUser(p.db, {
        username: 'qt92999',
        fullName: 'Quản trị',
        password: 'Mat-khau-2026',
        roles: ['facility_admin'],
        facilityCode: '92999',
      });
      const own = await post(xml, { authorization: await p.login('qt92999', 'Mat-khau-2026') });
      assert.equal(own.statusCode, 200);
      const before = await rowCounts(p.db);
      const foreign = await post(syntheticEnvelope(0, 1, { facility: '92999', prefix: 'FOREIGN' }), {
        'x-api-key': key94170,
      });
      assert.equal(foreign.statusCode, 403);
      assert.equal(foreign.json<ErrorBody>().error.code, 'FACILITY_SCOPE_FORBIDDEN');
      assert.deepEqual(await rowCounts(p.db), before);
    });

    test('persons: matched by personal ID, then by BHXH number; created once per person; audited', async () => {
      const a = syntheticHoso(100, { facility: '92999', prefix: 'PA', patients: 1 });
      const b = syntheticHoso(101, { facility: '92999', prefix: 'PB', patients: 1 }); // same patient as `a`
      const x1 = a.tables.XML1![0]!;
      const r = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [a, b] }), {
        authorization: admin,
      });
      assert.equal(r.accepted, 2);
      assert.equal(r.results[0]!.personId, r.results[1]!.personId);
      const personId = r.results[0]!.personId!;
      const [person] = await p.db.query<{ personal_id: string; full_name: string }>(
        'SELECT personal_id, full_name FROM person WHERE id = $1',
        [personId],
      );
      assert.equal(person?.personal_id, x1.SO_CCCD);
      // Without the personal ID, the BHYT card (its BHXH number) finds the same person.
      const c = syntheticHoso(102, { facility: '92999', prefix: 'PC', patients: 1 });
      (c.tables.XML1![0]! as Record<string, string>).SO_CCCD = '';
      const r2 = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [c] }), {
        authorization: admin,
      });
      assert.equal(r2.results[0]!.personId, personId);
      const events = await p.db.query<{ action: string; resource_type: string; n: number }>(
        `SELECT action, resource_type, count(*)::int AS n FROM audit_event
          WHERE person_id = $1 AND (resource_type = 'Person' OR resource_id ~ '^92999/P[ABC]1-') GROUP BY 1, 2 ORDER BY 1, 2`,
        [personId],
      );
      assert.deepEqual(events, [
        { action: 'create', resource_type: 'Person', n: 1 },
        { action: 'import', resource_type: 'Episode', n: 3 },
      ]);
      // Every episode is a care relationship of its facility (auth/care-sources.ts).
      assert.equal((await loadPersonFacts(p.db, personId, '92999', 100_000)).care, true);
      assert.equal((await loadPersonFacts(p.db, personId, '92002', 100_000)).care, false);
    });

    test('after a reviewer merges two persons, the episodes moved and new ones find the survivor', async () => {
      const first = syntheticHoso(400, { facility: '92999', prefix: 'MG', patients: 1, seed: 3 });
      const r1 = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [first] }), {
        authorization: admin,
      });
      const merged = r1.results[0]!.personId!;
      const x1 = first.tables.XML1![0]!;
      const [survivor] = await insertPersons(p.db, [
        { fullName: x1.HO_TEN, birthDate: x1.NGAY_SINH.slice(0, 4), sex: 'unknown' },
      ]);
      await mergePersons(p.db, survivor!, merged, 'test', 'cùng một người');
      for (const t of ['episode', 'episode_drug', 'episode_service', 'episode_lab', 'episode_finding']) {
        const [left] = await p.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${t} WHERE person_id = $1`,
          [merged],
        );
        assert.equal(left?.n, 0, `${t} rows moved to the survivor`);
      }
      const again = syntheticHoso(401, { facility: '92999', prefix: 'MG', patients: 1, seed: 3 });
      const r2 = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [again, first] }), {
        authorization: admin,
      });
      assert.deepEqual(
        r2.results.map((x) => x.personId),
        [survivor, survivor],
      );
    });

    test('identifiers pointing at different persons go to the review queue, never merged', async () => {
      const a = syntheticHoso(200, { facility: '92999', prefix: 'CA', patients: 1 });
      const b = syntheticHoso(300, { facility: '92999', prefix: 'CB', patients: 1, seed: 2 }); // another person
      const ra = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [a] }), {
        authorization: admin,
      });
      const rb = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [b] }), {
        authorization: admin,
      });
      const mixed = syntheticHoso(201, { facility: '92999', prefix: 'CM', patients: 1 });
      // A's personal ID with B's card (in every table that repeats the card).
      for (const rec of [mixed.tables.XML1![0]!, ...(mixed.tables.XML14 ?? [])]) {
        (rec as Record<string, string>).MA_THE_BHYT = b.tables.XML1![0]!.MA_THE_BHYT;
      }
      const rm = await ok(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [mixed] }), {
        authorization: admin,
      });
      assert.equal(rm.results[0]!.personId, ra.results[0]!.personId, JSON.stringify(rm.results[0]?.errors));
      const [review] = await p.db.query<{ reason: string; candidates: string[] }>(
        `SELECT reason, candidates FROM ingest_person_review WHERE ma_lk = 'CM1-00000201'`,
      );
      assert.ok(review);
      assert.equal(review.reason, 'identifier_conflict');
      assert.deepEqual(review.candidates, [rb.results[0]!.personId]);
      const statuses = await p.db.query<{ status: string }>(
        `SELECT status FROM person WHERE id = ANY($1::uuid[])`,
        [[ra.results[0]!.personId, rb.results[0]!.personId]],
      );
      assert.deepEqual(
        statuses.map((x) => x.status),
        ['active', 'active'],
      );
    });
  });
}
