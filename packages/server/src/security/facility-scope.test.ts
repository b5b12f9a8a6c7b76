import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../testing/engines.ts';
import { errorCode, HOME, OTHER, securityFixture, type Caller, type SecurityFixture } from './fixtures.ts';

type DeniedRow = {
  action: string;
  actor_kind: string;
  facility_code: string | null;
  resource_id: string | null;
  details: { code?: string } | null;
};

/** A route with the facility in its path (`config.facilityParam`) refuses, and audits, another facility. */
for (const engine of engines()) {
  describe(`facility-scoped routes [${engine}]`, () => {
    let f: SecurityFixture;
    before(async () => {
      f = await securityFixture(engine);
    });
    after(() => f.dispose());

    const denials = async (after: number) =>
      f.p.db.query<DeniedRow>(
        `SELECT action, actor_kind, facility_code, resource_id, details FROM audit_event
          WHERE seq > $1 AND resource_type = 'Facility' AND outcome = 'denied' ORDER BY seq`,
        [after],
      );
    const lastSeq = async () =>
      (await f.p.db.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int AS seq FROM audit_event'))[0]!
        .seq;

    test("another facility's staff and API key: 403 and one denied audit event each", async () => {
      const from = await lastSeq();
      const asks: [Caller, 'GET' | 'PATCH', string, string][] = [
        [f.other.facilityAdmin, 'GET', `/api/v1/facilities/${HOME}/api-keys`, 'read'],
        [f.other.facilityAdmin, 'PATCH', `/api/v1/facilities/${HOME}`, 'update'],
        [f.other.apiKey, 'GET', `/api/v1/episodes/${HOME}/NOPE-1/xml130`, 'read'],
      ];
      for (const [as, method, url] of asks) {
        const r = await f.inject({
          method,
          url,
          as,
          payload: method === 'PATCH' ? {} : undefined,
        });
        assert.equal(r.statusCode, 403, r.body);
        assert.equal(errorCode(r), 'FACILITY_SCOPE_FORBIDDEN');
      }
      const denied = await denials(from);
      assert.deepEqual(
        denied.map((d) => [d.action, d.actor_kind, d.facility_code, d.resource_id, d.details?.code]),
        asks.map(([as, , , action]) => [
          action,
          as === f.other.apiKey ? 'apiKey' : 'user',
          OTHER,
          HOME,
          'FACILITY_SCOPE_FORBIDDEN',
        ]),
      );
    });

    test('a facility code in the body (check-in) is refused and audited the same way; nothing is stored', async () => {
      const from = await lastSeq();
      const count = async () =>
        (await f.p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkin'))[0]!.n;
      const before = await count();
      for (const as of [f.other.clinician, f.other.apiKey]) {
        const r = await f.inject({
          method: 'POST',
          url: '/api/v1/checkin',
          payload: { personalId: f.patient.personalId, clinicCode: 'K01', facilityCode: HOME },
          as,
        });
        assert.equal(r.statusCode, 403, r.body);
        assert.equal(errorCode(r), 'FACILITY_SCOPE_FORBIDDEN');
      }
      assert.equal(await count(), before);
      const denied = await denials(from);
      assert.deepEqual(
        denied.map((d) => [d.action, d.actor_kind, d.facility_code, d.resource_id, d.details?.code]),
        [
          ['create', 'user', OTHER, HOME, 'FACILITY_SCOPE_FORBIDDEN'],
          ['create', 'apiKey', OTHER, HOME, 'FACILITY_SCOPE_FORBIDDEN'],
        ],
      );
    });

    test('its own facility passes and writes no denial', async () => {
      const from = await lastSeq();
      const r = await f.inject({
        method: 'GET',
        url: `/api/v1/facilities/${HOME}/api-keys`,
        as: f.as.facility_admin,
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(await denials(from), []);
    });
  });
}
