/**
 * Every stored episode is a write of personal data: the ingest appends one `import` event per stored
 * episode (person, facility/MA_LK, request id, actor) in batches, nothing for rejected episodes or dry
 * runs (PGlite, and PostgreSQL with TEST_DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emitEnvelope } from '@suckhoe/domain/xml130/index';
import { engines } from '../testing/engines.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';
import { syntheticHoso } from './synthetic.ts';
import { addFacilities, apiKeyFor } from './test-support.ts';
import type { IngestReceipt } from './receipt.ts';

type EventRow = {
  action: string;
  resource_type: string;
  resource_id: string | null;
  person_id: string | null;
  facility_code: string | null;
  actor_kind: string;
  request_id: string | null;
  outcome: string;
};

for (const engine of engines()) {
  describe(`ingest audit [${engine}]`, () => {
    let p: TestPlatform;
    let key: string;

    before(async () => {
      p = await testPlatform(engine);
      await addFacilities(p.db, [{ code: '92999', acceptUnsigned: true }]);
      key = await apiKeyFor(p.db, '92999');
    });
    after(async () => {
      await p.dispose();
    });

    const post = async (xml: string, query = ''): Promise<IngestReceipt> => {
      const r = await p.app.inject({
        method: 'POST',
        url: `/api/v1/xml130${query}`,
        headers: { 'content-type': 'application/xml', 'x-api-key': key },
        payload: xml,
      });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<IngestReceipt>();
    };
    const events = (prefix: string): Promise<EventRow[]> =>
      p.db.query<EventRow>(
        `SELECT action, resource_type, resource_id, person_id::text AS person_id, facility_code, actor_kind,
                request_id, outcome
           FROM audit_event WHERE resource_id LIKE $1 ORDER BY seq`,
        [`92999/${prefix}%`],
      );

    test('one import event per stored episode: person, facility/MA_LK, request id, actor', async () => {
      const hoso = [0, 1, 2].map((i) => syntheticHoso(i, { facility: '92999', prefix: 'AUD' }));
      // a repeated MA_LK in the same envelope is rejected: no event for it
      const xml = emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [...hoso, hoso[0]!] });
      const r = await post(xml);
      assert.equal(r.accepted, 3);
      assert.equal(r.rejected, 1);
      const got = await events('AUD');
      assert.equal(got.length, 3);
      const requestIds = new Set(got.map((e) => e.request_id));
      assert.equal(requestIds.size, 1, 'the events carry the request id of the POST');
      assert.ok([...requestIds][0]);
      r.results
        .filter((x) => x.status === 'accepted')
        .forEach((x, i) => {
          assert.deepEqual(got[i], {
            action: 'import',
            resource_type: 'Episode',
            resource_id: `92999/${x.maLk}`,
            person_id: x.personId,
            facility_code: '92999',
            actor_kind: 'apiKey',
            request_id: got[0]!.request_id,
            outcome: 'success',
          });
        });
      // another request, another request id
      await post(
        emitEnvelope({
          macskcb: '92999',
          ngayLap: '20260320',
          hoso: [syntheticHoso(9, { facility: '92999', prefix: 'AUE' })],
        }),
      );
      const [other] = await events('AUE');
      assert.ok(other?.request_id);
      assert.notEqual(other.request_id, got[0]!.request_id);
    });

    test('a dry run and rejected episodes write no import event', async () => {
      const h = syntheticHoso(5, { facility: '92999', prefix: 'AUDRY' });
      const dry = await post(
        emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso: [h] }),
        '?dryRun=true',
      );
      assert.equal(dry.accepted, 1);
      assert.deepEqual(await events('AUDRY'), []);
    });

    test('a big envelope (parse worker, several batches) audits every stored episode once', async () => {
      const hoso = Array.from({ length: 130 }, (_, i) =>
        syntheticHoso(i, { facility: '92999', prefix: 'AUB' }),
      );
      const r = await post(emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso }));
      assert.equal(r.accepted, 130);
      const got = await events('AUB');
      assert.equal(got.length, 130);
      assert.deepEqual(
        new Set(got.map((e) => e.resource_id)),
        new Set(r.results.map((x) => `92999/${x.maLk}`)),
      );
      assert.ok(got.every((e) => e.action === 'import' && e.person_id !== null));
    });
  });
}
