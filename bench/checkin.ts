/**
 * Check-in over HTTP on the real server (in this process, 127.0.0.1) with a generated province:
 * `POST /api/v1/checkin` with the CCCD QR text of known persons at the clinics of the province's
 * hospitals and regional centres (BENCH_CHECKIN_FACILITIES, default 8; a registrar of each), spread
 * the way a province's morning is — consecutive requests go to different facilities and clinics —
 * every request a new person × clinic pair (a new ticket: parse the QR, find the person,
 * assess the card, number the ticket, store check-in + XML0, audit) — then the same requests again
 * (idempotent repeats: the same ticket back), and the waiting-room display. Autocannon on loopback,
 * bounded by BENCH_DURATION and by the number of distinct pairs. Ceiling: Fastify hello-world.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  formatCccdQr,
  todayInVietnam,
  type EligibilityFacilityLevel,
  type SynthResident,
} from '@suckhoe/domain';
import { defaultClinics } from '../packages/server/src/checkin/clinics.ts';
import { benchConfig } from './lib/config.ts';
import { httpHelloCeiling } from './lib/ceilings.ts';
import { emit } from './lib/figure.ts';
import { httpLoad, type LoadResult } from './lib/http.ts';
import { loadProvince } from './lib/province.ts';
import { localPostmasterPid, postgresCpuPerOp, postgresCpuSeconds } from './lib/pg-cpu.ts';
import { profiled } from './lib/profile.ts';
import { RssSampler } from './lib/rss.ts';
import { forEachEngine, note } from './lib/run.ts';
import { startServer } from './lib/server.ts';

/** Cards are read at the desk: the QR exactly as a scanner types it. */
function qrOf(p: SynthResident): string {
  return formatCccdQr({
    personalId: p.personalId,
    oldIdNumber: p.oldCmnd,
    fullName: p.fullName.toUpperCase(),
    birthDate: p.birthDate,
    sex: p.sex === 'female' ? 'female' : 'male',
    address: `${p.address.line}, Thành phố Cần Thơ`,
    issueDate: '2021-07-01',
  });
}

/**
 * Autocannon's worker thread cannot receive functions: the request bodies go through a file, and
 * a small CommonJS module hands them out in turn (one worker, so one counter).
 */
const SETUP_REQUEST = `
const bodies = JSON.parse(require('node:fs').readFileSync(process.env.SKH_CHECKIN_BODIES, 'utf8'));
let i = 0;
module.exports = (req) => {
  const b = bodies[i++ % bodies.length];
  return { ...req, headers: { ...req.headers, authorization: b.auth }, body: b.body };
};
`;

async function postLoad(
  url: string,
  bodiesFile: string,
  setupFile: string,
  max: number,
  postmaster: number | null,
): Promise<LoadResult & { non2xx: number }> {
  process.env.SKH_CHECKIN_BODIES = bodiesFile;
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds(postmaster);
  const connections = benchConfig.connections;
  const result = await autocannon({
    url,
    connections,
    duration: benchConfig.durationS,
    maxOverallRequests: Math.max(connections, max),
    headers: { 'content-type': 'application/json' },
    requests: [{ method: 'POST', path: '/api/v1/checkin', setupRequest: setupFile }],
    workers: 1,
    timeout: 10,
  });
  const cpu = process.cpuUsage(cpu0);
  const pgMs = postgresCpuPerOp(pg0, postgresCpuSeconds(postmaster), result['2xx']);
  // This process runs the server and the load generator: the figure bounds the server's share from above.
  note(
    `  CPU per 2xx response: this process ${((cpu.user + cpu.system) / 1000 / Math.max(1, result['2xx'])).toFixed(2)} ms` +
      (pgMs === null ? '' : `, local PostgreSQL ${pgMs.toFixed(2)} ms`),
  );
  return {
    rate: result['2xx'] / result.duration,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
    non2xx: result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    durationS: result.duration,
  };
}

await forEachEngine('checkin', async ({ db, engine }) => {
  note(`  loading ${benchConfig.persons} persons (seed ${benchConfig.seed})…`);
  const province = await loadProvince(db, {
    persons: benchConfig.persons,
    seed: benchConfig.seed,
    sampleSize: Math.min(benchConfig.persons, 12_000),
    log: note,
  });
  const facilityCount = Number(process.env.BENCH_CHECKIN_FACILITIES ?? 8);
  const facilities = await db.query<{ code: string; level: EligibilityFacilityLevel }>(
    `SELECT code, level FROM facility WHERE level IN ('central_hospital', 'provincial_hospital', 'district_centre')
     ORDER BY level <> 'provincial_hospital', code LIMIT $1`,
    [facilityCount],
  );
  if (facilities.length === 0) throw new Error('the generated province has no hospital');
  const queues = facilities.flatMap((f) =>
    defaultClinics(f.level).map((c) => ({ facility: f.code, clinic: c.code })),
  );
  // People whose card is valid today, or who have none: an expired card is refused (422), not a check-in.
  const today = todayInVietnam();
  const people = province.sample.filter(
    (p) =>
      /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate) &&
      (!p.bhyt || (p.bhyt.validFrom <= today && today <= p.bhyt.validTo)),
  );
  const probe = people.pop();
  if (!probe) throw new Error('nobody to check in');

  const dir = mkdtempSync(join(tmpdir(), 'bench-checkin-'));
  const server = await startServer(db);
  try {
    const auth = new Map<string, string>();
    for (const f of facilities) auth.set(f.code, await server.bearer(['registrar'], f.code));
    // Round r sends person p to queue (p + r) mod Q: every request a distinct person × queue pair, and
    // consecutive (hence concurrent) requests go to different queues — one clinic's counter is not the
    // whole province's bottleneck, as it is not in a real morning.
    const bodies: { auth: string; body: string }[] = [];
    const wanted = Math.min(benchConfig.maxRequests, 60_000); // enough for 8 s at 7 500/s
    const rounds = Math.min(queues.length, Math.ceil(wanted / people.length));
    for (let r = 0; r < rounds; r++)
      people.forEach((p, i) => {
        const q = queues[(i + r) % queues.length]!;
        bodies.push({
          auth: auth.get(q.facility)!,
          body: JSON.stringify({ text: qrOf(p), clinicCode: q.clinic, facilityCode: q.facility }),
        });
      });
    note(
      `  ${people.length} persons, ${queues.length} queues at ${facilities.length} facilities: ${bodies.length} distinct check-ins`,
    );
    const bodiesFile = join(dir, 'bodies.json');
    const setupFile = join(dir, 'setup-request.cjs');
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    writeFileSync(setupFile, SETUP_REQUEST);
    const hospital = facilities[0]!;
    // Sanity, before any timing: a check-in of someone else than the load's people answers 201.
    const r = await fetch(`${server.url}/api/v1/checkin`, {
      method: 'POST',
      headers: { authorization: auth.get(hospital.code)!, 'content-type': 'application/json' },
      body: JSON.stringify({ text: qrOf(probe), clinicCode: 'K01', facilityCode: hospital.code }),
    });
    if (r.status !== 201 && r.status !== 200)
      throw new Error(`probe check-in → ${r.status} ${await r.text()}`);
    await db.exec('ANALYZE');
    const postmaster = engine === 'postgres' ? await localPostmasterPid(db) : null;

    note('  ceiling: Fastify hello-world…');
    const helloCpu0 = process.cpuUsage();
    const hello = await httpHelloCeiling('autocannon');
    const helloCpu = process.cpuUsage(helloCpu0);
    note(
      `  ${Math.round(hello.rate)} req/s, CPU of this process per response ${((helloCpu.user + helloCpu.system) / 1000 / Math.max(1, hello.ok)).toFixed(3)} ms`,
    );

    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkin');
    let rss = new RssSampler();
    const fresh = await profiled(`checkin.new-ticket.${engine}`, () =>
      postLoad(server.url, bodiesFile, setupFile, bodies.length, postmaster),
    );
    const rssFresh = rss.stop();
    const [after] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkin');
    const issued = (after?.n ?? 0) - (before[0]?.n ?? 0);
    note(`  new tickets: ${fresh.ok} answered 2xx, ${issued} check-ins stored, ${fresh.failed} failed`);
    emit({
      bench: 'checkin.new-ticket',
      value: fresh.rate,
      unit: 'req/s',
      ceiling: hello.rate,
      ceilingUnit: 'req/s',
      engine,
      n: fresh.ok,
      p50: fresh.p50,
      p99: fresh.p99,
      rssMb: rssFresh,
    });

    // The same requests again: every one is a repeat (same ticket back, nothing written but the audit).
    const repeatBodies = bodies.slice(0, Math.max(1, issued));
    writeFileSync(bodiesFile, JSON.stringify(repeatBodies));
    rss = new RssSampler();
    const again = await postLoad(server.url, bodiesFile, setupFile, repeatBodies.length, postmaster);
    if (again.failed > 0) note(`  repeats: ${again.failed} failed`);
    emit({
      bench: 'checkin.repeat',
      value: again.rate,
      unit: 'req/s',
      ceiling: hello.rate,
      ceilingUnit: 'req/s',
      engine,
      n: again.ok,
      p50: again.p50,
      p99: again.p99,
      rssMb: rss.stop(),
    });

    rss = new RssSampler();
    const display = await httpLoad({
      url: server.url,
      paths: queues.map((q) => `/api/v1/queues/${q.facility}/${q.clinic}`),
      generator: 'autocannon',
    });
    emit({
      bench: 'checkin.queue-display',
      value: display.rate,
      unit: 'req/s',
      ceiling: hello.rate,
      ceilingUnit: 'req/s',
      engine,
      n: display.ok,
      p50: display.p50,
      p99: display.p99,
      rssMb: rss.stop(),
    });
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
