/**
 * GET /api/v1/persons/{person}/health-book on the real app and database, with episodes ingested
 * through the XML 130 pipeline (real redacted samples and generated episodes): groups, Vietnamese
 * names, provenance, paging with the cursor, access (care relationship, break-glass, own book),
 * consent (something hidden, not what), and the VNeID-ready export.
 */
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HealthBook } from '@suckhoe/domain/healthbook/index';
import { engines } from '../testing/engines.ts';
import { readFixture, syntheticEnvelope } from '../ingest/synthetic.ts';
import { patchInner } from '../ingest/test-support.ts';
import { fhirFixture, HOME, type Caller, type FhirFixture } from '../fhir/testing/fixture.ts';

const errorCode = (body: string): string | undefined =>
  (JSON.parse(body) as { error?: { code?: string } }).error?.code;

for (const engine of engines()) {
  describe(`health book [${engine}]`, () => {
    let f: FhirFixture;
    let personId: string;
    let personalId: string;
    let samplePerson: string;
    let citizen: Caller;
    const book = (id: string, query = '', as?: Caller) =>
      f.get<HealthBook>(`/api/v1/persons/${id}/health-book${query}`, as);

    before(async () => {
      f = await fhirFixture(engine);
      personId = (
        await f.ingest(syntheticEnvelope(0, 30, { facility: HOME, patients: 1, prefix: 'HB' }))
      )[0]!;
      const again = await f.ingest(
        syntheticEnvelope(30, 1, { facility: HOME, patients: 1, prefix: 'HB', allTables: true }),
      );
      assert.deepEqual(again, [personId], 'the all-tables episode is the same patient');
      // The real redacted inpatient sample, with the empty required fields filled in (as the ingest
      // tests do). Sample 03 carries the same MA_LK: sending it would replace this episode.
      samplePerson = (await f.ingest(patchInner(readFixture('inpatient'))))[0]!;
      const [row] = await f.p.db.query<{ personal_id: string }>(
        'SELECT personal_id FROM person WHERE id = $1',
        [personId],
      );
      personalId = row!.personal_id;
      citizen = await f.citizen(personId, personalId);
    });
    after(() => f.dispose());

    test('without a care relationship a clinician is refused; with a break-glass reason they read it', async () => {
      const r = await f.inject({ url: `/api/v1/persons/${personId}/health-book`, as: f.clinician });
      assert.equal(r.statusCode, 403);
      assert.equal(errorCode(r.body), 'CARE_RELATIONSHIP_REQUIRED');
      const g = await f.inject({
        url: `/api/v1/persons/${personId}/health-book`,
        as: { ...f.otherClinician, 'x-break-glass-reason': 'Cap cuu, benh nhan hon me' },
      });
      assert.equal(g.statusCode, 200);
      const [ev] = await f.p.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE person_id = $1 AND action = 'break_glass'",
        [personId],
      );
      assert.ok((ev?.n ?? 0) >= 1);
    });

    test('groups, newest-first episodes with Vietnamese ICD-10 names, lines and provenance', async () => {
      await f.careFor([personId, samplePerson]);
      const b = await book(personalId); // {person} takes the personal ID too
      assert.equal(b.administrative.personId, personId);
      assert.equal(b.administrative.personalId, personalId);
      assert.ok(b.administrative.insurance?.cardNumber);
      assert.equal(b.episodes.total, 31);
      assert.equal(b.episodes.items.length, 20);
      const starts = b.episodes.items.map((e) => Date.parse(e.period.start ?? ''));
      assert.deepEqual(
        starts,
        [...starts].sort((a, c) => c - a),
        'newest first',
      );
      const named = b.episodes.items
        .flatMap((e) => [e.diagnoses.main, ...e.diagnoses.secondary])
        .filter((d) => d?.name);
      assert.ok(named.length > 0, 'some diagnoses have Vietnamese names');
      assert.ok(
        b.episodes.items.some((e) => e.drugs.length > 0 && e.labs.length > 0 && e.services.length > 0),
      );
      const [env] = await f.p.db.query<{ sha256: string }>(
        'SELECT envelope_sha256 AS sha256 FROM episode WHERE id = $1',
        [b.episodes.items[0]!.id],
      );
      assert.equal(b.episodes.items[0]!.provenance.envelopeSha256, env!.sha256);
      assert.equal(b.episodes.items[0]!.provenance.facility?.code, HOME);
      assert.equal(b.episodes.items[0]!.provenance.facility.name, 'Bệnh viện Đa khoa Thành phố Cần Thơ');
      assert.ok(b.history.chronicConditions.length > 0);
      assert.ok(b.history.weight && b.history.weight.value > 0);
      assert.ok(b.appointments.length > 0, 'XML14 re-exam appointments');
      assert.ok(b.referrals.length === 1 && b.referrals[0]!.number, 'XML13 referral slip');
      assert.ok(b.referrals[0]!.validUntil);
      const kinds = new Set(b.documents.map((d) => d.kind));
      for (const k of ['discharge', 'summary', 'sick_leave']) assert.ok(kinds.has(k), `document ${k}`);
      assert.equal(b.consent.withheld, false);
    });

    test('paging: the cursor walks the older episodes without overlap', async () => {
      const first = await book(personId, '?episodesLimit=12');
      assert.ok(first.episodes.nextCursor);
      const second = await book(personId, `?episodesLimit=12&episodesBefore=${first.episodes.nextCursor}`);
      const third = await book(
        personId,
        `?episodesLimit=12&episodesBefore=${second.episodes.nextCursor ?? ''}`,
      );
      const ids = [...first.episodes.items, ...second.episodes.items, ...third.episodes.items].map(
        (e) => e.id,
      );
      assert.equal(ids.length, 31);
      assert.equal(new Set(ids).size, 31);
      assert.equal(third.episodes.nextCursor, null);
      const bad = await f.inject({
        url: `/api/v1/persons/${personId}/health-book?episodesBefore=nonsense`,
        as: f.clinician,
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(errorCode(bad.body), 'INVALID_CURSOR');
    });

    test('the real inpatient sample: delivery episode with discharge paper, summary and birth certificate', async () => {
      const b = await book(samplePerson);
      const e = b.episodes.items.find((x) => x.type?.code === '03')!;
      assert.ok(e, 'the inpatient episode');
      assert.equal(e.type?.name, 'Điều trị nội trú');
      assert.ok(e.summary, 'XML8 summary attached to the episode');
      const kinds = b.documents.map((d) => d.kind);
      for (const k of ['discharge', 'summary', 'birth']) assert.ok(kinds.includes(k), k);
      assert.ok(b.appointments.length >= 1);
    });

    test('a citizen reads their own book, not someone else’s', async () => {
      const own = await book(personId, '', citizen);
      assert.equal(own.episodes.total, 31);
      const r = await f.inject({ url: `/api/v1/persons/${samplePerson}/health-book`, as: citizen });
      assert.equal(r.statusCode, 403);
      assert.equal(errorCode(r.body), 'NOT_OWN_RECORD');
    });

    test('consent: a hidden episode is withheld from staff (a notice says so), the citizen still sees it', async () => {
      const all = await book(personId, '?episodesLimit=100');
      const target = all.episodes.items[3]!;
      const c = await f.inject({
        method: 'POST',
        url: `/api/v1/persons/${personId}/consents`,
        as: citizen,
        payload: {
          kind: 'hide_episode',
          target: `${target.provenance.facility!.code}:${target.provenance.maLk!}`,
        },
      });
      assert.equal(c.statusCode, 201, c.body);
      const staff = await book(personId, '?episodesLimit=100');
      assert.equal(staff.episodes.total, 30);
      assert.ok(!staff.episodes.items.some((e) => e.id === target.id));
      assert.equal(staff.consent.withheld, true);
      assert.equal(staff.consent.hiddenCount, 1);
      assert.match(staff.consent.message ?? '', /ẩn theo yêu cầu/);
      const own = await book(personId, '?episodesLimit=100', citizen);
      assert.equal(own.episodes.total, 31);
      // Break-glass opens it again (and is audited).
      const glass = await book(personId, '?episodesLimit=100', {
        ...f.clinician,
        'x-break-glass-reason': 'Can xem toan bo benh su',
      });
      assert.equal(glass.episodes.total, 31);
    });

    test('export: VNeID-ready JSON with the QĐ 1332 groups A–E, every episode', async () => {
      const r = await f.inject({ url: `/api/v1/persons/${personId}/health-book/export`, as: citizen });
      assert.equal(r.statusCode, 200);
      const x = r.json<
        Record<string, unknown> & { C_dotKhamChuaBenh: unknown[]; E_giayTo: { giayChuyenTuyen: unknown[] } }
      >();
      for (const k of [
        'A_thongTinHanhChinh',
        'B_tienSu',
        'C_dotKhamChuaBenh',
        'D_tomTatHoSoBenhAn',
        'E_giayTo',
      ])
        assert.ok(k in x, k);
      assert.equal(x.C_dotKhamChuaBenh.length, 31);
      assert.equal(x.E_giayTo.giayChuyenTuyen.length, 1);
      const [ev] = await f.p.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE person_id = $1 AND action = 'export' AND resource_type = 'HealthBook'",
        [personId],
      );
      assert.equal(ev?.n, 1);
    });

    test('a new episode and FHIR history show at once (cached books follow the record version)', async () => {
      const before = await book(personId, '', citizen);
      const everything = async () =>
        (await f.get<{ total: number }>(`/fhir/R4/Patient/${personId}/$everything`, citizen)).total;
      const fhirBefore = await everything();
      await f.ingest(syntheticEnvelope(40, 1, { facility: HOME, patients: 1, prefix: 'HB' }));
      const after = await book(personId, '', citizen);
      assert.equal(after.episodes.total, before.episodes.total + 1);
      assert.ok((await everything()) > fhirBefore);
      await f.postBundle({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            resource: {
              resourceType: 'AllergyIntolerance',
              code: { text: 'Tôm cua' },
              patient: { reference: `Patient/${personId}` },
            },
            request: { method: 'POST', url: 'AllergyIntolerance' },
          },
        ],
      });
      const withAllergy = await book(personId, '', citizen);
      assert.deepEqual(
        withAllergy.history.allergies.map((a) => a.substance),
        ['Tôm cua'],
      );
    });

    test('ETag: a 304 while record and view are unchanged (still audited), a new one when the record changes', async () => {
      const url = `/api/v1/persons/${personId}/health-book?episodesLimit=5`;
      const first = await f.inject({ url, as: citizen });
      assert.equal(first.statusCode, 200);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
      assert.equal(first.headers['cache-control'], 'private, no-cache');
      const reads = async () =>
        (
          await f.p.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM audit_event WHERE person_id = $1 AND resource_type = 'HealthBook' AND action = 'read'",
            [personId],
          )
        )[0]!.n;
      const before = await reads();
      const same = await f.inject({ url, as: { ...citizen, 'if-none-match': etag } });
      assert.equal(same.statusCode, 304);
      assert.equal(same.body, '');
      assert.equal(await reads(), before + 1, 'a 304 is a read too');
      // A browser (Accept-Encoding: gzip) gets the same book compressed, under its own ETag.
      const gz = await f.inject({ url, as: { ...citizen, 'accept-encoding': 'gzip, deflate' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gz.headers.etag, etag.replace(/"$/, '-gz"'));
      assert.equal(gz.headers.vary, 'accept-encoding');
      assert.deepEqual(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')), first.json());
      const gz304 = await f.inject({
        url,
        as: { ...citizen, 'accept-encoding': 'gzip', 'if-none-match': gz.headers.etag },
      });
      assert.equal(gz304.statusCode, 304);
      const otherPage = await f.inject({ url: `${url}0`, as: { ...citizen, 'if-none-match': etag } });
      assert.equal(otherPage.statusCode, 200, 'another page has another ETag');
      await f.ingest(syntheticEnvelope(41, 1, { facility: HOME, patients: 1, prefix: 'HB' }));
      const changed = await f.inject({ url, as: { ...citizen, 'if-none-match': etag } });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.equal(changed.json<HealthBook>().episodes.items.length, 5);
    });

    test('an unknown person is 404', async () => {
      const r = await f.inject({
        url: '/api/v1/persons/00000000-0000-4000-8000-000000000000/health-book',
        as: f.clinician,
      });
      assert.equal(r.statusCode, 404);
    });
  });
}
