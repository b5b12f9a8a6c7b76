/**
 * Health book and FHIR `$everything` under concurrent load, on the real server (in this process,
 * 127.0.0.1), against a database holding a generated province (BENCH_PERSONS persons) plus
 * BENCH_HB_PERSONS "long history" persons with BENCH_HB_EPISODES episodes each (8 drug, 8 service,
 * 4 lab lines per episode, lines from the real redacted samples) and BENCH_HB_BACKGROUND episodes
 * spread over the rest of the province. Episodes are written as canonical rows through
 * episodes/store.ts (the ingest pipeline's writer), not through XML parsing. Reads are by a
 * clinician whose facility has a care relationship with every long-history person, so each request
 * does the real work: person resolution, care check, consent, the one-statement record load, the
 * book or FHIR mapping, and the audit append (group-committed).
 *
 * Assembled books and FHIR views are cached per record version (healthbook/cache.ts): "cold"
 * figures run with that cache switched off (every request loads the record and maps it), "warm"
 * figures with it on over a set of 100 persons, each read once before the clock starts, then again
 * and again (a hit still does the access check, the consent view, the version query and the audit
 * append, and sends the cached bytes).
 *
 * Figures, per engine (ceiling: Fastify hello-world on loopback, same run):
 * - `healthbook.read`            cold GET /api/v1/persons/{id}/health-book (first page: 20 episodes)
 * - `healthbook.read-10`         cold, episodesLimit=10 (what the screens load)
 * - `healthbook.read-warm`       warm, first page of 20
 * - `healthbook.everything-page` cold GET /fhir/R4/Patient/{id}/$everything?_count=200
 * - `healthbook.everything`      cold $everything, all ≈50 episodes (≈1,300 resources, ≈1.2 MB)
 * - `healthbook.everything-warm` warm $everything, all
 * - `healthbook.everything-page-warm` warm $everything?_count=200
 * - `healthbook.db-size`         episodes in the database (value) and their line rows (ceiling)
 *
 * Knobs: BENCH_HB_PERSONS (PGlite 100, PostgreSQL 500), BENCH_HB_EPISODES (50),
 * BENCH_HB_BACKGROUND (PGlite 5 000, PostgreSQL 25 000), BENCH_HB_FIGURES (some figures only,
 * e.g. `read-warm,everything-warm`); BENCH_PROFILE_DIR records a CPU profile of
 * each measured phase (bench/lib/profile.ts). With a local PostgreSQL server, the CPU per response
 * of its cluster is printed too (bench/lib/pg-cpu.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { toEpisode } from '@suckhoe/domain/xml130/index';
import type { Db } from '../packages/server/src/db/types.ts';
import type { EpisodeWrite } from '../packages/server/src/episodes/rows.ts';
import { replaceEpisodes, storeEnvelope } from '../packages/server/src/episodes/store.ts';
import { syntheticHoso } from '../packages/server/src/ingest/synthetic.ts';
import { cacheSettings } from '../packages/server/src/healthbook/cache.ts';
import { benchConfig } from './lib/config.ts';
import { httpHelloCeiling } from './lib/ceilings.ts';
import type { BenchEngine } from './lib/figure.ts';
import { emit } from './lib/figure.ts';
import { httpGetBytes, httpLoad, loadGenerator } from './lib/http.ts';
import { loadProvince } from './lib/province.ts';
import { localPostmasterPid, postgresCpuSeconds } from './lib/pg-cpu.ts';
import { profiled } from './lib/profile.ts';
import { mainThreadCpuSeconds } from './lib/thread-cpu.ts';
import { RssSampler } from './lib/rss.ts';
import { forEachEngine, note } from './lib/run.ts';
import { startServer } from './lib/server.ts';

const int = (name: string, fallback: number): number => {
  const v = Number((process.env[name] ?? '').replace(/_/g, '') || fallback);
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a count`);
  return v;
};

const EPISODES = int('BENCH_HB_EPISODES', 50);
const heavyPersons = (engine: BenchEngine) => int('BENCH_HB_PERSONS', engine === 'postgres' ? 500 : 100);
const background = (engine: BenchEngine) =>
  int('BENCH_HB_BACKGROUND', engine === 'postgres' ? 25_000 : 5_000);
const TEMPLATES = 400;
const BATCH = 500;

/** A pool of mapped synthetic episodes (parsing is not what this benchmark measures). */
function episodePool(facility: string) {
  return Array.from({ length: TEMPLATES }, (_, i) => {
    const r = toEpisode(syntheticHoso(i, { facility, prefix: 'BHB', seed: 3 }));
    if (!r.ok) throw new Error(`synthetic episode ${i} did not map`);
    return r.value;
  });
}

/** Writes `count` episodes for `personOf(i)`, in batches of one transaction each. */
async function writeEpisodes(
  db: Db,
  facility: string,
  pool: ReturnType<typeof episodePool>,
  count: number,
  personOf: (i: number) => string,
  prefix: string,
  log: (done: number) => void,
): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const sha = createHash('sha256').update(`${prefix}-${start}`).digest('hex');
    const items: EpisodeWrite[] = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const t = pool[i % pool.length]!;
      return {
        id: randomUUID(),
        personId: personOf(i),
        // Spread the template's dates over ~8 years so that each person's history has a real order.
        episode: {
          ...t,
          maLk: `${prefix}${i}`,
          encounter: {
            ...t.encounter,
            admittedAt: shift(t.encounter.admittedAt, i),
            dischargedAt: shift(t.encounter.dischargedAt, i),
          },
        },
        hosoIndex: k,
        warnings: [],
        unknownElements: [],
        signed: false,
        signatureVerified: false,
        source: 'import',
      };
    });
    await db.transaction(async (tx) => {
      await storeEnvelope(
        tx,
        {
          sha256: sha,
          facilityCode: facility,
          size: 1,
          hosoCount: n,
          signed: false,
          signatureVerified: false,
          certificateSha256: null,
          source: 'import',
          receivedBy: 'bench',
        },
        () => [new Uint8Array([0x3c])],
      );
      await replaceEpisodes(tx, sha, items, new Map());
    });
    log(start + n);
  }
}

function shift(iso: string | undefined, i: number): string | undefined {
  if (iso === undefined) return undefined;
  return new Date(Date.parse(iso) - (i % 2900) * 86_400_000).toISOString();
}

async function counts(db: Db): Promise<{ episodes: number; lines: number }> {
  const [r] = await db.query<{ e: number; l: number }>(
    `SELECT (SELECT count(*)::int FROM episode) AS e,
            (SELECT count(*)::int FROM episode_drug) + (SELECT count(*)::int FROM episode_service)
              + (SELECT count(*)::int FROM episode_lab) + (SELECT count(*)::int FROM episode_document) AS l`,
  );
  return { episodes: r?.e ?? 0, lines: r?.l ?? 0 };
}

await forEachEngine('healthbook', async ({ db, engine }) => {
  note(`  loading ${benchConfig.persons} persons (seed ${benchConfig.seed})…`);
  const province = await loadProvince(db, {
    persons: benchConfig.persons,
    seed: benchConfig.seed,
    sampleSize: Math.max(2000, heavyPersons(engine)),
    log: note,
  });
  const [facility] = await db.query<{ code: string }>(
    "SELECT code FROM facility WHERE level = 'provincial_hospital' ORDER BY code LIMIT 1",
  );
  if (!facility) throw new Error('no hospital in the generated province');
  const pool = episodePool(facility.code);
  const heavy = province.sample.slice(0, heavyPersons(engine)).map((p) => p.id);
  const all = (await db.query<{ id: string }>('SELECT id FROM person ORDER BY id')).map((r) => r.id);
  const t0 = performance.now();
  note(`  writing ${heavy.length} × ${EPISODES} long-history episodes…`);
  await writeEpisodes(
    db,
    facility.code,
    pool,
    heavy.length * EPISODES,
    (i) => heavy[i % heavy.length]!,
    'H',
    (d) => {
      if (d % 20_000 === 0) note(`    ${d}`);
    },
  );
  note(`  writing ${background(engine)} background episodes…`);
  await writeEpisodes(
    db,
    facility.code,
    pool,
    background(engine),
    (i) => all[(i * 7919) % all.length]!,
    'B',
    (d) => {
      if (d % 20_000 === 0) note(`    ${d}`);
    },
  );
  const size = await counts(db);
  const loadS = (performance.now() - t0) / 1000;
  note(`  ${size.episodes} episodes, ${size.lines} line rows in ${loadS.toFixed(0)} s; VACUUM ANALYZE…`);
  // Steady state, as a database that has been running: statistics, visibility map and hint bits set,
  // so autovacuum does not start on the fresh bulk load in the middle of a measured figure; and the
  // load's dirty pages written out now, not by a checkpoint during the first figure.
  await db.exec('VACUUM ANALYZE');
  if (engine === 'postgres') await db.exec('CHECKPOINT');
  emit({
    bench: 'healthbook.db-size',
    value: size.episodes,
    unit: 'episodes',
    ceiling: size.lines,
    ceilingUnit: 'line-rows',
    engine,
    n: province.persons,
    p50: null,
    p99: null,
    rssMb: process.memoryUsage().rss / 2 ** 20,
  });

  await db.query(
    `INSERT INTO care_relationship (person_id, facility_code, started_by, source) SELECT unnest($1::uuid[]), $2, 'bench', 'manual'`,
    [heavy, facility.code],
  );
  const server = await startServer(db);
  try {
    // As a browser over HTTPS asks (Chromium's header): stored books and bundles go brotli-compressed.
    const headers = {
      authorization: await server.bearer(['clinician'], facility.code),
      'accept-encoding': 'gzip, deflate, br, zstd',
    };
    const book = (q: string) => heavy.map((id) => `/api/v1/persons/${id}/health-book${q}`);
    const everything = (q: string) => heavy.map((id) => `/fhir/R4/Patient/${id}/$everything${q}`);
    // Sanity before timing: a long history is there, in both views.
    const first = (await (await fetch(`${server.url}${book('')[0]!}`, { headers })).json()) as {
      episodes: { total: number; items: unknown[] };
    };
    if (first.episodes.total < EPISODES) throw new Error(`the book shows ${first.episodes.total} episodes`);
    const fhir = await fetch(`${server.url}${everything('')[0]!}`, { headers });
    const bytes = (await fhir.arrayBuffer()).byteLength;
    const sent = async (path: string, accept: string) =>
      (await httpGetBytes(`${server.url}${path}`, { ...headers, 'accept-encoding': accept })) / 1024;
    note(
      `  a long-history book: ${first.episodes.total} episodes; $everything ${(bytes / 1024).toFixed(0)} KiB` +
        `; sent (KiB, identity/gzip/br): book page ${(await sent(book('')[0]!, 'identity')).toFixed(0)}/` +
        `${(await sent(book('')[0]!, 'gzip')).toFixed(0)}/${(await sent(book('')[0]!, 'br')).toFixed(0)}` +
        `, $everything ${(await sent(everything('')[0]!, 'identity')).toFixed(0)}/` +
        `${(await sent(everything('')[0]!, 'gzip')).toFixed(0)}/${(await sent(everything('')[0]!, 'br')).toFixed(0)}`,
    );
    note(`  ceiling: Fastify hello-world (load generator: ${loadGenerator()})…`);
    const hello = await httpHelloCeiling();
    note(`  ${Math.round(hello.rate)} req/s`);
    const warm = (paths: string[]) => paths.slice(0, Math.min(100, paths.length));
    const mixes: [string, string[], boolean][] = [
      ['healthbook.read', book(''), true],
      ['healthbook.read-10', book('?episodesLimit=10'), true],
      ['healthbook.read-warm', warm(book('')), false],
      ['healthbook.everything-page', everything('?_count=200'), true],
      ['healthbook.everything', everything(''), true],
      ['healthbook.everything-warm', warm(everything('')), false],
      ['healthbook.everything-page-warm', warm(everything('?_count=200')), false],
    ];
    const postmaster = engine === 'postgres' ? await localPostmasterPid(db) : null;
    // BENCH_HB_FIGURES=read-warm,everything-warm: only those figures (names without `healthbook.`).
    const only = (process.env.BENCH_HB_FIGURES ?? '').split(',').filter(Boolean);
    for (const [name, paths, cold] of mixes) {
      if (only.length > 0 && !only.includes(name.replace(/^healthbook\./, ''))) continue;
      cacheSettings.enabled = !cold;
      // Warm figures measure hits: every path is read once before the clock starts.
      if (!cold) for (const p of paths) await (await fetch(`${server.url}${p}`, { headers })).arrayBuffer();
      const rss = new RssSampler();
      const cpu0 = process.cpuUsage();
      const main0 = mainThreadCpuSeconds();
      const pg0 = postgresCpuSeconds(postmaster);
      const r = await profiled(`${name}.${engine}`, () => httpLoad({ url: server.url, paths, headers }));
      const cpu = process.cpuUsage(cpu0);
      const main1 = mainThreadCpuSeconds();
      const pg1 = postgresCpuSeconds(postmaster);
      if (r.failed > 0) note(`  ${name}: ${r.failed} failed requests`);
      // This process runs the server (main thread) and the load generator (a worker thread).
      const perReq = (us: number) => (us / 1000 / Math.max(1, r.ok)).toFixed(2);
      note(
        `  ${name}: CPU per 2xx response — this process ${perReq(cpu.user + cpu.system)} ms` +
          (main0 !== null && main1 !== null ? ` (server thread ${perReq((main1 - main0) * 1e6)} ms)` : '') +
          (pg0 !== null && pg1 !== null ? `, local PostgreSQL ${perReq((pg1 - pg0) * 1e6)} ms` : ''),
      );
      emit({
        bench: name,
        value: r.rate,
        unit: 'req/s',
        ceiling: hello.rate,
        ceilingUnit: 'req/s',
        engine,
        n: r.ok,
        p50: r.p50,
        p99: r.p99,
        rssMb: rss.stop(),
      });
    }
  } finally {
    await server.close();
  }
});
