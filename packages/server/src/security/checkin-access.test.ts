import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../testing/engines.ts';
import {
  errorCode,
  HOME,
  OTHER,
  REASON,
  securityFixture,
  type Caller,
  type SecurityFixture,
} from './fixtures.ts';

/** `GET /api/v1/checkins/{id}`: staff of the check-in's facility (or admin, with a reason), audited. */
for (const engine of engines()) {
  describe(`reading a check-in by id [${engine}]`, () => {
    let f: SecurityFixture;
    let id = '';
    before(async () => {
      f = await securityFixture(engine);
      const r = await f.inject({
        method: 'POST',
        url: '/api/v1/checkin',
        payload: { personalId: f.patient.personalId, clinicCode: 'K01', facilityCode: HOME },
        as: f.as.registrar,
      });
      assert.equal(r.statusCode, 201, r.body);
      id = r.json<{ checkin: { id: string } }>().checkin.id;
    });
    after(() => f.dispose());

    const get = (as: Caller, headers: Record<string, string> = {}) =>
      f.inject({ method: 'GET', url: `/api/v1/checkins/${id}`, as, headers });
    const events = () =>
      f.p.db.query<{
        action: string;
        person_id: string;
        resource_id: string;
        facility_code: string;
      }>(
        `SELECT action, person_id, resource_id, facility_code FROM audit_event
         WHERE resource_type = 'Checkin' AND resource_id = $1 AND outcome = 'success' ORDER BY seq`,
        [id],
      );
    const denials = () =>
      f.p.db.query<{ person_id: string; facility_code: string }>(
        `SELECT person_id, facility_code FROM audit_event
         WHERE resource_type = 'Checkin' AND resource_id = $1 AND outcome = 'denied' ORDER BY seq`,
        [id],
      );

    test("another facility's staff and API key: 403, nothing about the person; the attempt audited as denied", async () => {
      const before = (await events()).length;
      const deniedBefore = (await denials()).length;
      for (const as of [f.other.clinician, f.other.facilityAdmin, f.other.apiKey]) {
        const r = await get(as);
        assert.equal(r.statusCode, 403, r.body);
        assert.equal(errorCode(r), 'FACILITY_SCOPE_FORBIDDEN');
        for (const leak of [f.patient.fullName, f.patient.personalId, f.patient.id, 'K01']) {
          assert.ok(!r.body.includes(leak), `${leak} in ${r.body}`);
        }
      }
      const after = await events();
      assert.equal(after.length, before, 'no successful read recorded');
      // Each refusal is in the person's access log, attributed to the other facility.
      const denied = (await denials()).slice(deniedBefore);
      assert.equal(denied.length, 3);
      for (const d of denied) {
        assert.equal(d.person_id, f.patient.id);
        assert.equal(d.facility_code, OTHER);
      }
      // An unknown id reads the same to everyone: 404.
      const unknown = await f.inject({
        method: 'GET',
        url: '/api/v1/checkins/00000000-0000-4000-8000-000000000000',
        as: f.other.clinician,
      });
      assert.equal(unknown.statusCode, 404, unknown.body);
    });

    test('roles outside check-in (citizen, analyst, police) are refused', async () => {
      for (const as of [f.as.citizen, f.as.analyst, f.as.police_liaison]) {
        assert.equal((await get(as)).statusCode, 403);
      }
    });

    test('the same facility: 200 and a `read` audit event naming the person', async () => {
      for (const as of [f.as.registrar, f.as.clinician, f.as.integration_client]) {
        const n = (await events()).length;
        const r = await get(as);
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json<{ person: { id: string } }>().person.id, f.patient.id);
        const added = (await events()).slice(n);
        assert.deepEqual(
          added.map((e) => [e.action, e.person_id, e.resource_id, e.facility_code]),
          [['read', f.patient.id, id, HOME]],
        );
      }
    });

    test('admin: any facility, but the person still needs a reason (break-glass, audited)', async () => {
      const plain = await get(f.as.admin);
      assert.equal(errorCode(plain), 'CARE_RELATIONSHIP_REQUIRED');
      assert.ok(!plain.body.includes(f.patient.fullName));
      const r = await get(f.as.admin, { 'x-break-glass-reason': REASON });
      assert.equal(r.statusCode, 200, r.body);
      const [bg] = await f.p.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event
         WHERE person_id = $1::uuid AND action IN ('break_glass', 'read') AND break_glass AND resource_type = 'Checkin'`,
        [f.patient.id],
      );
      assert.equal(bg?.n, 2);
    });
  });
}
