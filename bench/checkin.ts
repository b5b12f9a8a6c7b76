/**
 * Check-in over HTTP on the real server (in this process, 127.0.0.1) with a generated province:
 * `POST /api/v1/checkin` with the CCCD QR text of known persons at the clinics of a provincial
 * hospital, every request a new person × clinic pair (a new ticket: parse the QR, find the person,
 * assess the card, number the ticket, store check-in + XML0, audit) — then the same requests again
 * (idempotent repeats: the same ticket back), and the waiting-room display. Autocannon on loopback,
 * bounded by BENCH_DURATION and by the number of distinct pairs. Ceiling: Fastify hello-world.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { formatCccdQr, todayInVietnam, type SynthResident } from '@suckhoe/domain';
import { defaultClinics } from '../packages/server/src/checkin/clinics.ts';
import { benchConfig } from './lib/config.ts';
import { httpHelloCeiling } from './lib/ceilings.ts';
import { emit } from './lib/figure.ts';
import { httpLoad, type LoadResult } from './lib/http.ts';
import { loadProvince } from './lib/province.ts';
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
module.exports = (req) => ({ ...req, body: bodies[i++ % bodies.length] });
`;

async function postLoad(
  url: string,
  auth: string,
  bodiesFile: string,
  setupFile: string,
  max: number,
): Promise<LoadResult & { non2xx: number }> {
  process.env.SKH_CHECKIN_BODIES = bodiesFile;
  const cpu0 = process.cpuUsage();
  const connections = benchConfig.connections;
  const result = await autocannon({
    url,
    connections,
    duration: benchConfig.durationS,
    maxOverallRequests: Math.max(connections, max),
    headers: { authorization: auth, 'content-type': 'application/json' },
    requests: [{ method: 'POST', path: '/api/v1/checkin', setupRequest: setupFile }],
    workers: 1,
    timeout: 10,
  });
  const cpu = process.cpuUsage(cpu0);
  // This process runs the server and the load generator: the figure bounds the server's share from above.
  note(
    `  CPU of this process per 2xx response: ${((cpu.user + cpu.system) / 1000 / Math.max(1, result['2xx'])).toFixed(2)} ms`,
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
  const [hospital] = await db.query<{ code: string }>(
    "SELECT code FROM facility WHERE level = 'provincial_hospital' ORDER BY code LIMIT 1",
  );
  if (!hospital) throw new Error('the generated province has no provincial hospital');
  const clinics = defaultClinics('provincial_hospital').map((c) => c.code);
  // People whose card is valid today, or who have none: an expired card is refused (422), not a check-in.
  const today = todayInVietnam();
  const people = province.sample.filter(
    (p) =>
      /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate) &&
      (!p.bhyt || (p.bhyt.validFrom <= today && today <= p.bhyt.validTo)),
  );
  const probe = people.pop();
  if (!probe) throw new Error('nobody to check in');
  // Person-major order: concurrent requests are different persons (and usually different clinics).
  const bodies: string[] = [];
  for (const c of clinics)
    for (const p of people) bodies.push(JSON.stringify({ text: qrOf(p), clinicCode: c }));
  note(
    `  ${people.length} persons × ${clinics.length} clinics = ${bodies.length} distinct check-ins at ${hospital.code}`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'bench-checkin-'));
  const server = await startServer(db);
  try {
    const bodiesFile = join(dir, 'bodies.json');
    const setupFile = join(dir, 'setup-request.cjs');
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    writeFileSync(setupFile, SETUP_REQUEST);
    const auth = await server.bearer(['registrar'], hospital.code);
    // Sanity, before any timing: a check-in of someone else than the load's people answers 201.
    const r = await fetch(`${server.url}/api/v1/checkin`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ text: qrOf(probe), clinicCode: 'K01', facilityCode: hospital.code }),
    });
    if (r.status !== 201 && r.status !== 200)
      throw new Error(`probe check-in → ${r.status} ${await r.text()}`);
    await db.exec('ANALYZE');

    note('  ceiling: Fastify hello-world…');
    const helloCpu0 = process.cpuUsage();
    const hello = await httpHelloCeiling();
    const helloCpu = process.cpuUsage(helloCpu0);
    note(
      `  ${Math.round(hello.rate)} req/s, CPU of this process per response ${((helloCpu.user + helloCpu.system) / 1000 / Math.max(1, hello.ok)).toFixed(3)} ms`,
    );

    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkin');
    let rss = new RssSampler();
    const fresh = await profiled(`checkin.new-ticket.${engine}`, () =>
      postLoad(server.url, auth, bodiesFile, setupFile, bodies.length),
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
    const again = await postLoad(server.url, auth, bodiesFile, setupFile, repeatBodies.length);
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
      paths: clinics.map((c) => `/api/v1/queues/${hospital.code}/${c}`),
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
