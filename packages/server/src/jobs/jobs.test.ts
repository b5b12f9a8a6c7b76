import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines, openTestDb, testConfig, type TestDb } from '../testing/engines.ts';
import { testPlatform } from '../testing/platform.ts';
import { migrate } from '../db/migrate.ts';
import { appendAudit } from '../audit/store.ts';
import { listPartitions } from '../audit/partitions.ts';
import { verifyAnchors } from '../audit/anchor.ts';
import { JOBS_LOCK_KEY, runJobsOnce, startJobs, type JobLog } from './runner.ts';

const KEY = 'jobs-test-anchor-key-0123456789';

const until = async (cond: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

function memoryLog(): JobLog & { lines: { level: string; obj: object; msg: string }[] } {
  const lines: { level: string; obj: object; msg: string }[] = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
}

for (const engine of engines()) {
  describe(`scheduled jobs [${engine}]`, () => {
    let t: TestDb;
    let dir: string;
    before(async () => {
      t = await openTestDb(engine);
      await migrate(t.db);
      await appendAudit(t.db, {
        actor: { kind: 'system', id: null, name: 'test', roles: [], facilityCode: null },
        action: 'read',
        resourceType: 'Test',
      });
      dir = mkdtempSync(join(tmpdir(), 'jobs-'));
    });
    after(async () => {
      await t.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    test('without settings only the partitions job runs', async () => {
      const config = testConfig();
      try {
        const r = await runJobsOnce(t.db, config, { now: new Date('2031-05-20T00:00:00Z') });
        assert.ok(r.ran);
        assert.deepEqual(
          r.jobs.map((j) => [j.name, j.ok]),
          [['audit_partitions', true]],
        );
        const names = (await listPartitions(t.db)).map((p) => p.name);
        assert.ok(
          names.includes('audit_event_2031_05') && names.includes('audit_event_2031_06'),
          names.join(),
        );
      } finally {
        config.cleanup();
      }
    });

    test('with AUDIT_RETENTION_MONTHS and AUDIT_ANCHOR_FILE: prune and a signed anchor', async () => {
      const file = join(dir, 'anchors.jsonl');
      const config = testConfig({
        AUDIT_RETENTION_MONTHS: '60',
        AUDIT_ANCHOR_FILE: file,
        AUDIT_ANCHOR_KEY: KEY,
      });
      try {
        await t.db.exec(
          "CREATE TABLE audit_event_2016_02 PARTITION OF audit_event FOR VALUES FROM ('2016-02-01') TO ('2016-03-01')",
        );
        const r = await runJobsOnce(t.db, config);
        assert.ok(r.ran);
        assert.deepEqual(
          r.jobs.map((j) => [j.name, j.ok]),
          [
            ['audit_partitions', true],
            ['audit_retention', true],
            ['audit_anchor', true],
          ],
        );
        assert.match(r.jobs[1]!.summary, /audit_event_2016_02/);
        assert.ok(!(await listPartitions(t.db)).some((p) => p.name === 'audit_event_2016_02'));
        assert.match(r.jobs[2]!.summary, /signed/);
        assert.equal(readFileSync(file, 'utf8').trim().split('\n').length, 1);
        assert.ok((await verifyAnchors(t.db, file, { key: KEY })).ok);
      } finally {
        config.cleanup();
      }
    });

    test('one run at a time in a process: a concurrent call is skipped', async () => {
      const config = testConfig();
      try {
        const [a, b] = await Promise.all([runJobsOnce(t.db, config), runJobsOnce(t.db, config)]);
        assert.deepEqual([a.ran, b.ran], [true, false]);
        assert.deepEqual(b, { ran: false, reason: 'running' });
        assert.ok((await runJobsOnce(t.db, config)).ran, 'the next run goes ahead');
      } finally {
        config.cleanup();
      }
    });

    if (engine === 'postgres') {
      test('across servers: while another session holds the advisory lock, the run is skipped', async () => {
        const config = testConfig();
        try {
          const inside = await t.db.transaction(async (tx) => {
            await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [JOBS_LOCK_KEY.toString()]);
            return runJobsOnce(t.db, config);
          });
          assert.deepEqual(inside, { ran: false, reason: 'locked' });
          assert.ok((await runJobsOnce(t.db, config)).ran, 'released at the end of that transaction');
        } finally {
          config.cleanup();
        }
      });
    }

    test('a failing job is reported with identifiers masked; the others still run; nothing throws', async () => {
      const config = testConfig();
      try {
        const r = await runJobsOnce(t.db, config, {
          jobs: [
            {
              name: 'broken',
              enabled: () => true,
              run: () => Promise.reject(new Error('failed for 092190012345')),
            },
            { name: 'fine', enabled: () => true, run: () => Promise.resolve('ok') },
          ],
        });
        assert.ok(r.ran);
        assert.deepEqual(r.jobs, [
          { name: 'broken', ok: false, summary: 'failed for [redacted]' },
          { name: 'fine', ok: true, summary: 'ok' },
        ]);
      } finally {
        config.cleanup();
      }
    });

    test('startJobs runs at start, logs failures without throwing, and stops on close', async () => {
      // The anchor file's folder is a file: the anchor job fails, the partitions job still runs.
      const blocker = join(dir, 'not-a-folder');
      await import('node:fs/promises').then((fs) => fs.writeFile(blocker, 'x'));
      const config = testConfig({ AUDIT_ANCHOR_FILE: join(blocker, 'anchors.jsonl') });
      const log = memoryLog();
      try {
        const s = startJobs(t.db, config, log);
        await until(() => log.lines.some((l) => l.msg === 'scheduled job failed'));
        await s.stop();
        const failed = log.lines.find((l) => l.msg === 'scheduled job failed');
        assert.equal((failed?.obj as { job: string }).job, 'audit_anchor');
        assert.ok(log.lines.some((l) => (l.obj as { job?: string }).job === 'audit_partitions'));
        const n = log.lines.length;
        await new Promise((r) => setTimeout(r, 50));
        assert.equal(log.lines.length, n, 'nothing runs after stop');
        const off = startJobs(t.db, testConfig({ JOBS_INTERVAL_MINUTES: '0' }), log);
        await off.stop();
      } finally {
        config.cleanup();
      }
    });
  });

  describe(`the server starts the jobs [${engine}]`, () => {
    test('with AUDIT_ANCHOR_FILE the server anchors the chain at start', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jobs-server-'));
      const file = join(dir, 'anchors.jsonl');
      const p = await testPlatform(engine, { AUDIT_ANCHOR_FILE: file, AUDIT_ANCHOR_KEY: KEY });
      try {
        await until(() => existsSync(file) && readFileSync(file, 'utf8').endsWith('\n'));
        assert.ok((await verifyAnchors(p.db, file, { key: KEY })).ok);
      } finally {
        await p.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
