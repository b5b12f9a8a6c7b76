/**
 * The ingest pipeline under failure: a database failure in the middle of a batch leaves whole
 * episodes or nothing (never a half-written one), transient conflicts are retried, and a failing
 * batch is split so the other episodes are still stored. Also: streaming from a file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines, type TestDb } from '../testing/engines.ts';
import type { Db, Queryable } from '../db/types.ts';
import { readFileSync } from 'node:fs';
import { readEnvelopeParts } from '../episodes/store.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { importAuditRecords } from '../cli/import.ts';
import { ingestEnvelope, isRefusal } from './pipeline.ts';
import { bufferSource, fileSource } from './source.ts';
import { syntheticEnvelope } from './synthetic.ts';
import {
  ADMIN_SENDER as ADMIN,
  adminImport,
  ingestTestDb,
  keyPair,
  rowCounts,
  TEST_FACILITY,
} from './test-support.ts';

const EPISODE_INSERT = /^(INSERT INTO|COPY) episode \(/;

/**
 * A Db whose transactions run `hook` before every statement (to inject failures). On PostgreSQL the
 * bulk writes are COPY statements: the hook sees them as `COPY table (…) FROM STDIN`.
 */
function faulty(db: Db, hook: (sql: string) => void): Db {
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      hook(typeof sql === 'string' ? sql : String((sql as { text?: unknown }).text));
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  return {
    ...db,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    close: db.close.bind(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
  };
}

/** Every stored episode has exactly its lines (no half-written episode, no orphan lines). */
async function consistent(db: Queryable): Promise<void> {
  const bad = await db.query(
    `SELECT e.ma_lk FROM episode e
      WHERE e.drug_count <> (SELECT count(*) FROM episode_drug d WHERE d.person_id = e.person_id AND d.episode_id = e.id)
         OR e.service_count <> (SELECT count(*) FROM episode_service s WHERE s.person_id = e.person_id AND s.episode_id = e.id)
         OR e.lab_count <> (SELECT count(*) FROM episode_lab l WHERE l.person_id = e.person_id AND l.episode_id = e.id)`,
  );
  assert.deepEqual(bad, []);
  for (const t of [
    'episode_drug',
    'episode_service',
    'episode_lab',
    'episode_note',
    'episode_document',
    'episode_finding',
  ]) {
    const [orphans] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${t} c WHERE NOT EXISTS (SELECT 1 FROM episode e WHERE e.person_id = c.person_id AND e.id = c.episode_id)`,
    );
    assert.equal(orphans?.n, 0, t);
  }
}

for (const engine of engines()) {
  describe(`ingest pipeline under failure [${engine}]`, () => {
    let t: TestDb;
    before(async () => {
      t = await ingestTestDb(engine);
    });
    after(async () => {
      await t.dispose();
    });

    test('a failure in the middle of a batch leaves no half-written episode; earlier batches stay', async () => {
      let batches = 0;
      const db = faulty(t.db, (sql) => {
        if (EPISODE_INSERT.test(sql)) batches++;
        // From the second batch on, the lab lines cannot be written (after the episodes and drugs were).
        if (batches >= 2 && /^(INSERT INTO|COPY) episode_lab /.test(sql)) throw new Error('simulated crash');
      });
      const r = await adminImport(
        db,
        syntheticEnvelope(0, 15, { facility: TEST_FACILITY, prefix: 'CRASH' }),
        { batchSize: 5 },
      );
      assert.equal(r.accepted, 5);
      assert.equal(r.rejected, 10);
      assert.ok(r.results.slice(5).every((x) => x.errors[0]?.rule === 'STORE_FAILED'));
      const [n] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM episode WHERE ma_lk LIKE 'CRASH%'`,
      );
      assert.equal(n?.n, 5);
      await consistent(t.db);
    });

    test('the audit events of a batch commit with its episodes: a batch that fails leaves neither', async () => {
      let batches = 0;
      const db = faulty(t.db, (sql) => {
        if (EPISODE_INSERT.test(sql)) batches++;
        // From the second batch on, the transaction fails after its audit events were written.
        if (batches >= 2 && /^UPDATE audit_chain_head /.test(sql)) throw new Error('simulated crash');
      });
      const actor = { kind: 'system' as const, id: null, name: 'test', roles: [], facilityCode: null };
      const r = await adminImport(db, syntheticEnvelope(0, 12, { facility: TEST_FACILITY, prefix: 'ATOM' }), {
        batchSize: 4,
        audit: (events) => importAuditRecords(actor, events),
      });
      assert.equal(r.accepted, 4);
      assert.equal(r.rejected, 8);
      const ids = async (sql: string) =>
        (await t.db.query<{ id: string }>(sql, [`${TEST_FACILITY}/ATOM%`])).map((x) => x.id).sort();
      const stored = await ids(
        `SELECT facility_code || '/' || ma_lk AS id FROM episode WHERE facility_code || '/' || ma_lk LIKE $1`,
      );
      const audited = await ids(
        `SELECT resource_id AS id FROM audit_event
          WHERE action = 'import' AND resource_type = 'Episode' AND resource_id LIKE $1`,
      );
      assert.equal(stored.length, 4);
      assert.deepEqual(audited, stored, 'one import event per stored episode, none for the failed batches');
      assert.ok((await verifyAuditChain(t.db)).ok);
      await consistent(t.db);
    });

    test('one episode that cannot be stored does not sink the others of its batch', async () => {
      let calls = 0;
      const picky = faulty(t.db, (sql) => {
        // The batch insert of 4 episodes fails; retried one by one, only the 3rd fails.
        if (EPISODE_INSERT.test(sql)) {
          calls++;
          if (calls === 1 || calls === 4) throw new Error('bad row');
        }
      });
      const r = await adminImport(
        picky,
        syntheticEnvelope(0, 4, { facility: TEST_FACILITY, prefix: 'SPLIT' }),
        { batchSize: 10 },
      );
      assert.deepEqual(
        r.results.map((x) => x.status),
        ['accepted', 'accepted', 'rejected', 'accepted'],
      );
      await consistent(t.db);
    });

    test('transient conflicts (serialization, deadlock, unique race) are retried', async () => {
      let thrown = 0;
      const db = faulty(t.db, (sql) => {
        if (EPISODE_INSERT.test(sql) && thrown < 2) {
          thrown++;
          throw Object.assign(new Error('could not serialize access'), {
            code: thrown === 1 ? '40001' : '23505',
          });
        }
      });
      const r = await adminImport(db, syntheticEnvelope(0, 6, { facility: TEST_FACILITY, prefix: 'RETRY' }), {
        batchSize: 3,
      });
      assert.equal(r.accepted, 6);
      assert.equal(thrown, 2);
      await consistent(t.db);
    });

    test('the parse worker and the in-thread parser give the same receipt', async () => {
      const xml = syntheticEnvelope(0, 40, { facility: TEST_FACILITY, prefix: 'MODE' });
      const bad = xml.replace(/(<LOAIHOSO>XML2<\/LOAIHOSO>\s*<NOIDUNGFILE>)[^<]{8}/, '$1********');
      const run = async (parse: 'worker' | 'inline') => {
        const r = await adminImport(t.db, bad, { parse, dryRun: true });
        return r.results.map((x) => ({ ...x, personId: undefined }));
      };
      const viaWorker = await run('worker');
      assert.equal(viaWorker.filter((x) => x.status === 'rejected').length, 1);
      assert.deepEqual(viaWorker, await run('inline'));
    });

    test('envelopes parsed in the shared worker at the same time do not mix', async () => {
      const a = syntheticEnvelope(0, 30, { facility: TEST_FACILITY, prefix: 'PARA' });
      const b = syntheticEnvelope(0, 30, { facility: TEST_FACILITY, prefix: 'PARB' });
      const [ra, rb] = await Promise.all(
        [a, b].map((xml) =>
          ingestEnvelope(bufferSource(Buffer.from(xml)), {
            db: t.db,
            sender: ADMIN,
            source: 'import',
            parse: 'worker',
            batchSize: 7,
          }),
        ),
      );
      assert.ok(ra && rb && !isRefusal(ra) && !isRefusal(rb));
      assert.equal(ra.accepted, 30);
      assert.equal(rb.accepted, 30);
      assert.ok(ra.results.every((x) => x.maLk.startsWith('PARA')));
      assert.ok(rb.results.every((x) => x.maLk.startsWith('PARB')));
      await consistent(t.db);
    });

    test('a file streams through (scan, parse and store read it in chunks); nothing stored twice', async () => {
      const k = keyPair('stream');
      try {
        const file = k.write(
          'batch.xml',
          syntheticEnvelope(0, 120, { facility: TEST_FACILITY, prefix: 'FILE' }),
        );
        const before = await rowCounts(t.db);
        const progress: number[] = [];
        const r = await ingestEnvelope(fileSource(file), {
          db: t.db,
          sender: ADMIN,
          source: 'import',
          batchSize: 50,
          collectResults: false,
          onProgress: (b) => progress.push(b),
        });
        assert.ok(!isRefusal(r));
        assert.equal(r.accepted, 120);
        assert.equal(r.results.length, 0, 'results streamed, not collected');
        assert.ok(progress.length > 3, 'read in several chunks');
        const mid = await rowCounts(t.db);
        assert.equal(mid.episode! - before.episode!, 120);
        const again = await ingestEnvelope(fileSource(file), { db: t.db, sender: ADMIN, source: 'import' });
        assert.ok(!isRefusal(again));
        assert.deepEqual(await rowCounts(t.db), mid);
        const parts = await readEnvelopeParts(t.db, r.envelope.sha256);
        assert.ok(parts);
        assert.ok(Buffer.concat(parts).equals(readFileSync(file)), 'the envelope is stored byte for byte');
      } finally {
        k.cleanup();
      }
      await consistent(t.db);
    });
  });
}
