import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines, migratedTestDb, withMigratedDb, type TestDb } from '../testing/engines.ts';
import type { Db } from '../db/types.ts';
import { appendAudit } from '../audit/store.ts';
import { EVENT_COLUMNS, eventHash, rowToEvent, type EventRow } from '../audit/chain.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { pruneAudit } from '../audit/retention.ts';
import { verifyAnchors, writeAnchor, type Anchor } from '../audit/anchor.ts';
import { asSuperuser, tamper, testEvent as event, withAuditDataDir } from './audit-fixtures.ts';
const KEY = 'anchor-test-key-0123456789abcdef';

/**
 * What a database superuser can do: change event `seq` and recompute every hash from it to the end,
 * chain head included — the chain is consistent again and `verifyAuditChain` passes.
 */
async function rewriteChain(db: Db, seq: number, change: { purpose: string }): Promise<void> {
  await asSuperuser(db, async (tx) => {
    const rows = await tx.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM audit_event ORDER BY seq`);
    let prev: string | null = null;
    for (const r of rows) {
      const e = rowToEvent(r);
      if (e.seq < seq) {
        prev = e.hash;
        continue;
      }
      const changed = { ...e, ...(e.seq === seq ? change : {}), prevHash: prev ?? e.prevHash };
      const hash = eventHash(changed);
      await tx.query('UPDATE audit_event SET purpose = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [
        e.seq,
        changed.purpose,
        changed.prevHash,
        hash,
      ]);
      prev = hash;
    }
    await tx.query('UPDATE audit_chain_head SET hash = $1 WHERE id = 1', [prev]);
  });
}

const lines = (file: string): Anchor[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Anchor);

for (const engine of engines()) {
  describe(`audit chain anchors outside the database [${engine}]`, () => {
    let t: TestDb;
    let dir: string;
    before(async () => {
      t = await migratedTestDb(engine);
      dir = mkdtempSync(join(tmpdir(), 'anchor-'));
    });
    after(async () => {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    test('an anchor is one signed JSON line of the chain head, appended to a private file', async () => {
      const file = join(dir, 'sub', 'anchors.jsonl');
      const empty = await writeAnchor(t.db, { file, key: KEY });
      assert.equal(empty.seq, 0);
      await appendAudit(t.db, [event(1), event(2), event(3)]);
      const a = await writeAnchor(t.db, { file, key: KEY });
      assert.equal(a.seq, 3);
      const [head] = await t.db.query<{ hash: string }>('SELECT hash FROM audit_chain_head');
      assert.equal(a.hash, head?.hash);
      assert.match(a.mac ?? '', /^[0-9a-f]{64}$/);
      assert.deepEqual(lines(file), [empty, a], 'appended, earlier lines unchanged');
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const r = await verifyAnchors(t.db, file, { key: KEY });
      assert.ok(r.ok, JSON.stringify(r.problems));
      assert.equal(r.matched, 2);
    });

    test('a chain rewritten consistently in the database passes verify, but not the anchors', async () => {
      const file = join(dir, 'rewrite.jsonl');
      await appendAudit(t.db, [event(4), event(5)]);
      await writeAnchor(t.db, { file, key: KEY }); // #5
      await appendAudit(t.db, [event(6), event(7)]);
      await writeAnchor(t.db, { file, key: KEY }); // #7
      await rewriteChain(t.db, 4, { purpose: 'rewritten' });
      const chain = await verifyAuditChain(t.db);
      assert.ok(chain.ok, 'the hash chain alone cannot see a consistent rewrite');
      const r = await verifyAnchors(t.db, file, { key: KEY });
      assert.equal(r.ok, false);
      assert.deepEqual(
        r.problems.map((p) => [p.line, p.seq]),
        [
          [1, 5],
          [2, 7],
        ],
      );
      assert.match(r.problems[0]!.reason, /rewritten at or before #5/);
      // Unsigned anchors (no key configured) catch the rewrite just the same.
      const r2 = await verifyAnchors(t.db, file);
      assert.equal(r2.ok, false);
      assert.equal(r2.unchecked, 2);
    });

    test('forged anchors: a changed line, an unsigned line or another key fail the HMAC', async () => {
      const file = join(dir, 'forged.jsonl');
      const a = await writeAnchor(t.db, { file, key: KEY });
      assert.ok((await verifyAnchors(t.db, file, { key: KEY })).ok);
      // The attacker who rewrote the chain updates the anchor to the new head: without the key the HMAC is wrong.
      const [head] = await t.db.query<{ hash: string }>('SELECT hash FROM audit_chain_head');
      writeFileSync(file, `${JSON.stringify({ ...a, hash: 'f'.repeat(64) })}\n`);
      let r = await verifyAnchors(t.db, file, { key: KEY });
      assert.match(r.problems[0]?.reason ?? '', /HMAC/);
      const { mac: _m, ...unsigned } = a;
      writeFileSync(file, `${JSON.stringify({ ...unsigned, hash: head!.hash })}\n`);
      r = await verifyAnchors(t.db, file, { key: KEY });
      assert.match(r.problems[0]?.reason ?? '', /unsigned/);
      writeFileSync(file, `${JSON.stringify(a)}\nnot json\n`);
      r = await verifyAnchors(t.db, file, { key: 'another-key-0123456789abcdef' });
      assert.deepEqual(
        r.problems.map((p) => p.line),
        [1, 2],
      );
      writeFileSync(file, '');
      assert.match((await verifyAnchors(t.db, file, { key: KEY })).problems[0]?.reason ?? '', /no anchors/);
    });

    test('events removed from the end (chain shorter than anchored) are caught', async () => {
      await withMigratedDb(engine, async (db) => {
        await appendAudit(db, [event(1), event(2), event(3)]);
        const file = join(dir, 'cut.jsonl');
        await writeAnchor(db, { file });
        await asSuperuser(db, async (tx) => {
          await tx.query('DELETE FROM audit_event WHERE seq = 3');
          await tx.query(
            'UPDATE audit_chain_head SET seq = 2, hash = (SELECT hash FROM audit_event WHERE seq = 2)',
          );
        });
        assert.ok((await verifyAuditChain(db)).ok, 'a cut end with a moved head passes the chain check');
        const r = await verifyAnchors(db, file);
        assert.match(r.problems[0]?.reason ?? '', /chain ends at #2/);
      });
    });

    test('anchors in months dropped by retention are skipped, or checked against the checkpoint', async () => {
      await withMigratedDb(engine, async (db) => {
        await appendAudit(db, [event(1), event(2)]);
        const file = join(dir, 'pruned.jsonl');
        await writeAnchor(db, { file, key: KEY });
        // Move the events into an old month's partition, then let retention drop it.
        await db.exec(
          "CREATE TABLE audit_event_2015_03 PARTITION OF audit_event FOR VALUES FROM ('2015-03-01') TO ('2015-04-01')",
        );
        await tamper(db, `UPDATE audit_event SET at = '2015-03-10T00:00:00Z'`);
        // Hashes cover `at`: rehash consistently (a legitimate history would have been written then).
        await rewriteChain(db, 1, { purpose: null as unknown as string });
        const [h] = await db.query<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = 2');
        writeFileSync(file, '');
        await writeAnchor(db, { file, key: KEY }); // #2, in the old month
        await appendAudit(db, [event(3)]);
        await writeAnchor(db, { file, key: KEY }); // #3
        const dropped = await pruneAudit(db, 120);
        assert.deepEqual(
          dropped.map((d) => d.partition),
          ['audit_event_2015_03'],
        );
        const r = await verifyAnchors(db, file, { key: KEY });
        assert.ok(r.ok, JSON.stringify(r.problems));
        assert.equal(r.matched, 2, 'the checkpoint at #2 carries the anchored hash; #3 is in the chain');
        assert.equal(h?.hash, lines(file)[0]?.hash);
      });
    });
  });
}

describe('`npx suckhoe audit anchor` and `audit verify --anchors`', () => {
  test('anchor, rewrite the chain consistently: verify passes alone, fails with --anchors', async () => {
    await withAuditDataDir('anchor-cli-', { AUDIT_ANCHOR_KEY: KEY }, async ({ dir, run, open }) => {
      const file = join(dir, 'outside', 'anchors.jsonl');
      const anchored = run('anchor', '--file', file);
      assert.equal(anchored.status, 0, anchored.stderr);
      assert.match(anchored.stdout, /#3/);
      assert.equal(lines(file).length, 1);
      const ok = run('verify', '--anchors', file);
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /Anchors OK/);

      const db2 = await open();
      await rewriteChain(db2, 2, { purpose: 'rewritten' });
      await db2.close();
      const plain = run('verify');
      assert.equal(plain.status, 0, 'the rewrite is consistent: the chain check alone passes');
      const bad = run('verify', '--anchors', file);
      assert.equal(bad.status, 1, bad.stdout);
      assert.match(bad.stderr, /AUDIT ANCHORS DO NOT MATCH/);
      assert.match(bad.stderr, /#3/);
      const missing = run('verify', '--anchors', join(dir, 'nope.jsonl'));
      assert.notEqual(missing.status, 0);
      assert.match(missing.stderr, /anchor file not found/);
    });
  });
});
