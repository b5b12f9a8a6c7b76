/**
 * The person review queue of ingest over HTTP (PGlite, and PostgreSQL with TEST_DATABASE_URL): real
 * sample files without usable identifiers go to the queue; registrars list their facility's items with
 * candidates and resolve them (link, create, reject) — the episode and its rows move atomically, the
 * decision is recorded and audited, a second decision gets 409.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines } from '../testing/engines.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';
import { createUser } from '../auth/users.ts';
import { insertPersons } from '../persons/repo.ts';
import { readFixture } from './synthetic.ts';
import { addFacilities, apiKeyFor } from './test-support.ts';
import type { IngestReceipt } from './receipt.ts';

interface Item {
  id: string;
  status: string;
  reason: string;
  facilityCode: string;
  maLk: string;
  episodeId: string;
  patient: { fullName: string; birthDate: string | null; sex: string } | null;
  episode: { encounterType: string | null } | null;
  currentPerson: { id: string; phone?: unknown } | null;
  candidates: {
    person: { id: string; phone?: unknown; address: Record<string, unknown> };
    sources: string[];
  }[];
  resolution: {
    kind: string;
    personId: string | null;
    resolvedBy: string | null;
    resolvedAt: string | null;
    reason: string | null;
  } | null;
}
interface List {
  items: Item[];
  total: number;
}
interface Outcome {
  resolution: string;
  personId: string;
  previousPersonId: string;
  moved: boolean;
  personCreated: boolean;
  mergedPersonId: string | null;
  resolvedBy: string;
  replayed: boolean;
}

/** The real sample with another MA_LK in every inner table (a distinct episode of the same facility). */
function withMaLk(envelope: Buffer, maLk: string): Buffer {
  const text = envelope.toString('latin1');
  const out = text.replace(
    /(<NOIDUNGFILE>)([^<]*)(<\/NOIDUNGFILE>)/g,
    (_w, head: string, b64: string, tail: string) =>
      `${head}${Buffer.from(
        Buffer.from(b64, 'base64').toString('utf8').replaceAll('LK-SAMPLE-01', maLk),
        'utf8',
      ).toString('base64')}${tail}`,
  );
  return Buffer.from(out, 'latin1');
}

const EPISODE_TABLES = [
  'episode',
  'episode_drug',
  'episode_service',
  'episode_lab',
  'episode_note',
  'episode_document',
  'episode_finding',
];

for (const engine of engines()) {
  describe(`ingest person review queue [${engine}]`, () => {
    let p: TestPlatform;
    let admin: string;
    let registrar: string;
    let registrar2: string;
    let facilityAdmin: string;
    let otherRegistrar: string;
    let clinician: string;
    let key: string;
    let existing: string;

    const ingest = async (maLk: string): Promise<IngestReceipt> => {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/xml130',
        headers: { 'content-type': 'application/xml', 'x-api-key': key },
        payload: withMaLk(readFixture('inpatient'), maLk),
      });
      assert.equal(r.statusCode, 200, r.body);
      const receipt = r.json<IngestReceipt>();
      assert.equal(receipt.accepted, 1, r.body);
      return receipt;
    };
    const list = async (token: string, query = '') =>
      p.app.inject({
        method: 'GET',
        url: `/api/v1/ingest/reviews${query}`,
        headers: { authorization: token },
      });
    const resolve = async (token: string, id: string, body: unknown) =>
      p.app.inject({
        method: 'POST',
        url: `/api/v1/ingest/reviews/${id}/resolve`,
        headers: { authorization: token },
        payload: body as Record<string, unknown>,
      });
    const itemFor = async (maLk: string): Promise<Item> => {
      const r = await list(registrar, '?limit=50');
      assert.equal(r.statusCode, 200, r.body);
      const item = r.json<List>().items.find((x) => x.maLk === maLk);
      assert.ok(item, `${maLk} queued`);
      return item;
    };
    /** Rows of the episode per table, by person. */
    const rowsOf = async (episodeId: string): Promise<Record<string, string[]>> => {
      const out: Record<string, string[]> = {};
      for (const t of EPISODE_TABLES) {
        const col = t === 'episode' ? 'id' : 'episode_id';
        const rows = await p.db.query<{ person_id: string }>(
          `SELECT DISTINCT person_id::text AS person_id FROM ${t} WHERE ${col} = $1`,
          [episodeId],
        );
        out[t] = rows.map((r) => r.person_id);
      }
      return out;
    };
    const user = async (
      username: string,
      roles: ('registrar' | 'facility_admin' | 'clinician')[],
      facility: string,
    ) => {
      await createUser(p.db, {
        username,
        fullName: username,
        password: 'mat-khau-du-dai-1',
        roles,
        facilityCode: facility,
      });
      return p.login(username, 'mat-khau-du-dai-1');
    };

    before(async () => {
      p = await testPlatform(engine);
      admin = await p.login();
      await addFacilities(p.db, [
        { code: '94170', acceptUnsigned: true },
        { code: '92001', acceptUnsigned: true },
      ]);
      key = await apiKeyFor(p.db, '94170');
      registrar = await user('tiepnhan94170', ['registrar'], '94170');
      registrar2 = await user('tiepnhan94170b', ['registrar'], '94170');
      facilityAdmin = await user('quantri94170', ['facility_admin'], '94170');
      otherRegistrar = await user('tiepnhan92001', ['registrar'], '92001');
      clinician = await user('bacsi94170', ['clinician'], '94170');
      // A person already in the registry with the sample patient's name and birth date.
      [existing] = (await insertPersons(p.db, [
        {
          fullName: 'Nguyễn Văn A (Đã Ẩn)',
          birthDate: '1996-01-01',
          sex: 'female',
          phone: '0912345678',
          address: { provinceCode: '92', communeCode: null, line: 'Số 1 đường A' },
        },
      ])) as [string];
    });
    after(async () => {
      await p.dispose();
    });

    test('an episode without usable identifiers is queued; its facility lists it with the patient and candidates', async () => {
      await ingest('LK-REVIEW-01');
      const r = await list(registrar);
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json<List>();
      assert.equal(body.total, 1);
      const item = body.items[0]!;
      assert.equal(item.status, 'open');
      assert.equal(item.reason, 'no_identifier');
      assert.equal(item.facilityCode, '94170');
      assert.ok(item.patient);
      assert.equal(item.patient.fullName, 'NGUYEN VAN A (DA AN)');
      assert.equal(item.patient.birthDate, '1996-01-01');
      assert.equal(item.patient.sex, 'female');
      assert.equal(item.episode?.encounterType, '03');
      assert.ok(item.currentPerson, 'the person ingest stored it under');
      const cand = item.candidates.find((c) => c.person.id === existing);
      assert.ok(cand, JSON.stringify(item.candidates));
      assert.deepEqual(cand.sources, ['ingest', 'name_birth']);
      assert.equal(cand.person.phone, undefined, 'candidates are shown like search results');
      assert.equal(cand.person.address.line, undefined);
      assert.ok(!item.candidates.some((c) => c.person.id === item.currentPerson!.id));
      // Another facility's registrar sees nothing of it; admin sees every facility; a clinician is refused.
      assert.equal((await list(otherRegistrar)).json<List>().total, 0);
      assert.equal((await list(otherRegistrar, '?facility=94170')).statusCode, 403);
      assert.equal((await list(admin, '?facility=94170')).json<List>().total, 1);
      assert.equal((await list(clinician)).statusCode, 403);
      assert.equal((await list(registrar, '?status=resolved')).json<List>().total, 0);
      const one = await p.app.inject({
        method: 'GET',
        url: `/api/v1/ingest/reviews/${item.id}`,
        headers: { authorization: registrar },
      });
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.json<Item>().id, item.id);
      const hidden = await p.app.inject({
        method: 'GET',
        url: `/api/v1/ingest/reviews/${item.id}`,
        headers: { authorization: otherRegistrar },
      });
      assert.equal(hidden.statusCode, 404);
    });

    test('link to an existing person: the episode and all its rows move in one go, decision recorded and audited', async () => {
      const item = await itemFor('LK-REVIEW-01');
      const provisional = item.currentPerson!.id;
      const before = await rowsOf(item.episodeId);
      for (const t of EPISODE_TABLES) assert.deepEqual(before[t], [provisional], t);

      // Refusals first: nothing changes.
      const bad = await resolve(registrar, item.id, {});
      assert.equal(bad.statusCode, 400, bad.body);
      const missing = await resolve(registrar, item.id, { personId: '00000000-0000-4000-8000-000000000000' });
      assert.equal(missing.statusCode, 422, missing.body);
      assert.equal(missing.json<{ error: { code: string } }>().error.code, 'PERSON_NOT_FOUND');
      const foreign = await resolve(otherRegistrar, item.id, { personId: existing });
      assert.equal(foreign.statusCode, 404, foreign.body);
      assert.equal(foreign.json<{ error: { code: string } }>().error.code, 'REVIEW_NOT_FOUND');
      assert.deepEqual(await rowsOf(item.episodeId), before);

      const r = await resolve(registrar, item.id, { personId: existing });
      assert.equal(r.statusCode, 200, r.body);
      const o = r.json<Outcome>();
      assert.equal(o.resolution, 'linked');
      assert.equal(o.personId, existing);
      assert.equal(o.previousPersonId, provisional);
      assert.equal(o.moved, true);
      assert.equal(o.resolvedBy, 'tiepnhan94170');
      assert.equal(o.mergedPersonId, provisional, 'the empty person ingest created is merged away');
      const after = await rowsOf(item.episodeId);
      for (const t of EPISODE_TABLES) assert.deepEqual(after[t], [existing], t);
      const [prov] = await p.db.query<{ status: string; merged_into: string }>(
        'SELECT status, merged_into::text AS merged_into FROM person WHERE id = $1',
        [provisional],
      );
      assert.deepEqual(prov, { status: 'merged', merged_into: existing });
      const [row] = await p.db.query<{
        status: string;
        resolved_by: string;
        resolved_at: unknown;
        person_id: string;
      }>(
        'SELECT status, resolved_by, resolved_at, person_id::text AS person_id FROM ingest_person_review WHERE id = $1',
        [item.id],
      );
      assert.equal(row?.status, 'resolved');
      assert.equal(row.resolved_by, 'tiepnhan94170');
      assert.ok(row.resolved_at);
      assert.equal(row.person_id, existing);
      const audit = await p.db.query<{ action: string; resource_type: string; person_id: string | null }>(
        `SELECT action, resource_type, person_id::text AS person_id FROM audit_event
          WHERE actor_name = 'tiepnhan94170' AND resource_type IN ('IngestPersonReview', 'Episode', 'Person')
            AND action <> 'search' AND action <> 'read' ORDER BY seq`,
      );
      assert.deepEqual(
        audit.map(
          (a) => `${a.action} ${a.resource_type} ${a.person_id === existing ? 'chosen' : 'previous'}`,
        ),
        [
          'update IngestPersonReview chosen',
          'update Episode previous',
          'update Episode chosen',
          'merge Person chosen',
        ],
      );
      // The queue no longer lists it as open; the resolved list shows the decision.
      assert.equal((await list(registrar)).json<List>().total, 0);
      const resolved = (await list(registrar, '?status=resolved')).json<List>().items[0]!;
      assert.deepEqual(resolved.resolution, {
        kind: 'linked',
        personId: existing,
        reason: null,
        resolvedBy: 'tiepnhan94170',
        resolvedAt: resolved.resolution!.resolvedAt,
      });
      assert.deepEqual(resolved.candidates, []);

      // Idempotent for the same clerk and decision; a different decision or clerk gets 409.
      const again = await resolve(registrar, item.id, { personId: existing });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json<Outcome>().replayed, true);
      assert.equal(again.json<Outcome>().personId, existing);
      const other = await resolve(facilityAdmin, item.id, { create: true });
      assert.equal(other.statusCode, 409, other.body);
      const err = other.json<{ error: { code: string; message: string } }>().error;
      assert.equal(err.code, 'REVIEW_ALREADY_RESOLVED');
      assert.match(err.message, /tiepnhan94170/);
      assert.deepEqual(await rowsOf(item.episodeId), after);
    });

    test('a resend of a resolved episode stays with the chosen person and is not queued again', async () => {
      const before = await p.db.query<{ status: string; person_id: string }>(
        "SELECT status, person_id FROM ingest_person_review WHERE ma_lk = 'LK-REVIEW-01' ORDER BY created_at",
      );
      assert.deepEqual(
        before.map((r) => r.status),
        ['resolved'],
      );
      const receipt = await ingest('LK-REVIEW-01');
      assert.equal(receipt.accepted, 1);
      const rows = await p.db.query<{ status: string }>(
        "SELECT status FROM ingest_person_review WHERE ma_lk = 'LK-REVIEW-01' ORDER BY created_at",
      );
      assert.deepEqual(
        rows.map((r) => r.status),
        ['resolved'],
        'no new open item for a decision already made',
      );
      const [ep] = await p.db.query<{ person_id: string }>(
        "SELECT person_id FROM episode WHERE facility_code = '94170' AND ma_lk = 'LK-REVIEW-01'",
      );
      assert.equal(ep?.person_id, existing);
    });

    test('create: a new person from the episode data takes the episode from the person ingest matched', async () => {
      // The facility's patient id (MA_BN) and name + birth year now lead ingest to the person chosen above;
      // without an identifier the episode is still queued, and here the clerk decides it is someone else.
      await ingest('LK-REVIEW-02');
      const item = await itemFor('LK-REVIEW-02');
      const provisional = item.currentPerson!.id;
      assert.equal(provisional, existing);
      const r = await resolve(facilityAdmin, item.id, { create: true });
      assert.equal(r.statusCode, 200, r.body);
      const o = r.json<Outcome>();
      assert.equal(o.resolution, 'created');
      assert.equal(o.personCreated, true);
      assert.notEqual(o.personId, provisional);
      assert.notEqual(o.personId, existing);
      const [person] = await p.db.query<{
        full_name: string;
        birth_date: string;
        sex: string;
        personal_id: string | null;
      }>('SELECT full_name, birth_date, sex, personal_id FROM person WHERE id = $1', [o.personId]);
      assert.deepEqual(person, {
        full_name: 'NGUYEN VAN A (DA AN)',
        birth_date: '1996-01-01',
        sex: 'female',
        personal_id: null, // the redacted 000000000000 is a placeholder, never an identifier
      });
      for (const [t, ids] of Object.entries(await rowsOf(item.episodeId)))
        assert.deepEqual(ids, [o.personId], t);
      assert.equal(o.mergedPersonId, null, 'the previous person keeps their other episode: not merged');
      const [still] = await p.db.query<{ status: string }>('SELECT status FROM person WHERE id = $1', [
        existing,
      ]);
      assert.equal(still?.status, 'active');
      const [created] = await p.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'create' AND resource_type = 'Person' AND person_id = $1`,
        [o.personId],
      );
      assert.equal(created?.n, 1);
    });

    test('reject: a reason is required, the episode stays where it is', async () => {
      await ingest('LK-REVIEW-03');
      const item = await itemFor('LK-REVIEW-03');
      const before = await rowsOf(item.episodeId);
      const noReason = await resolve(registrar, item.id, { reject: true });
      assert.equal(noReason.statusCode, 400, noReason.body);
      const r = await resolve(registrar, item.id, {
        reject: true,
        reason: 'Sai thông tin hành chính, cơ sở gửi lại',
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<Outcome>().resolution, 'rejected');
      assert.equal(r.json<Outcome>().moved, false);
      assert.deepEqual(await rowsOf(item.episodeId), before);
      const rejected = (await list(registrar, '?status=rejected')).json<List>().items;
      assert.equal(rejected[0]?.resolution?.reason, 'Sai thông tin hành chính, cơ sở gửi lại');
    });

    test('two clerks resolving the same item at once: one wins, the other gets 409', async () => {
      await ingest('LK-REVIEW-04');
      const item = await itemFor('LK-REVIEW-04');
      const [pc] = await p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
      const personsBefore = pc!.n;
      const [a, b] = await Promise.all([
        resolve(registrar, item.id, { personId: existing }),
        resolve(registrar2, item.id, { create: true }),
      ]);
      const codes = [a.statusCode, b.statusCode].sort();
      assert.deepEqual(codes, [200, 409], `${a.body} ${b.body}`);
      const winner = (a.statusCode === 200 ? a : b).json<Outcome>();
      const persons = Object.values(await rowsOf(item.episodeId));
      for (const ids of persons) assert.deepEqual(ids, [winner.personId]);
      // The loser wrote nothing: a linked win creates no person, a created win exactly one.
      const [count] = await p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
      assert.equal(count!.n - personsBefore, winner.resolution === 'created' ? 1 : 0);
      const [row] = await p.db.query<{ resolved_by: string }>(
        'SELECT resolved_by FROM ingest_person_review WHERE id = $1',
        [item.id],
      );
      assert.equal(row?.resolved_by, winner.resolvedBy);
    });
  });
}
