import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { engines } from '../testing/engines.ts';
import type { Queryable } from '../db/types.ts';
import { buildApp } from '../http/app.ts';
import { CARE_SOURCES } from '../auth/care-sources.ts';
import { personsInCare } from '../auth/care.ts';
import { readablePersons } from '../auth/person-access.ts';
import {
  consentFilter,
  consentFilterFor,
  createConsent,
  listConsents,
  revokeConsent,
} from '../consent/repo.ts';
import { loadPersonFacts, resolvePatientWithFacts, resolveWithFacts } from '../auth/person-facts.ts';
import { personOfPatientId } from '../fhir/patients.ts';
import { parsePersonRef, resolvePersonRef } from '../auth/person-ref.ts';
import { insertPersons } from '../persons/repo.ts';
import { mergePersons } from '../persons/duplicates.ts';
import { startCare } from '../auth/care.ts';
import { recordVersion } from '../healthbook/cache.ts';
import type { AccessLogEntry } from '../audit/access-log.ts';
import { errorCode, HOME, OTHER, REASON, securityFixture, type SecurityFixture } from './fixtures.ts';

interface Log {
  items: AccessLogEntry[];
  total: number;
}

/** The care fact of the read path (`loadPersonFacts`, what `assertCanReadPerson` checks), 90 days. */
const cares = async (
  db: Queryable,
  person: string,
  facility: string,
  opts: Parameters<typeof loadPersonFacts>[4] = {},
) => (await loadPersonFacts(db, person, facility, 90, opts)).care;

for (const engine of engines()) {
  describe(`care relationship, break-glass, consent and the access log [${engine}]`, () => {
    let f: SecurityFixture;
    before(async () => {
      f = await securityFixture(engine);
    });
    after(() => f.dispose());

    const read = (ref: string, as: Record<string, string>, headers: Record<string, string> = {}) =>
      f.inject({ method: 'GET', url: `/api/v1/persons/${ref}`, as, headers });
    const log = async (ref: string, as: Record<string, string>, qs = '') => {
      const r = await f.inject({ method: 'GET', url: `/api/v1/persons/${ref}/access-log${qs}`, as });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<Log>();
    };

    test('every care source runs against the schema (a misspelt table or column fails here)', async () => {
      for (const s of CARE_SOURCES) {
        assert.equal(typeof (await cares(f.p.db, f.patient.id, HOME, { sources: [s] })), 'boolean', s.name);
      }
      assert.deepEqual(
        [...(await personsInCare(f.p.db, [f.patient.id, f.stranger.id], HOME, 90))],
        [f.patient.id],
      );
      await assert.rejects(
        cares(f.p.db, f.patient.id, HOME, {
          sources: [
            {
              name: 'evil',
              table: 'x; DROP TABLE person',
              personColumn: 'a',
              facilityColumn: 'b',
              timeColumn: 'c',
            },
          ],
        }),
        /not a plain SQL identifier/,
      );
    });

    test('person facts (one statement) equal the separate reads: care per source, version, active directives', async () => {
      for (const s of CARE_SOURCES) {
        for (const [person, facility] of [
          [f.patient.id, HOME],
          [f.patient.id, OTHER],
          [f.stranger.id, HOME],
        ] as const) {
          const facts = await loadPersonFacts(f.p.db, person, facility, 90, { sources: [s] });
          assert.equal(
            facts.care,
            (await personsInCare(f.p.db, [person], facility, 90, { sources: [s] })).has(person),
            `${s.name} ${facility}`,
          );
        }
      }
      const { directive: kept } = await createConsent(
        f.p.db,
        f.patient.id,
        'block_facility',
        '99999',
        'test',
      );
      const { directive: gone } = await createConsent(f.p.db, f.patient.id, 'hide_episode', 'X:1', 'test');
      assert.ok(await revokeConsent(f.p.db, f.patient.id, gone.id, 'test'));
      try {
        const facts = await loadPersonFacts(f.p.db, f.patient.id, HOME, 90);
        assert.equal(facts.care, true);
        assert.equal(facts.version, await recordVersion(f.p.db, f.patient.id));
        const asDirectives = (facts.consents ?? []).map((d) => ({
          id: d.id,
          kind: d.kind,
          target: d.target,
          createdAt: new Date(d.created_at).toISOString(),
          revokedAt: d.revoked_at,
        }));
        assert.deepEqual(asDirectives, await listConsents(f.p.db, f.patient.id));
        assert.ok(asDirectives.some((d) => d.id === kept.id));
        assert.ok(!asDirectives.some((d) => d.id === gone.id));
        const none = await loadPersonFacts(f.p.db, f.stranger.id, null, 90);
        assert.deepEqual(
          { ...none },
          { care: false, version: await recordVersion(f.p.db, f.stranger.id), consents: [] },
        );
      } finally {
        await revokeConsent(f.p.db, f.patient.id, kept.id, 'test');
      }
    });

    test('resolving a {person} reference with its facts (one statement) equals resolve-then-facts, merges followed', async () => {
      const [survivor, merged, chained] = await insertPersons(f.p.db, [
        { personalId: '092180000001', fullName: 'Lê Văn Sống', birthDate: '1980-01-01', sex: 'male' },
        { personalId: '092180000002', fullName: 'Lê Văn Gộp', birthDate: '1980-01-01', sex: 'male' },
        { personalId: '092180000003', fullName: 'Lê Văn Chuỗi', birthDate: '1980-01-01', sex: 'male' },
      ]);
      await startCare(f.p.db, survivor!, OTHER, 'test');
      await mergePersons(f.p.db, survivor!, merged!, 'test', 'trùng');
      // A chain of two merges (an older merge whose survivor was merged later): set up as stored.
      await f.p.db.query("UPDATE person SET status = 'merged', merged_into = $1 WHERE id = $2", [
        merged,
        chained,
      ]);
      const refs = [
        f.patient.id,
        f.patient.id.toUpperCase(),
        f.patient.personalId,
        ` ${f.patient.personalId.slice(0, 6)} ${f.patient.personalId.slice(6)} `,
        f.stranger.id,
        merged!,
        chained!, // two steps: chained → merged → survivor
        '092180000001',
        '00000000-0000-4000-8000-000000000000',
        '000000000000',
      ];
      for (const ref of refs) {
        for (const facility of [HOME, OTHER]) {
          const parsed = parsePersonRef(ref);
          assert.ok(parsed, ref);
          const together = await resolveWithFacts(f.p.db, parsed, facility, 90);
          const id = await resolvePersonRef(f.p.db, ref);
          if (id === null) {
            assert.equal(together, null, ref);
            continue;
          }
          assert.equal(together?.personId, id, ref);
          assert.deepEqual(
            { ...together.facts },
            { ...(await loadPersonFacts(f.p.db, id, facility, 90)) },
            ref,
          );
        }
      }
      const viaChain = await resolveWithFacts(f.p.db, parsePersonRef(chained!)!, OTHER, 90);
      assert.equal(viaChain?.personId, survivor);
      assert.equal(viaChain?.facts.care, true, 'care of the survivor counts');
      assert.equal(parsePersonRef('../../etc/passwd'), null);
    });

    test('resolving a FHIR Patient id with its facts (one statement) equals personOfPatientId-then-facts', async () => {
      const [survivor, merged, aliased] = await insertPersons(f.p.db, [
        { personalId: '092180000011', fullName: 'Lê Thị Sống', birthDate: '1981-01-01', sex: 'female' },
        { personalId: '092180000012', fullName: 'Lê Thị Gộp', birthDate: '1981-01-01', sex: 'female' },
        { personalId: '092180000013', fullName: 'Lê Thị Bí Danh', birthDate: '1981-01-01', sex: 'female' },
      ]);
      await startCare(f.p.db, survivor!, OTHER, 'test');
      await mergePersons(f.p.db, survivor!, merged!, 'test', 'trùng');
      await f.p.db.query(
        `INSERT INTO person_fhir_alias (person_id, alias) VALUES ($1, 'synthea-7'), ($2, 'old-merged'),
                ($3, '11111111-2222-4333-8444-555555555555')`,
        [aliased, merged, aliased],
      );
      const ids = [
        f.patient.id,
        f.patient.id.toUpperCase(),
        f.stranger.id,
        merged!, // merged → survivor
        'synthea-7', // a client's alias
        'old-merged', // an alias of a merged person → the survivor
        '11111111-2222-4333-8444-555555555555', // a uuid-shaped alias that is no platform id
        'SYNTHEA-7', // aliases are exact
        f.patient.personalId, // a personal ID is no Patient id
        '00000000-0000-4000-8000-000000000000',
        "x' OR '1'='1",
      ];
      for (const id of ids) {
        for (const facility of [HOME, OTHER]) {
          const together = await resolvePatientWithFacts(f.p.db, id, facility, 90);
          const alone = await personOfPatientId(f.p.db, id);
          if (alone === null) {
            assert.equal(together, null, id);
            continue;
          }
          assert.equal(together?.personId, alone, id);
          assert.deepEqual(
            { ...together.facts },
            { ...(await loadPersonFacts(f.p.db, alone, facility, 90)) },
            id,
          );
        }
      }
      assert.equal((await resolvePatientWithFacts(f.p.db, 'old-merged', OTHER, 90))?.personId, survivor);
      assert.equal((await resolvePatientWithFacts(f.p.db, 'old-merged', OTHER, 90))?.facts.care, true);
    });

    test('a clinician with a care relationship reads the record; the read is audited', async () => {
      const r = await read(f.patient.id, f.as.clinician);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<{ fullName: string }>().fullName, f.patient.fullName);
      const [ev] = await f.p.db.query<{
        action: string;
        break_glass: boolean;
        facility_code: string;
        request_id: string;
      }>(
        `SELECT action, break_glass, facility_code, request_id FROM audit_event
         WHERE person_id = $1::uuid AND action = 'read' ORDER BY seq DESC LIMIT 1`,
        [f.patient.id],
      );
      assert.equal(ev?.facility_code, HOME);
      assert.equal(ev.break_glass, false);
      assert.ok(ev.request_id);
    });

    test('without one: 403 CARE_RELATIONSHIP_REQUIRED; then break-glass → 200, flagged in the access log', async () => {
      const denied = await read(f.stranger.id, f.as.clinician);
      assert.equal(denied.statusCode, 403);
      assert.equal(errorCode(denied), 'CARE_RELATIONSHIP_REQUIRED');
      assert.ok(!denied.body.includes(f.stranger.fullName));
      const short = await read(f.stranger.id, f.as.clinician, { 'x-break-glass-reason': 'vì sao' });
      assert.equal(errorCode(short), 'BREAK_GLASS_REASON_TOO_SHORT');
      // Vietnamese reason, percent-encoded (headers are Latin-1)
      const reason = 'Cấp cứu: bệnh nhân bất tỉnh tại khoa';
      const ok = await read(f.stranger.personalId, f.as.clinician, {
        'x-break-glass-reason': encodeURIComponent(reason),
      });
      assert.equal(ok.statusCode, 200, ok.body);
      const l = await log(f.stranger.id, f.strangerCitizen);
      const bg = l.items.filter((e) => e.breakGlass);
      assert.deepEqual(bg.map((e) => e.action).sort(), ['break_glass', 'read']);
      assert.ok(bg.every((e) => e.purpose === reason && e.actor.facilityCode === HOME));
      assert.equal(bg[0]?.actor.name, 'User bs-home');
      assert.equal(bg[0].actor.facilityName, 'Bệnh viện Đa khoa Thành phố Cần Thơ');
      assert.ok(
        l.items.some((e) => e.outcome === 'denied'),
        'the refused attempt is listed too',
      );
      const only = await log(f.stranger.id, f.strangerCitizen, '?breakGlassOnly=true');
      assert.equal(only.total, 2);
    });

    test("another facility's clinician has no care relationship with the patient", async () => {
      const r = await read(f.patient.id, f.other.clinician);
      assert.equal(errorCode(r), 'CARE_RELATIONSHIP_REQUIRED');
    });

    test('the care window is configurable: a relationship older than CARE_WINDOW_DAYS no longer counts', async () => {
      await f.p.db.query(
        "UPDATE care_relationship SET started_at = now() - interval '91 days' WHERE person_id = $1::uuid",
        [f.patient.id],
      );
      assert.equal(errorCode(await read(f.patient.id, f.as.clinician)), 'CARE_RELATIONSHIP_REQUIRED');
      await f.p.db.query(
        "UPDATE care_relationship SET started_at = now() - interval '89 days' WHERE person_id = $1::uuid",
        [f.patient.id],
      );
      assert.equal((await read(f.patient.id, f.as.clinician)).statusCode, 200);
    });

    test('a registrar starts care at their facility; from then its clinicians read the record', async () => {
      const r = await f.inject({
        method: 'POST',
        url: `/api/v1/persons/${f.stranger.personalId}/care`,
        as: f.other.clinician,
        payload: { reason: 'Khám ngoại trú' },
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json<{ facilityCode: string }>().facilityCode, OTHER);
      assert.equal((await read(f.stranger.id, f.other.clinician)).statusCode, 200);
      assert.equal(errorCode(await read(f.stranger.id, f.as.registrar)), 'CARE_RELATIONSHIP_REQUIRED');
      const l = await log(f.stranger.id, f.strangerCitizen);
      assert.ok(l.items.some((e) => e.action === 'care_start' && e.actor.facilityCode === OTHER));
      const unknown = await f.inject({
        method: 'POST',
        url: '/api/v1/persons/092199999999/care',
        as: f.as.registrar,
        payload: {},
      });
      assert.equal(unknown.statusCode, 404);
    });

    test('citizens read their own record only (by platform id or personal ID)', async () => {
      assert.equal((await read(f.patient.personalId, f.as.citizen)).statusCode, 200);
      assert.equal((await read(f.patient.id, f.as.citizen)).statusCode, 200);
      const other = await read(f.stranger.id, f.as.citizen, { 'x-break-glass-reason': REASON });
      assert.equal(other.statusCode, 403);
      assert.equal(errorCode(other), 'NOT_OWN_RECORD');
      assert.equal(
        errorCode(
          await f.inject({
            method: 'GET',
            url: `/api/v1/persons/${f.stranger.id}/access-log`,
            as: f.as.citizen,
          }),
        ),
        'NOT_OWN_RECORD',
      );
    });

    test('admin and analysts read individual data only by break-glass; police never', async () => {
      for (const as of [f.as.admin, f.as.analyst]) {
        assert.equal(errorCode(await read(f.patient.id, as)), 'CARE_RELATIONSHIP_REQUIRED');
        assert.equal((await read(f.patient.id, as, { 'x-break-glass-reason': REASON })).statusCode, 200);
      }
      assert.equal(
        errorCode(await read(f.patient.id, f.as.police_liaison, { 'x-break-glass-reason': REASON })),
        'FORBIDDEN',
      );
    });

    test('searching by identifier is audited per person found and shows list fields only', async () => {
      const r = await f.inject({
        method: 'GET',
        url: `/api/v1/persons?identifier=${f.patient.personalId}`,
        as: f.as.registrar,
      });
      assert.equal(r.statusCode, 200);
      const item = r.json<{
        items: { phone: string | null; address: { line: string | null }; fullName: string }[];
      }>().items[0]!;
      assert.equal(item.fullName, f.patient.fullName);
      assert.equal(item.phone, null, 'no phone number in search results');
      const l = await log(f.patient.id, f.as.citizen);
      assert.ok(l.items.some((e) => e.action === 'search' && e.actor.roles.includes('registrar')));
      // name searches: one event with counts, no person
      await f.inject({ method: 'GET', url: '/api/v1/persons?name=Tuyet', as: f.as.registrar });
      const [ev] = await f.p.db.query<{ person_id: string | null; details: { resultCount: number } }>(
        "SELECT person_id, details FROM audit_event WHERE action = 'search' ORDER BY seq DESC LIMIT 1",
      );
      assert.equal(ev?.person_id, null);
      assert.equal(ev.details.resultCount, 1);
    });

    test('the access log: the citizen does not see their own reads; a facility admin in care sees all; paging', async () => {
      const mine = await log(f.patient.id, f.as.citizen);
      assert.ok(!mine.items.some((e) => e.actor.roles.includes('citizen') && e.action === 'read'));
      const admin = await log(f.patient.id, f.as.facility_admin);
      assert.ok(admin.total > mine.total);
      const page1 = await log(f.patient.id, f.as.citizen, '?limit=1');
      const page2 = await log(f.patient.id, f.as.citizen, '?limit=1&offset=1');
      assert.equal(page1.items.length, 1);
      assert.notEqual(page1.items[0]?.seq, page2.items[0]?.seq);
      assert.ok(page1.items[0]!.at >= page2.items[0]!.at, 'newest first');
      assert.equal(
        errorCode(
          await f.inject({
            method: 'GET',
            url: `/api/v1/persons/${f.patient.id}/access-log`,
            as: f.other.facilityAdmin,
          }),
        ),
        'CARE_RELATIONSHIP_REQUIRED',
      );
    });

    test('consent: the citizen hides an episode and blocks a facility; viewers learn that, not what; break-glass overrides, flagged', async () => {
      const base = `/api/v1/persons/${f.patient.id}/consents`;
      const block = await f.inject({
        method: 'POST',
        url: base,
        as: f.as.citizen,
        payload: { kind: 'block_facility', target: HOME },
      });
      assert.equal(block.statusCode, 201, block.body);
      const hide = await f.inject({
        method: 'POST',
        url: base,
        as: f.as.citizen,
        payload: { kind: 'hide_episode', target: `${OTHER}:LK001` },
      });
      assert.equal(hide.statusCode, 201);
      const again = await f.inject({
        method: 'POST',
        url: base,
        as: f.as.citizen,
        payload: { kind: 'hide_episode', target: `${OTHER}:LK001` },
      });
      assert.equal(again.statusCode, 200, 'idempotent');
      assert.equal(
        errorCode(
          await f.inject({
            method: 'POST',
            url: base,
            as: f.as.citizen,
            payload: { kind: 'block_facility', target: '99999' },
          }),
        ),
        'FACILITY_UNKNOWN',
      );
      assert.equal(errorCode(await f.inject({ method: 'GET', url: base, as: f.as.clinician })), 'FORBIDDEN');
      assert.equal(errorCode(await f.inject({ method: 'GET', url: base, as: f.as.admin })), 'NOT_OWN_RECORD');
      const list = await f.inject({ method: 'GET', url: base, as: f.as.citizen });
      assert.equal(list.json<{ total: number }>().total, 2);

      const home = await consentFilter(f.p.db, f.patient.id, { facilityCode: HOME });
      assert.equal(home.facilityBlocked, true);
      const other = await consentFilter(f.p.db, f.patient.id, { facilityCode: OTHER });
      assert.equal(other.facilityBlocked, false);
      assert.equal(other.isEpisodeHidden(`${OTHER}:LK001`), true);
      assert.equal(other.isEpisodeHidden(`${OTHER}:LK002`), false);
      assert.equal(
        (await consentFilter(f.p.db, f.patient.id, { facilityCode: HOME, self: true })).hiddenCount,
        0,
      );

      // How a capability uses it: a stand-in health book that reports what is withheld.
      const app = await buildApp(f.p.deps, { logger: false });
      app.get(
        '/api/v1/test/persons/:person/book',
        {
          config: { roles: ['clinician'], person: { access: 'read', resource: 'HealthBook' } },
          schema: { params: z.object({ person: z.string() }) },
        },
        async (req) => {
          const personId = req.personAccess!.personId;
          const view = await consentFilterFor(req, personId);
          const episodes = [`${OTHER}:LK001`, `${OTHER}:LK002`].filter((e) => !view.isEpisodeHidden(e));
          return {
            episodes,
            hidden: view.facilityBlocked || view.hiddenCount > 0,
            overridden: view.overridden,
          };
        },
      );
      const book = (headers: Record<string, string> = {}) =>
        app.inject({
          method: 'GET',
          url: `/api/v1/test/persons/${f.patient.id}/book`,
          headers: { ...f.as.clinician, ...headers },
        });
      const blocked = (await book()).json<{ episodes: string[]; hidden: boolean }>();
      assert.deepEqual(blocked, { episodes: [], hidden: true, overridden: false });
      const glass = (await book({ 'x-break-glass-reason': REASON })).json<{
        episodes: string[];
        overridden: boolean;
      }>();
      assert.equal(glass.episodes.length, 2);
      assert.equal(glass.overridden, true);
      const [ev] = await f.p.db.query<{
        action: string;
        break_glass: boolean;
        details: { consentOverridden?: boolean };
      }>(
        "SELECT action, break_glass, details FROM audit_event WHERE resource_type = 'HealthBook' AND action = 'read' ORDER BY seq DESC LIMIT 1",
      );
      assert.equal(ev?.break_glass, true);
      assert.equal(ev.details.consentOverridden, true);
      await app.close();

      const id = hide.json<{ id: string }>().id;
      assert.equal(
        (await f.inject({ method: 'DELETE', url: `${base}/${id}`, as: f.as.citizen })).statusCode,
        204,
      );
      assert.equal(
        (await f.inject({ method: 'DELETE', url: `${base}/${id}`, as: f.as.citizen })).statusCode,
        404,
      );
      assert.equal((await consentFilter(f.p.db, f.patient.id, { facilityCode: OTHER })).hiddenCount, 0);
    });

    test('readablePersons filters search results by the same rules (for FHIR searches)', async () => {
      const app = await buildApp(f.p.deps, { logger: false });
      app.get(
        '/api/v1/test/readable',
        { config: { roles: ['clinician', 'citizen', 'analyst'] } },
        async (req) => [...(await readablePersons(req, [f.patient.id, f.stranger.id]))],
      );
      const get = async (as: Record<string, string>, headers: Record<string, string> = {}) =>
        (await app.inject({ method: 'GET', url: '/api/v1/test/readable', headers: { ...as, ...headers } }))
          .json<string[]>()
          .sort();
      assert.deepEqual(await get(f.as.clinician), [f.patient.id]);
      assert.deepEqual(await get(f.as.citizen), [f.patient.id]);
      assert.deepEqual(await get(f.as.analyst), []);
      assert.deepEqual(
        await get(f.as.analyst, { 'x-break-glass-reason': REASON }),
        [f.patient.id, f.stranger.id].sort(),
      );
      await app.close();
    });

    test('a route taking :person without a person policy cannot be registered', async () => {
      const app = await buildApp(f.p.deps, { logger: false });
      assert.throws(() => {
        app.get('/api/v1/persons/:person/forgotten', { config: { roles: ['clinician'] } }, () => 'x');
      }, /declares no person policy/);
      await app.close();
    });
  });

  describe(`ongoing stays count as care, however long ago they began [${engine}]`, () => {
    let f: SecurityFixture;
    before(async () => {
      f = await securityFixture(engine);
    });
    after(() => f.dispose());

    const read = (ref: string, as: Record<string, string>) =>
      f.inject({ method: 'GET', url: `/api/v1/persons/${ref}`, as });
    /** An encounter received through FHIR (hb_encounter), begun `startedDaysAgo` days ago. */
    const encounter = async (
      id: string,
      facility: string,
      status: string,
      startedDaysAgo: number,
      endedDaysAgo: number | null,
    ) => {
      await f.p.db.query(
        `INSERT INTO hb_encounter (person_id, id, status, facility_code, period_start, period_end, source)
         VALUES ($1::uuid, $2, $3, $4, now() - make_interval(days => $5::int),
                 CASE WHEN $6::int IS NULL THEN NULL ELSE now() - make_interval(days => $6::int) END, 'fhir')`,
        [f.stranger.id, id, status, facility, startedDaysAgo, endedDaysAgo],
      );
    };

    test('an admission 200 days ago still in progress at the facility counts; at another facility it does not', async () => {
      assert.equal(errorCode(await read(f.stranger.id, f.as.clinician)), 'CARE_RELATIONSHIP_REQUIRED');
      // Ended long ago (outside the window) at HOME, and ongoing at OTHER: neither is care at HOME.
      await encounter('enc-old', HOME, 'finished', 400, 300);
      await encounter('enc-other', OTHER, 'in-progress', 200, null);
      assert.equal(errorCode(await read(f.stranger.id, f.as.clinician)), 'CARE_RELATIONSHIP_REQUIRED');
      assert.equal(await cares(f.p.db, f.stranger.id, HOME), false);
      // Cancelled or entered in error: never care, open or not.
      await encounter('enc-void', HOME, 'entered-in-error', 200, null);
      assert.equal(await cares(f.p.db, f.stranger.id, HOME), false);

      await encounter('enc-ward', HOME, 'in-progress', 200, null);
      const r = await read(f.stranger.id, f.as.clinician);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual([...(await personsInCare(f.p.db, [f.stranger.id], HOME, 90))], [f.stranger.id]);
      assert.equal((await read(f.stranger.id, f.other.clinician)).statusCode, 200, 'OTHER: ongoing too');
      // Each source on its own: only the ongoing one sees it.
      const hits = [];
      for (const s of CARE_SOURCES) {
        if (await cares(f.p.db, f.stranger.id, HOME, { sources: [s] })) hits.push(s.name);
      }
      assert.deepEqual(hits, ['encounter_ongoing']);
    });

    test('once discharged the stay counts for the window after discharge, then no longer', async () => {
      await f.p.db.query(
        `UPDATE hb_encounter SET status = 'finished', period_end = now() - interval '10 days'
         WHERE person_id = $1::uuid AND id = 'enc-ward'`,
        [f.stranger.id],
      );
      assert.equal((await read(f.stranger.id, f.as.clinician)).statusCode, 200);
      await f.p.db.query(
        `UPDATE hb_encounter SET period_end = now() - interval '91 days'
         WHERE person_id = $1::uuid AND id = 'enc-ward'`,
        [f.stranger.id],
      );
      assert.equal(errorCode(await read(f.stranger.id, f.as.clinician)), 'CARE_RELATIONSHIP_REQUIRED');
    });

    test('an ongoing source without `where` is refused (it would grant care for ever)', async () => {
      await assert.rejects(
        cares(f.p.db, f.stranger.id, HOME, {
          sources: [
            {
              name: 'open',
              table: 'hb_encounter',
              personColumn: 'person_id',
              facilityColumn: 'facility_code',
              timeColumn: 'period_start',
              ongoing: true,
            },
          ],
        }),
        /needs `where`/,
      );
    });
  });
}
