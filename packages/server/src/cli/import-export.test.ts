/**
 * `npx suckhoe import` and `npx suckhoe export` as separate processes against a real database
 * (PGlite in a temporary DATA_DIR, and a fresh PostgreSQL database with TEST_DATABASE_URL): exit
 * codes, per-file summaries, progress output, idempotence, signature rules, signed export.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { emitEnvelope } from '@suckhoe/domain/xml130/index';
import { engines } from '../testing/engines.ts';
import { openDb } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import type { Db } from '../db/types.ts';
import { envelopeSigner } from '../ingest/dsig/sign.ts';
import { scanEnvelope } from '../ingest/dsig/scan.ts';
import { verifyEnvelopeSignature } from '../ingest/dsig/verify.ts';
import { syntheticEnvelope, syntheticHoso } from '../ingest/synthetic.ts';
import { addFacilities, apiKeyFor, keyPair, rowCounts, type KeyPair } from '../ingest/test-support.ts';

const BIN = new URL('../../bin/suckhoe.mjs', import.meta.url).pathname;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

for (const engine of engines()) {
  describe(`suckhoe import / export [${engine}]`, () => {
    let dir: string;
    let env: Record<string, string>;
    let dropDb: (() => Promise<void>) | undefined;
    let k: KeyPair;
    let files: string;
    let key92999 = '';

    const cli = (...args: string[]): Run => {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 120_000,
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
      const db = await openDb({ dataDir: dir, databaseUrl: env.DATABASE_URL });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'suckhoe-cli-'));
      env = { DATA_DIR: dir, SEED_DEMO: '0', ADMIN_PASSWORD: 'test-admin-password', LOG_LEVEL: 'silent' };
      if (engine === 'postgres') {
        const url = process.env.TEST_DATABASE_URL!;
        const name = `cli_${randomBytes(5).toString('hex')}`;
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`CREATE DATABASE ${name}`);
        await c.end();
        const u = new URL(url);
        u.pathname = `/${name}`;
        env.DATABASE_URL = u.toString();
        dropDb = async () => {
          const d = new pg.Client({ connectionString: url });
          await d.connect();
          await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await d.end();
        };
      }
      k = keyPair('Benh vien 92001');
      await withDb(async (db) => {
        await migrate(db);
        await addFacilities(db, [
          { code: '92999', acceptUnsigned: true },
          { code: '92001', certPem: k.certPem },
          { code: '92002' },
        ]);
        key92999 = await apiKeyFor(db, '92999');
      });
      files = join(dir, 'in');
      mkdirSync(join(files, 'sub'), { recursive: true });
      writeFileSync(join(files, 'a.xml'), syntheticEnvelope(0, 30, { facility: '92999', prefix: 'CLI' }));
      writeFileSync(
        join(files, 'sub', 'b.xml'),
        envelopeSigner(k.keyPem, k.certPem).sign(
          syntheticEnvelope(30, 10, { facility: '92001', prefix: 'CLI' }),
        ),
      );
      writeFileSync(join(files, 'notes.txt'), 'not an envelope, not *.xml: skipped');
    });
    after(async () => {
      k.cleanup();
      rmSync(dir, { recursive: true, force: true });
      await dropDb?.();
    });

    test('imports files and directories with a progress bar and one summary per file; exit 0 when all accepted', async () => {
      const r = cli('import', files);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /a\.xml: 30 hồ sơ nhận, 0 từ chối \(30 HOSO, không ký\)/);
      assert.match(r.stdout, /b\.xml: 10 hồ sơ nhận, 0 từ chối \(10 HOSO, chữ ký hợp lệ\)/);
      assert.match(r.stdout, /Tổng: 2 tệp, 40 hồ sơ nhận, 0 từ chối/);
      assert.match(r.stderr, /import \[.*\] 100%/);
      const counts = await withDb(rowCounts);
      assert.equal(counts.episode, 40);
      assert.equal(counts.xml_envelope, 2);
      const again = cli('import', '--no-progress', files);
      assert.equal(again.status, 0, again.stdout + again.stderr);
      assert.deepEqual(await withDb(rowCounts), counts, 'importing again stores nothing twice');
      const [events] = await withDb((db) =>
        db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_event WHERE action = 'import' AND actor_name = 'cli:import'`,
        ),
      );
      assert.equal(events?.n, 80);
    });

    test('exit code 1 when an episode or a file is rejected; details per episode and in --report', async () => {
      const hoso = [0, 1].map((i) => syntheticHoso(i, { facility: '92999', prefix: 'BAD' }));
      (hoso[1]!.tables.XML1![0]! as Record<string, string>).T_THUOC = '1.00';
      const bad = join(dir, 'bad.xml');
      writeFileSync(bad, emitEnvelope({ macskcb: '92999', ngayLap: '20260320', hoso }));
      const foreign = join(dir, 'XML1.xml');
      writeFileSync(foreign, '<TONG_HOP><MA_LK>1</MA_LK></TONG_HOP>');
      const report = join(dir, 'report.ndjson');
      const r = cli('import', '--no-progress', '--report', report, bad, foreign);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /bad\.xml: 1 hồ sơ nhận, 1 từ chối/);
      assert.match(r.stdout, /HOSO 2 MA_LK BAD1-00000001: XML1\.T_THUOC TOTAL_T_THUOC/);
      assert.match(r.stdout, /XML1\.xml: từ chối cả tệp — NOT_AN_ENVELOPE/);
      const lines = readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(lines.length, 3);
    });

    test('signature rules are the same as the API; --allow-unsigned is an admin override, flagged', async () => {
      const unsigned = join(dir, 'unsigned-92002.xml');
      writeFileSync(unsigned, syntheticEnvelope(0, 2, { facility: '92002', prefix: 'UNS' }));
      const refused = cli('import', '--no-progress', unsigned);
      assert.equal(refused.status, 1);
      assert.match(refused.stdout, /SIGNATURE_REQUIRED/);
      const forced = cli('import', '--no-progress', '--allow-unsigned', unsigned);
      assert.equal(forced.status, 0, forced.stdout);
      const tampered = join(dir, 'tampered.xml');
      writeFileSync(
        tampered,
        readFileSync(join(files, 'sub', 'b.xml'), 'utf8').replace('<NGAYLAP>20260320', '<NGAYLAP>20260321'),
      );
      const t = cli('import', '--no-progress', '--allow-unsigned', tampered);
      assert.equal(t.status, 1);
      assert.match(t.stdout, /SIGNATURE_DIGEST_MISMATCH/);
    });

    test('--facility-key imports only that facility', async () => {
      const r = cli('import', '--no-progress', '--facility-key', key92999, join(files, 'sub', 'b.xml'));
      assert.equal(r.status, 1);
      assert.match(r.stdout, /FACILITY_SCOPE_FORBIDDEN/);
      const bad = cli('import', '--no-progress', '--facility-key', 'skh_notakey', join(files, 'a.xml'));
      assert.notEqual(bad.status, 0);
    });

    test('export writes the envelope, signed with --sign/--cert; unknown episode exits 1', async () => {
      const out = join(dir, 'export.xml');
      const r = cli(
        'export',
        '--facility',
        '92999',
        '--ma-lk',
        'CLI1-00000003',
        '--out',
        out,
        '--sign',
        k.keyFile,
        '--cert',
        k.certFile,
      );
      assert.equal(r.status, 0, r.stderr);
      assert.ok(existsSync(out));
      const xml = readFileSync(out);
      assert.equal(verifyEnvelopeSignature(scanEnvelope(xml), k.certPem).code, 'SIGNATURE_VALID');
      assert.match(xml.toString('utf8'), /<MACSKCB>92999<\/MACSKCB>/);
      const stdout = cli('export', '--facility', '92999', '--ma-lk', 'CLI1-00000003');
      assert.equal(stdout.status, 0);
      assert.match(stdout.stdout, /^<\?xml version="1.0" encoding="utf-8"\?>\n<GIAMDINHHS/);
      const missing = cli('export', '--facility', '92999', '--ma-lk', 'NOPE');
      assert.equal(missing.status, 1);
    });
  });
}
