import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, migratedTestDb, withMigratedDb, type TestDb } from '../testing/engines.ts';
import { appendAudit, appendAuditNow } from '../audit/store.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { listPartitions, monthOf, partitionName, addMonths } from '../audit/partitions.ts';
import { pruneAudit } from '../audit/retention.ts';
import { toFhirAuditEvent } from '../audit/fhir.ts';
import { tamper, testEvent as event, withAuditDataDir } from './audit-fixtures.ts';
import { securityFixture, type SecurityFixture } from './fixtures.ts';

for (const engine of engines()) {
  describe(`audit chain [${engine}]`, () => {
    let t: TestDb;
    before(async () => {
      t = await migratedTestDb(engine);
    });
    after(() => t.dispose());

    test('an empty chain verifies; appended events chain from the genesis hash', async () => {
      assert.deepEqual((await verifyAuditChain(t.db)).ok, true);
      const [a, b] = await appendAudit(t.db, [event(1), event(2)]);
      assert.equal(a?.seq, 1);
      assert.equal(a.prevHash, '0'.repeat(64));
      assert.equal(b?.prevHash, a.hash);
      const r = await verifyAuditChain(t.db);
      assert.ok(r.ok);
      assert.equal(r.checked, 2);
    });

    test('events land in the partition of their month; the next month exists ahead', async () => {
      const names = (await listPartitions(t.db)).map((p) => p.name);
      const now = monthOf(new Date());
      assert.ok(names.includes(partitionName(now)), names.join());
      await appendAudit(t.db, event(3));
      const [row] = await t.db.query<{ t: string }>(
        'SELECT tableoid::regclass::text AS t FROM audit_event ORDER BY seq DESC LIMIT 1',
      );
      assert.equal(row?.t, partitionName(now));
    });

    test('the table is append-only: UPDATE and DELETE are refused', async () => {
      await assert.rejects(t.db.query("UPDATE audit_event SET action = 'x' WHERE seq = 1"), /append-only/);
      await assert.rejects(t.db.query('DELETE FROM audit_event WHERE seq = 1'), /append-only/);
    });

    test('personal data never enters details; a personal ID as username is masked', async () => {
      const [e] = await appendAudit(t.db, {
        actor: { kind: 'user', id: null, name: '092190012345', roles: ['citizen'], facilityCode: null },
        action: 'read',
        resourceType: 'Test',
        details: { note: 'card DN4929212345678 for 092190012345' },
      });
      assert.ok(!JSON.stringify(e).includes('092190012345'));
      assert.ok(!JSON.stringify(e).includes('DN4929212345678'));
      await assert.rejects(appendAudit(t.db, { ...event(0), personId: '092190012345' }), /platform id/);
      assert.ok((await verifyAuditChain(t.db)).ok);
    });

    test('concurrent appends from many connections keep one unbroken chain', async () => {
      // appendAuditNow: one transaction each, no batching — on PostgreSQL they really run in parallel.
      await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => appendAuditNow(t.db, [event(100 + i), event(200 + i)])),
        ...Array.from({ length: 30 }, (_, i) => appendAudit(t.db, event(300 + i))),
      ]);
      const r = await verifyAuditChain(t.db);
      assert.ok(r.ok, JSON.stringify(r.broken));
      const [c] = await t.db.query<{ n: number; d: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d FROM audit_event',
      );
      assert.equal(c?.n, c?.d);
      assert.equal(r.checked, c?.n);
    });

    test('a writer whose remembered chain head went stale re-chains instead of forking', async () => {
      // The group writer remembers the head; a transaction elsewhere (another server, a capability's
      // own transaction) moves it. The writer's next append must notice, re-read and chain after it.
      await appendAudit(t.db, event(400));
      await appendAuditNow(t.db, [event(401), event(402)]);
      const [stored] = await appendAudit(t.db, event(403));
      await appendAuditNow(t.db, [event(404)]);
      await Promise.all(Array.from({ length: 5 }, (_, i) => appendAudit(t.db, event(410 + i))));
      const r = await verifyAuditChain(t.db);
      assert.ok(r.ok, JSON.stringify(r.broken));
      const [row] = await t.db.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_event WHERE resource_id = $1',
        [stored!.resourceId],
      );
      assert.deepEqual(row, { seq: stored!.seq, hash: stored!.hash }, 'the returned event is the stored one');
      const [c] = await t.db.query<{ n: number; d: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d FROM audit_event',
      );
      assert.equal(c?.n, c?.d);
    });

    test('FHIR AuditEvent view (IHE BALP shape)', async () => {
      const [e] = await appendAudit(t.db, {
        actor: { kind: 'user', id: 'u1', name: 'bacsi', roles: ['clinician'], facilityCode: '92001' },
        action: 'read',
        resourceType: 'HealthBook',
        personId: '3f0e3b8e-1c1a-4e0e-9a55-4d2b8f1e0a11',
        breakGlass: true,
        purpose: 'Cấp cứu',
        requestId: 'req-1',
      });
      const f = toFhirAuditEvent(e!);
      assert.equal(f.resourceType, 'AuditEvent');
      assert.equal(f.action, 'R');
      assert.equal(f.outcome, '0');
      assert.match(JSON.stringify(f), /ETREAT/);
      assert.match(JSON.stringify(f), /Patient\/3f0e3b8e/);
    });

    test('a row changed directly in the database is detected and named', async () => {
      const before = await verifyAuditChain(t.db);
      assert.ok(before.ok);
      await tamper(t.db, "UPDATE audit_event SET purpose = 'nothing to see' WHERE seq = 3");
      const r = await verifyAuditChain(t.db);
      assert.equal(r.ok, false);
      assert.equal(r.broken?.seq, 3);
      assert.match(r.broken.reason, /hash/);
      assert.equal(r.checked, 2, 'events before it verified');
    });

    test('a row removed from the middle or the end is detected', async () => {
      await withMigratedDb(engine, async (db) => {
        await appendAudit(db, [event(1), event(2), event(3), event(4)]);
        await tamper(db, 'DELETE FROM audit_event WHERE seq = 4');
        const tail = await verifyAuditChain(db);
        assert.equal(tail.ok, false);
        assert.match(tail.broken!.reason, /head/);
        await tamper(db, 'DELETE FROM audit_event WHERE seq = 2');
        const mid = await verifyAuditChain(db);
        assert.equal(mid.broken?.seq, 2);
        assert.match(mid.broken.reason, /missing/);
      });
    });

    test('retention drops old months behind a checkpoint; the rest still verifies; a forged checkpoint does not', async () => {
      await withMigratedDb(engine, async (db) => {
        mock.timers.enable({ apis: ['Date'], now: new Date('2014-01-15T08:00:00Z') });
        try {
          await appendAuditNow(db, [event(1), event(2), event(3)]);
          mock.timers.setTime(new Date('2014-02-10T08:00:00Z').getTime());
          await appendAuditNow(db, [event(4), event(5)]);
        } finally {
          mock.timers.reset();
        }
        await appendAuditNow(db, [event(6)]);
        const names = (await listPartitions(db)).map((p) => p.name);
        assert.ok(
          names.includes('audit_event_2014_01') && names.includes('audit_event_2014_02'),
          names.join(),
        );
        assert.deepEqual(await pruneAudit(db, 12 * 20), [], 'nothing older than 20 years');
        const dropped = await pruneAudit(db, 120);
        assert.deepEqual(
          dropped.map((d) => [d.partition, d.events]),
          [
            ['audit_event_2014_01', 3],
            ['audit_event_2014_02', 2],
          ],
        );
        const r = await verifyAuditChain(db);
        assert.ok(r.ok, JSON.stringify(r.broken));
        assert.equal(r.fromCheckpoint?.toSeq, 5);
        assert.equal(r.firstSeq, 6);
        await db.query("UPDATE audit_checkpoint SET last_hash = repeat('a', 64) WHERE to_seq = 5");
        assert.equal((await verifyAuditChain(db)).ok, false);
      });
    });

    test('partitions are named by UTC month', () => {
      assert.equal(partitionName(addMonths({ year: 2026, month: 12 }, 1)), 'audit_event_2027_01');
      assert.equal(partitionName(addMonths({ year: 2026, month: 1 }, -1)), 'audit_event_2025_12');
    });
  });

  describe(`audit under concurrent HTTP requests [${engine}]`, () => {
    let f: SecurityFixture;
    before(async () => {
      f = await securityFixture(engine);
    });
    after(() => f.dispose());

    test('50 parallel reads: 50 audit events, chain valid', async () => {
      const [b] = await f.p.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'read'",
      );
      const rs = await Promise.all(
        Array.from({ length: 50 }, () =>
          f.inject({ method: 'GET', url: `/api/v1/persons/${f.patient.id}`, as: f.as.clinician }),
        ),
      );
      assert.ok(rs.every((r) => r.statusCode === 200));
      const [a] = await f.p.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'read'",
      );
      assert.equal(a!.n - b!.n, 50);
      const ids = new Set(
        (
          await f.p.db.query<{ request_id: string }>(
            "SELECT request_id FROM audit_event WHERE action = 'read'",
          )
        ).map((r) => r.request_id),
      );
      assert.ok(ids.size >= 50, 'each event carries its own request id');
      assert.ok((await verifyAuditChain(f.p.db)).ok);
    });
  });
}

describe('`npx suckhoe audit verify`', () => {
  test('exits 0 on a valid chain and non-zero naming the first broken event', async () => {
    await withAuditDataDir('audit-cli-', {}, async ({ run, open }) => {
      const ok = run('verify');
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /3 sự kiện/);
      const db2 = await open();
      await tamper(db2, "UPDATE audit_event SET resource_id = 'changed' WHERE seq = 2");
      await db2.close();
      const bad = run('verify');
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /#2/);
    });
  });
});
