/**
 * Registry load rate: generated persons inserted the way `suckhoe generate --load` does (persons
 * plus their identifiers in multi-row INSERTs, one transaction per 2,000 persons). Ceiling: raw
 * multi-row INSERT rate of person-width rows into an unindexed table, measured in the same run.
 */
import { benchConfig } from './lib/config.ts';
import { rawInsertCeiling } from './lib/ceilings.ts';
import { emit } from './lib/figure.ts';
import { loadProvince } from './lib/province.ts';
import { RssSampler } from './lib/rss.ts';
import { forEachEngine, note } from './lib/run.ts';

const persons = Math.min(benchConfig.persons, 20_000);

await forEachEngine('persons-load', async ({ db, engine }) => {
  const ceiling = await rawInsertCeiling(db, persons);
  note(`  raw multi-row insert: ${Math.round(ceiling.rate)} rows/s`);
  const rss = new RssSampler();
  const r = await loadProvince(db, { persons, seed: benchConfig.seed, sampleSize: 1 });
  emit({
    bench: 'persons-load',
    value: r.rate,
    unit: 'persons/s',
    ceiling: ceiling.rate,
    ceilingUnit: 'rows/s',
    engine,
    n: r.persons,
    p50: null,
    p99: null,
    rssMb: rss.stop(),
  });
});
