import { generateFacilities, generatePersons, type SynthResident } from '@suckhoe/domain';
import type { Db } from '../../packages/server/src/db/types.ts';
import { loadFacilities, PersonLoader } from '../../packages/server/src/generate/load.ts';

export interface LoadedProvince {
  persons: number;
  facilities: number;
  /** Persons/s of the registry load (generation + multi-row inserts of persons and identifiers). */
  rate: number;
  /** An evenly spread sample of the loaded persons (for query mixes). */
  sample: SynthResident[];
}

/**
 * Load a generated province (Cần Thơ, 92) into `db` the way `suckhoe generate --load` does, keeping
 * an evenly spread sample of persons to build queries from.
 */
export async function loadProvince(
  db: Db,
  o: { persons: number; seed: number; sampleSize?: number; log?: (line: string) => void },
): Promise<LoadedProvince> {
  const facilities = generateFacilities({ provinceCode: '92', seed: o.seed });
  await loadFacilities(db, facilities);
  const loader = new PersonLoader(db);
  const every = Math.max(1, Math.floor(o.persons / (o.sampleSize ?? 2000)));
  const sample: SynthResident[] = [];
  const t0 = performance.now();
  let n = 0;
  for (const p of generatePersons({ provinceCode: '92', count: o.persons, seed: o.seed })) {
    await loader.add(p);
    if (n % every === 0) sample.push(p);
    if (++n % 50_000 === 0) o.log?.(`  loaded ${n} persons`);
  }
  await loader.flush();
  const rate = n / ((performance.now() - t0) / 1000);
  // Steady state, as a running database: statistics, visibility map and hint bits set (no autovacuum
  // of the fresh load in the middle of a measured figure).
  await db.exec('VACUUM ANALYZE');
  return { persons: n, facilities: facilities.length, rate, sample };
}
