/**
 * Person matching quality on a labelled set: a generated province is loaded, then records of the
 * same humans "typed elsewhere" (no diacritics, typos, swapped name order, wrong or missing ID,
 * moved commune, day/month swapped — `generateDuplicateSet`) and as many records of new people
 * are matched with the registry's own functions:
 *   identifier       every identifier of the record (personal ID, BHYT code, old CMND) → `findPersons`
 *   name-birthdate   `findPersons({ name, birthDate })` → link when exactly one person matches
 *   probable-duplicate  records registered as new persons, then `listProbableDuplicates`
 *   combined         the desk pipeline: identifier, else a unique name + birth-date match, else
 *                    register and let the probable-duplicate rule find it
 * Figures: precision, recall and F1 (unit "ratio", ceiling 1); p50/p99 = per-record search time.
 */
import { generateDuplicateSet, generatePersons, type SynthPersonRecord } from '@suckhoe/domain';
import { findPersons, insertPersons } from '../packages/server/src/persons/repo.ts';
import { listProbableDuplicates } from '../packages/server/src/persons/duplicates.ts';
import type { Db } from '../packages/server/src/db/types.ts';
import { toPersonInput } from '../packages/server/src/generate/records.ts';
import { benchConfig } from './lib/config.ts';
import { emit, type BenchEngine } from './lib/figure.ts';
import { linkKey, scoreLinks, type LinkScore } from './lib/matching.ts';
import { loadProvince } from './lib/province.ts';
import { RssSampler } from './lib/rss.ts';
import { forEachEngine, note } from './lib/run.ts';
import { percentile } from './lib/stats.ts';

const DUPLICATE_RATE = 0.05;

interface Query {
  record: SynthPersonRecord;
  /** The registry person this record truly is, or null for a new person. */
  truth: string | null;
  kinds: readonly string[];
}

function identifiersOf(r: SynthPersonRecord): string[] {
  return [r.personalId, r.bhyt?.code ?? null, r.oldCmnd].filter((v): v is string => v !== null);
}

async function idMatches(db: Db, r: SynthPersonRecord): Promise<Set<string>> {
  const found = new Set<string>();
  for (const identifier of identifiersOf(r)) {
    const res = await findPersons(db, { identifier, limit: 20, offset: 0 });
    for (const p of res.items) found.add(p.id);
  }
  return found;
}

async function nameMatch(db: Db, r: SynthPersonRecord): Promise<string | null> {
  const res = await findPersons(db, { name: r.fullName, birthDate: r.birthDate, limit: 2, offset: 0 });
  return res.total === 1 ? (res.items[0]?.id ?? null) : null;
}

/** Every probable-duplicate pair the registry proposes, as links from a query record. */
async function probablePairs(db: Db, queryIds: ReadonlySet<string>): Promise<Set<string>> {
  const links = new Set<string>();
  for (let offset = 0; ; offset += 500) {
    const page = await listProbableDuplicates(db, { limit: 500, offset });
    for (const { a, b } of page.items) {
      if (queryIds.has(a.id) && !queryIds.has(b.id)) links.add(linkKey(a.id, b.id));
      else if (queryIds.has(b.id) && !queryIds.has(a.id)) links.add(linkKey(b.id, a.id));
      else if (queryIds.has(a.id)) links.add(linkKey(a.id, b.id)); // two query records: never a true link
    }
    if (page.items.length < 500) break;
  }
  return links;
}

/** Register query records as new persons; an ID already in the registry is left off (the desk would have found it). */
async function register(db: Db, records: readonly SynthPersonRecord[]): Promise<void> {
  const inputs = [];
  for (const r of records) {
    const taken = r.personalId
      ? (await db.query('SELECT 1 FROM person WHERE personal_id = $1', [r.personalId])).length > 0
      : false;
    inputs.push(toPersonInput(taken ? { ...r, personalId: null } : r));
  }
  for (let i = 0; i < inputs.length; i += 500) {
    const chunk = inputs.slice(i, i + 500);
    await db.transaction((tx) => insertPersons(tx, chunk));
  }
}

function emitScore(
  engine: BenchEngine,
  method: string,
  s: LinkScore,
  n: number,
  times: number[],
  rssMb: number,
): void {
  for (const [metric, value] of [
    ['precision', s.precision],
    ['recall', s.recall],
    ['f1', s.f1],
  ] as const) {
    emit({
      bench: `person-matching.${method}.${metric}`,
      value,
      unit: 'ratio',
      ceiling: 1,
      ceilingUnit: 'ratio',
      engine,
      n,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      rssMb,
    });
  }
  note(
    `  ${method.padEnd(18)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}` +
      `  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`,
  );
}

await forEachEngine('person-matching', async ({ db, engine }) => {
  const rss = new RssSampler();
  const persons = benchConfig.matchingPersons;
  const seed = benchConfig.seed;
  note(`  loading ${persons} persons…`);
  await loadProvince(db, { persons, seed, sampleSize: 1 });

  const dup = generateDuplicateSet({
    persons: generatePersons({ provinceCode: '92', count: persons, seed }),
    seed,
    rate: DUPLICATE_RATE,
  });
  const fresh = [
    ...generatePersons({ provinceCode: '92', count: dup.records.length, seed, startIndex: persons }),
  ];
  const queries: Query[] = [];
  dup.records.forEach((record, i) => {
    const link = dup.links[i]!;
    queries.push({ record, truth: link.originalId, kinds: link.kinds });
    const other = fresh[i];
    if (other) queries.push({ record: other, truth: null, kinds: [] });
  });
  const truth = new Set(queries.filter((q) => q.truth).map((q) => linkKey(q.record.id, q.truth!)));
  note(`  ${dup.records.length} labelled duplicates + ${fresh.length} new persons`);

  const byId = new Set<string>();
  const byName = new Set<string>();
  const combined = new Set<string>();
  const unresolved: SynthPersonRecord[] = [];
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const ids = await idMatches(db, q.record);
    const name = await nameMatch(db, q.record);
    times.push(performance.now() - t0);
    for (const id of ids) byId.add(linkKey(q.record.id, id));
    if (name) byName.add(linkKey(q.record.id, name));
    if (ids.size > 0) for (const id of ids) combined.add(linkKey(q.record.id, id));
    else if (name) combined.add(linkKey(q.record.id, name));
    else unresolved.push(q.record);
  }
  const n = queries.length;
  emitScore(engine, 'identifier', scoreLinks(byId, truth), n, times, rss.peakMb());
  emitScore(engine, 'name-birthdate', scoreLinks(byName, truth), n, times, rss.peakMb());

  // The desk pipeline: what neither search resolved is registered, then reviewed as probable duplicates.
  await register(db, unresolved);
  const queryIds = new Set(queries.map((q) => q.record.id));
  for (const link of await probablePairs(db, queryIds)) combined.add(link);
  emitScore(engine, 'combined', scoreLinks(combined, truth), n, times, rss.peakMb());

  // The probable-duplicate rule on its own: every query record registered.
  await register(
    db,
    queries.map((q) => q.record).filter((r) => !unresolved.includes(r)),
  );
  emitScore(
    engine,
    'probable-duplicate',
    scoreLinks(await probablePairs(db, queryIds), truth),
    n,
    [],
    rss.stop(),
  );

  // Recall per kind of difference (stderr, for docs/performance.md).
  const kinds = new Map<string, { total: number; found: number }>();
  for (const q of queries) {
    if (!q.truth) continue;
    const k = q.kinds.length > 1 ? `${q.kinds[0] ?? ''} + another` : (q.kinds[0] ?? '');
    const e = kinds.get(k) ?? { total: 0, found: 0 };
    e.total++;
    if (combined.has(linkKey(q.record.id, q.truth))) e.found++;
    kinds.set(k, e);
  }
  note('  combined recall by (main) kind of difference:');
  for (const [k, e] of [...kinds].sort((a, b) => b[1].total - a[1].total)) {
    note(`    ${k.padEnd(36)} ${e.found}/${e.total}`);
  }
});
