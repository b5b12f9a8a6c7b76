/**
 * XML 130 ingest, end to end: signed GIAMDINHHS files of realistic episodes (8 drug, 8 service and
 * 4 lab lines each, lines from the real redacted samples) go through what `suckhoe import` does —
 * streaming scan with XMLDSig verification against the facility's registered certificate, parse,
 * validation, mapping, person matching/creation, batched writes of episode, lines and warnings,
 * audit events. Figures (one JSON line each), per engine:
 *
 * - `ingest.episodes`      episodes/s over BENCH_INGEST_EPISODES episodes in files of
 *                          BENCH_INGEST_PER_FILE; ceiling: parse-only rate (same files: scan, signature,
 *                          parse, validate, map — one thread, no database), same run;
 * - `ingest.rows`           rows/s written by that run (episodes, lines, persons, identifiers,
 *                          audit); ceiling: raw multi-row INSERT rate of the same database, same run;
 * - `ingest.big-file`      one file of BENCH_INGEST_BIG episodes, imported in a child process
 *                          (RSS is the ingest's own): episodes/s and peak RSS — memory stays flat
 *                          because the file is streamed, never loaded whole.
 *
 * Knobs: BENCH_INGEST_EPISODES (10000), BENCH_INGEST_PER_FILE (100), BENCH_INGEST_BIG (10000; 0 = skip);
 * BENCH_PROFILE_DIR: a V8 CPU profile of the ingest thread during `ingest.episodes` (not the parse workers).
 */
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvelopeChecks, emitEnvelope, envelopeReader, toEpisode } from '@suckhoe/domain/xml130/index';
import type { Db } from '../packages/server/src/db/types.ts';
import { openPglite } from '../packages/server/src/db/pglite.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { scanEnvelopeStream } from '../packages/server/src/ingest/dsig/scan.ts';
import { envelopeSigner, signEnvelopeFile } from '../packages/server/src/ingest/dsig/sign.ts';
import { verifyEnvelopeSignature } from '../packages/server/src/ingest/dsig/verify.ts';
import { runImport } from '../packages/server/src/cli/import.ts';
import { fileSource } from '../packages/server/src/ingest/source.ts';
import { syntheticHoso } from '../packages/server/src/ingest/synthetic.ts';
import {
  addFacilities,
  keyPair,
  rowCounts,
  type KeyPair,
} from '../packages/server/src/ingest/test-support.ts';
import { rawInsertCeiling } from './lib/ceilings.ts';
import { openBenchDb } from './lib/engines.ts';
import { emit, type BenchEngine } from './lib/figure.ts';
import { profiled } from './lib/profile.ts';
import { RssSampler } from './lib/rss.ts';
import { forEachEngine, note } from './lib/run.ts';
import { localPostmasterPid, postgresCpuPerOp, postgresCpuSeconds } from './lib/pg-cpu.ts';

const int = (name: string, fallback: number): number => {
  const v = Number((process.env[name] ?? '').replace(/_/g, '') || fallback);
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a count`);
  return v;
};
const EPISODES = int('BENCH_INGEST_EPISODES', 10_000);
const PER_FILE = Math.max(1, int('BENCH_INGEST_PER_FILE', 100));
const BIG = int('BENCH_INGEST_BIG', 10_000);
const FACILITY = '92001';

/** Writes an envelope of episodes `from … from+count-1` to `file` one HOSO at a time, then signs it in place. */
async function writeSignedEnvelope(
  file: string,
  from: number,
  count: number,
  prefix: string,
  k: KeyPair,
): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    const shell = emitEnvelope({ macskcb: FACILITY, ngayLap: '20260320', hoso: [] }).replace(
      '<SOLUONGHOSO>0</SOLUONGHOSO>',
      `<SOLUONGHOSO>${count}</SOLUONGHOSO>`,
    );
    const [head, tail] = shell.split('<DANHSACHHOSO>\n</DANHSACHHOSO>');
    writeSync(fd, `${head}<DANHSACHHOSO>\n`);
    for (let i = 0; i < count; i++) {
      const one = emitEnvelope({
        macskcb: FACILITY,
        ngayLap: '20260320',
        hoso: [syntheticHoso(from + i, { facility: FACILITY, prefix })],
      });
      writeSync(fd, `${one.slice(one.indexOf('<HOSO>'), one.indexOf('</HOSO>') + 7)}\n`);
    }
    writeSync(fd, `</DANHSACHHOSO>${tail}`);
  } finally {
    closeSync(fd);
  }
  await signEnvelopeFile(file, envelopeSigner(k.keyPem, k.certPem));
}

async function prepareDb(db: Db, k: KeyPair): Promise<void> {
  await addFacilities(db, [{ code: FACILITY, certPem: k.certPem }]);
}

const devNull = new Writable({ write: (_c, _e, cb) => cb() });

/** Imports files exactly as `npx suckhoe import` does (same code: pipeline, concurrency, audit). */
async function importFiles(
  db: Db,
  files: readonly string[],
): Promise<{ accepted: number; rejected: number }> {
  const s = await runImport(db, files, { batchSize: 100, progress: false }, devNull);
  if (s.refused > 0) throw new Error(`${s.refused} files refused`);
  return { accepted: s.accepted, rejected: s.rejected };
}

/** Parse-only ceiling: scan (hash + signature) and domain parse + validate + map, no database. */
async function parseOnlyRate(files: readonly string[], certPem: string): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  for (const file of files) {
    const scan = await scanEnvelopeStream(fileSource(file).chunks());
    if (!verifyEnvelopeSignature(scan, certPem).valid) throw new Error('bench file does not verify');
    const reader = envelopeReader({ limits: { maxEnvelopeChars: 2 ** 31, maxHoso: 1_000_000 } });
    const checks = new EnvelopeChecks({ senderFacility: FACILITY });
    const take = (): void => {
      for (const h of reader.drain()) {
        const report = checks.hoso(h, reader.header);
        if (report.ok && toEpisode(h).ok) n++;
      }
    };
    for await (const chunk of fileSource(file).chunks()) {
      reader.write(chunk);
      take();
    }
    reader.end();
    take();
  }
  return n / ((performance.now() - t0) / 1000);
}

const sumRows = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);

async function auditRows(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
  return r?.n ?? 0;
}

/**
 * Child mode: import one big file into a fresh database and print {rate, rssMb}. PGlite runs on disk
 * here (as `npm start` does): in memory, the stored data itself would count in the RSS.
 */
async function child(engine: BenchEngine, file: string, certPem: string): Promise<void> {
  const dataDir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'bench-pglite-')) : undefined;
  const bdb = dataDir
    ? { db: await openPglite(dataDir), dispose: async () => undefined }
    : await openBenchDb(engine);
  try {
    if (dataDir) await migrate(bdb.db);
    await addFacilities(bdb.db, [{ code: FACILITY, certPem }]);
    const rss = new RssSampler();
    const t0 = performance.now();
    const r = await importFiles(bdb.db, [file]);
    const seconds = (performance.now() - t0) / 1000;
    process.stdout.write(
      `${JSON.stringify({ accepted: r.accepted, rejected: r.rejected, rate: r.accepted / seconds, rssMb: rss.stop() })}\n`,
    );
  } finally {
    await bdb.dispose();
    if (dataDir) {
      await bdb.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

if (process.argv[2] === '--child') {
  const [, , , engine, file, certFile] = process.argv;
  const { readFileSync } = await import('node:fs');
  await child(engine as BenchEngine, file!, readFileSync(certFile!, 'utf8'));
} else {
  const k = keyPair('Benh vien bench');
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    note(`  generating ${EPISODES} signed episodes in files of ${PER_FILE}…`);
    const t0 = performance.now();
    const files: string[] = [];
    for (let from = 0, i = 0; from < EPISODES; from += PER_FILE, i++) {
      const file = join(dir, `f${String(i).padStart(5, '0')}.xml`);
      await writeSignedEnvelope(file, from, Math.min(PER_FILE, EPISODES - from), 'BENCH', k);
      files.push(file);
    }
    const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
    note(
      `  ${files.length} files, ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    let big: string | undefined;
    if (BIG > 0) {
      big = join(dir, 'big.xml');
      await writeSignedEnvelope(big, 0, BIG, 'BIG', k);
      note(`  big file: ${BIG} episodes, ${(statSync(big).size / 1e6).toFixed(0)} MB`);
    }

    await forEachEngine('ingest', async ({ db, engine }) => {
      await prepareDb(db, k);
      const parseRate = await parseOnlyRate(files.slice(0, Math.min(files.length, 20)), k.certPem);
      note(`  parse-only (scan + verify + parse + validate + map): ${Math.round(parseRate)} episodes/s`);
      const raw = await rawInsertCeiling(db);
      note(`  raw multi-row insert: ${Math.round(raw.rate)} rows/s`);

      const before = sumRows(await rowCounts(db)) + (await auditRows(db));
      const postmaster = await localPostmasterPid(db);
      const rss = new RssSampler();
      const cpu0 = process.cpuUsage();
      const pg0 = postgresCpuSeconds(postmaster);
      const t1 = performance.now();
      const { accepted, rejected } = await profiled(`ingest.episodes.${engine}`, () =>
        importFiles(db, files),
      );
      const cpu = process.cpuUsage(cpu0);
      const pgMs = postgresCpuPerOp(pg0, postgresCpuSeconds(postmaster), accepted);
      if (rejected > 0) throw new Error(`${rejected} episodes rejected`);
      const seconds = (performance.now() - t1) / 1000;
      const peak = rss.stop();
      const rows = sumRows(await rowCounts(db)) + (await auditRows(db)) - before;
      note(`  end to end: ${accepted} episodes in ${seconds.toFixed(1)} s, ${rows} rows`);
      note(
        `  CPU per episode: this process (all threads) ${((cpu.user + cpu.system) / 1000 / Math.max(1, accepted)).toFixed(2)} ms` +
          (pgMs === null ? '' : `, PostgreSQL ${pgMs.toFixed(2)} ms`),
      );
      emit({
        bench: 'ingest.episodes',
        value: accepted / seconds,
        unit: 'episodes/s',
        ceiling: parseRate,
        ceilingUnit: 'episodes/s parse-only',
        engine,
        n: accepted,
        p50: null,
        p99: null,
        rssMb: peak,
      });
      emit({
        bench: 'ingest.rows',
        value: rows / seconds,
        unit: 'rows/s',
        ceiling: raw.rate,
        ceilingUnit: 'rows/s raw insert',
        engine,
        n: rows,
        p50: null,
        p99: null,
        rssMb: peak,
      });

      if (big) {
        const r = spawnSync(
          process.execPath,
          ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', engine, big, k.certFile],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'inherit'],
            env: process.env,
            maxBuffer: 1 << 20,
          },
        );
        const line = r.stdout.trim().split('\n').pop() ?? '';
        if (r.status !== 0 || !line.startsWith('{'))
          throw new Error(`big-file child failed (${r.status ?? 'signal'})`);
        const out = JSON.parse(line) as { accepted: number; rate: number; rssMb: number };
        note(
          `  big file (${(statSync(big).size / 1e6).toFixed(0)} MB): ${Math.round(out.rate)} episodes/s, peak RSS ${Math.round(out.rssMb)} MB`,
        );
        emit({
          bench: 'ingest.big-file',
          value: out.rate,
          unit: 'episodes/s',
          ceiling: parseRate,
          ceilingUnit: 'episodes/s parse-only',
          engine,
          n: out.accepted,
          p50: null,
          p99: null,
          rssMb: out.rssMb,
        });
      }
    });
  } finally {
    k.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}
