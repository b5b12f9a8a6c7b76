import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_AS_OF,
  generateDuplicateSet,
  generateFacilities,
  generatePersons,
  type Seed,
} from '@suckhoe/domain';
import type { Db } from '../db/types.ts';
import { migrate } from '../db/migrate.ts';
import { FileWriter } from './ndjson.ts';
import { HouseholdCollector } from './records.ts';
import { assertNotLoaded, loadFacilities, PersonLoader } from './load.ts';
import type { Progress } from './progress.ts';
import { writeEpisodes, type EpisodeFilesSummary, type Signer } from './episodes.ts';

export interface GenerateOptions {
  readonly provinceCode: string;
  readonly persons: number;
  readonly episodes: number;
  readonly seed: Seed;
  readonly outDir: string;
  /** Reference day `YYYY-MM-DD` for ages, card validity and episode dates (default `DEFAULT_AS_OF`). */
  readonly asOf?: string | undefined;
  /** Share of persons given a labelled near-duplicate record (default 0.02). */
  readonly duplicateRate?: number | undefined;
  /** HOSO per GIAMDINHHS file (default 20). */
  readonly episodesPerFile?: number | undefined;
  /** Sign every envelope (XMLDSig in CHUKYDONVI). */
  readonly signer?: Signer | undefined;
  /** The signer's certificate (PEM): registered for the facilities loaded with `db`. */
  readonly certificatePem?: string | undefined;
  /** Load facilities and persons into this database (migrated first). */
  readonly db?: Db | undefined;
  readonly progress: Progress;
}

export interface FileSummary {
  readonly file: string;
  readonly records: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface GenerateSummary {
  readonly provinceCode: string;
  readonly seed: Seed;
  readonly asOf: string;
  readonly persons: number;
  readonly households: number;
  readonly facilities: number;
  readonly duplicates: number;
  readonly episodes: EpisodeFilesSummary | null;
  readonly files: readonly FileSummary[];
  readonly loaded: { readonly facilities: number; readonly persons: number } | null;
}

export const MANIFEST = 'manifest.json';
export const FILES = {
  facilities: 'facilities.json',
  persons: 'persons.ndjson',
  households: 'households.ndjson',
  duplicates: 'duplicates.ndjson',
  duplicateLinks: 'duplicate-links.ndjson',
  episodes: 'episodes',
  episodeIndex: 'episodes.ndjson',
} as const;

const PROGRESS_EVERY = 1000;

async function summarise(w: FileWriter, file: string, records: number): Promise<FileSummary> {
  const sha256 = await w.close();
  return { file, records, bytes: w.bytes, sha256 };
}

/**
 * Write a synthetic province into `outDir` (and optionally a database): facilities, persons,
 * households, a labelled near-duplicate set with its true links and, when asked, XML 130 episodes.
 * Streams: memory stays flat for millions of persons. Same options → byte-identical files.
 */
export async function generateProvince(o: GenerateOptions): Promise<GenerateSummary> {
  const asOf = o.asOf ?? DEFAULT_AS_OF;
  const rate = o.duplicateRate ?? 0.02;
  mkdirSync(o.outDir, { recursive: true });
  const files: FileSummary[] = [];

  const facilities = generateFacilities({ provinceCode: o.provinceCode, seed: o.seed });
  const facilitiesOut = new FileWriter(join(o.outDir, FILES.facilities));
  await facilitiesOut.write(`${JSON.stringify(facilities, null, 2)}\n`);
  files.push(await summarise(facilitiesOut, FILES.facilities, facilities.length));

  let loaded: { facilities: number; persons: number } | null = null;
  let loader: PersonLoader | null = null;
  if (o.db) {
    await migrate(o.db);
    const [first] = generatePersons({ provinceCode: o.provinceCode, count: 1, seed: o.seed, asOf });
    await assertNotLoaded(o.db, first);
    loaded = { facilities: await loadFacilities(o.db, facilities, o.certificatePem), persons: 0 };
    loader = new PersonLoader(o.db);
  }

  const personsOut = new FileWriter(join(o.outDir, FILES.persons));
  const householdsOut = new FileWriter(join(o.outDir, FILES.households));
  const duplicatesOut = new FileWriter(join(o.outDir, FILES.duplicates));
  const linksOut = new FileWriter(join(o.outDir, FILES.duplicateLinks));
  const households = new HouseholdCollector();
  let duplicates = 0;
  let n = 0;
  o.progress.start(o.db ? 'persons+db' : 'persons', o.persons);
  for (const p of generatePersons({ provinceCode: o.provinceCode, count: o.persons, seed: o.seed, asOf })) {
    await personsOut.line(p);
    const done = households.add(p);
    if (done) await householdsOut.line(done);
    const dup = generateDuplicateSet({ persons: [p], seed: o.seed, rate, idOffset: duplicates });
    for (const r of dup.records) await duplicatesOut.line(r);
    for (const l of dup.links) await linksOut.line(l);
    duplicates += dup.records.length;
    if (loader) await loader.add(p);
    if (++n % PROGRESS_EVERY === 0) o.progress.update(n);
  }
  const last = households.finish();
  if (last) await householdsOut.line(last);
  if (loader) await loader.flush();
  o.progress.update(n);
  o.progress.stop();
  files.push(
    await summarise(personsOut, FILES.persons, n),
    await summarise(householdsOut, FILES.households, householdsOut.lines),
    await summarise(duplicatesOut, FILES.duplicates, duplicates),
    await summarise(linksOut, FILES.duplicateLinks, linksOut.lines),
  );
  if (loaded && loader) loaded.persons = loader.loaded;

  let episodes: EpisodeFilesSummary | null = null;
  if (o.episodes > 0) {
    const index = new FileWriter(join(o.outDir, FILES.episodeIndex));
    episodes = await writeEpisodes({
      provinceCode: o.provinceCode,
      seed: o.seed,
      asOf,
      persons: o.persons,
      episodes: o.episodes,
      dir: join(o.outDir, FILES.episodes),
      index,
      episodesPerFile: o.episodesPerFile ?? 20,
      signer: o.signer,
      progress: o.progress,
    });
    files.push(await summarise(index, FILES.episodeIndex, index.lines));
  }

  const summary: GenerateSummary = {
    provinceCode: o.provinceCode,
    seed: o.seed,
    asOf,
    persons: n,
    households: householdsOut.lines,
    facilities: facilities.length,
    duplicates,
    episodes,
    files,
    loaded,
  };
  const manifestOut = new FileWriter(join(o.outDir, MANIFEST));
  const { loaded: _loaded, ...manifest } = summary; // the manifest describes the files only
  await manifestOut.write(
    `${JSON.stringify({ generator: 'suckhoe generate', rate, ...manifest }, null, 2)}\n`,
  );
  await manifestOut.close();
  return summary;
}
