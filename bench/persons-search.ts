/**
 * Person search over HTTP on the real server (in this process, 127.0.0.1) with a generated
 * province loaded: `GET /api/v1/persons?identifier=…` (personal ID, BHYT card code, old CMND) and
 * `?name=…&birthDate=…` / `?name=…` (diacritics-insensitive). Ceiling: raw Fastify hello-world
 * rate measured in the same run.
 */
import { unaccent, type SynthResident } from '@suckhoe/domain';
import { benchConfig } from './lib/config.ts';
import { httpHelloCeiling } from './lib/ceilings.ts';
import { emit } from './lib/figure.ts';
import { httpLoad } from './lib/http.ts';
import { loadProvince } from './lib/province.ts';
import { RssSampler } from './lib/rss.ts';
import { forEachEngine, note } from './lib/run.ts';
import { startServer } from './lib/server.ts';

const q = (params: Record<string, string>): string =>
  `/api/v1/persons?${new URLSearchParams(params).toString()}`;

/** Identifier queries as typed at a desk: mostly personal IDs, then card codes, some old CMND. */
function identifierPaths(sample: readonly SynthResident[]): string[] {
  return sample.map((p, i) => {
    if (i % 10 < 6 || !p.bhyt) return q({ identifier: p.personalId });
    if (i % 10 < 9 || !p.oldCmnd) return q({ identifier: p.bhyt.code });
    return q({ identifier: p.oldCmnd });
  });
}

function nameBirthPaths(sample: readonly SynthResident[]): string[] {
  // Half typed without diacritics, as on many keyboards.
  return sample.map((p, i) =>
    q({ name: i % 2 ? unaccent(p.fullName) : p.fullName, birthDate: p.birthDate, limit: '10' }),
  );
}

function namePaths(sample: readonly SynthResident[]): string[] {
  return sample.map((p) => q({ name: unaccent(p.fullName), limit: '10' }));
}

await forEachEngine('persons-search', async ({ db, engine }) => {
  note(`  loading ${benchConfig.persons} persons (seed ${benchConfig.seed})…`);
  const province = await loadProvince(db, {
    persons: benchConfig.persons,
    seed: benchConfig.seed,
    log: note,
  });
  note(`  loaded at ${Math.round(province.rate)} persons/s`);
  const server = await startServer(db);
  try {
    const auth = await server.bearer(['registrar']);
    const headers = { authorization: auth };
    const mixes = {
      identifier: identifierPaths(province.sample),
      'name-birthdate': nameBirthPaths(province.sample),
      name: namePaths(province.sample),
    };
    // Sanity: the queries find who they should, before any timing.
    const first = province.sample[0]!;
    for (const [mix, paths] of Object.entries(mixes)) {
      const r = await fetch(`${server.url}${paths[0]!}`, { headers });
      const body = (await r.json()) as { items?: { id: string }[] };
      if (!r.ok || !body.items?.some((p) => p.id === first.id)) {
        throw new Error(`${mix}: ${paths[0]!} → ${r.status} did not find ${first.id}`);
      }
    }
    note('  ceiling: Fastify hello-world…');
    const hello = await httpHelloCeiling();
    note(`  ${Math.round(hello.rate)} req/s`);
    for (const [mix, paths] of Object.entries(mixes)) {
      const rss = new RssSampler();
      const r = await httpLoad({ url: server.url, paths, headers });
      if (r.failed > 0) note(`  ${mix}: ${r.failed} failed requests`);
      emit({
        bench: `persons-search.${mix}`,
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
