/**
 * Bulk Data $export (async pattern) at system, Group and Patient level: kick-off with
 * `Prefer: respond-async` → 202 + Content-Location, polling until the manifest, NDJSON files whose
 * every line validates against fhir.schema.json, scope by caller, audit, cancellation.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import { engines } from '../testing/engines.ts';
import { syntheticEnvelope } from '../ingest/synthetic.ts';
import { fhirFixture, HOME, OTHER, type Caller, type FhirFixture } from './testing/fixture.ts';
import { fhirProblems } from './testing/schema.ts';
import { createApiKey } from '../auth/api-keys.ts';

interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
}

const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

for (const engine of engines()) {
  describe(`FHIR Bulk Data $export [${engine}]`, () => {
    let f: FhirFixture;
    let inCare: string;
    let notInCare: string;
    let otherKey: Caller;

    const kickOff = async (url: string, as: Caller): Promise<string> => {
      const r = await f.inject({ url, as, headers: { prefer: 'respond-async' } });
      assert.equal(r.statusCode, 202, r.body);
      const loc = String(r.headers['content-location']);
      assert.match(loc, /\/fhir\/R4\/\$export-status\//);
      return path(loc);
    };
    const poll = async (status: string, as: Caller): Promise<Manifest> => {
      for (let i = 0; i < 200; i++) {
        const r = await f.inject({ url: status, as });
        if (r.statusCode === 200) {
          assert.match(String(r.headers['content-type']), /^application\/json/);
          return r.json<Manifest>();
        }
        assert.equal(r.statusCode, 202, r.body);
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error('export did not finish');
    };
    const lines = async (m: Manifest, as: Caller): Promise<Resource[]> => {
      const out: Resource[] = [];
      for (const o of m.output) {
        const r = await f.inject({ url: path(o.url), as });
        assert.equal(r.statusCode, 200);
        assert.match(String(r.headers['content-type']), /^application\/fhir\+ndjson/);
        const rs = r.body
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Resource);
        assert.equal(rs.length, o.count);
        assert.ok(rs.every((x) => x.resourceType === o.type));
        out.push(...rs);
      }
      return out;
    };

    before(async () => {
      f = await fhirFixture(engine);
      inCare = (await f.ingest(syntheticEnvelope(0, 4, { facility: HOME, patients: 1, prefix: 'BX' })))[0]!;
      notInCare = (
        await f.ingest(syntheticEnvelope(10, 3, { facility: OTHER, patients: 1, prefix: 'BY', seed: 7 }))
      )[0]!;
      await f.careFor([inCare!]);
      otherKey = { 'x-api-key': (await createApiKey(f.p.db, OTHER, 'fixture', 'HIS')).apiKey };
    });
    after(() => f.dispose());

    test('kick-off needs Prefer: respond-async', async () => {
      const r = await f.inject({ url: '/fhir/R4/$export', as: f.admin });
      assert.equal(r.statusCode, 400);
      assert.equal(
        r.json<OperationOutcome>().issue[0]?.details?.coding?.[0]?.code,
        'PREFER_RESPOND_ASYNC_REQUIRED',
      );
    });

    test('system level (admin): every person, facilities, NDJSON lines validate, every person audited', async () => {
      const status = await kickOff('/fhir/R4/$export', f.admin);
      const m = await poll(status, f.admin);
      assert.equal(m.requiresAccessToken, true);
      const rs = await lines(m, f.admin);
      const patients = rs.filter((r) => r.resourceType === 'Patient').map((r) => r.id);
      assert.deepEqual(new Set(patients), new Set([inCare, notInCare]));
      assert.ok(rs.some((r) => r.resourceType === 'Organization' && r.id === HOME));
      assert.ok(rs.filter((r) => r.resourceType === 'Encounter').length === 7);
      for (const r of rs) assert.deepEqual(fhirProblems(r), [], `${r.resourceType}/${r.id ?? ''}`);
      const [ev] = await f.p.db.query<{ n: number }>(
        "SELECT count(DISTINCT person_id)::int AS n FROM audit_event WHERE action = 'export' AND resource_type = 'BulkExport'",
      );
      assert.equal(ev?.n, 2);
    });

    test('Patient level for a facility system: only the persons it has in care; _type filters', async () => {
      const status = await kickOff('/fhir/R4/Patient/$export?_type=Patient,Encounter', f.his);
      const rs = await lines(await poll(status, f.his), f.his);
      assert.deepEqual([...new Set(rs.map((r) => r.resourceType))].sort(), ['Encounter', 'Patient']);
      assert.deepEqual(
        rs.filter((r) => r.resourceType === 'Patient').map((r) => r.id),
        [inCare],
      );
      // Another facility cannot poll or download this job.
      const other = await f.inject({ url: status, as: otherKey });
      assert.equal(other.statusCode, 404);
    });

    test('Group level: facility-{code} for that facility only', async () => {
      const status = await kickOff(`/fhir/R4/Group/facility-${HOME}/$export`, f.his);
      const rs = await lines(await poll(status, f.his), f.his);
      assert.deepEqual(
        [...new Set(rs.filter((r) => r.resourceType === 'Patient').map((r) => r.id))],
        [inCare],
      );
      const denied = await f.inject({
        url: `/fhir/R4/Group/facility-${HOME}/$export`,
        as: otherKey,
        headers: { prefer: 'respond-async' },
      });
      assert.equal(denied.statusCode, 404);
      const group = await f.get<Resource>(`/fhir/R4/Group/facility-${HOME}`, f.his);
      assert.deepEqual(fhirProblems(group), []);
    });

    test('a job can be cancelled', async () => {
      const status = await kickOff('/fhir/R4/Patient/$export', f.his);
      const del = await f.inject({ method: 'DELETE', url: status, as: f.his });
      assert.ok(del.statusCode === 202 || del.statusCode === 404, del.body); // 404 when it had already finished
      const after = await f.inject({ url: status, as: f.his });
      assert.ok([200, 404].includes(after.statusCode));
    });
  });
}
