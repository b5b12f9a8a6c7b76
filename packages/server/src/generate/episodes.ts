import { mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { generateEpisodes, type Seed, type SynthEpisode } from '@suckhoe/domain';
import { emitEnvelope } from '@suckhoe/domain/xml130/index';
import { FileWriter } from './ndjson.ts';
import type { Progress } from './progress.ts';

/** Signs one emitted envelope (returns the signed document). */
export interface Signer {
  sign(xml: string): string;
}

export interface WriteEpisodesOptions {
  readonly provinceCode: string;
  readonly seed: Seed;
  readonly asOf: string;
  readonly persons: number;
  readonly episodes: number;
  /** Folder of the GIAMDINHHS files. */
  readonly dir: string;
  /** The episode index (one JSON line per episode: MA_LK, facility, person, kind, file); not closed here. */
  readonly index: FileWriter;
  readonly episodesPerFile: number;
  readonly signer?: Signer | undefined;
  readonly progress: Progress;
}

export interface EpisodeFilesSummary {
  readonly episodes: number;
  readonly files: number;
  readonly bytes: number;
  readonly signed: boolean;
  /** SHA-256 over the SHA-256 of every file, in the order written. */
  readonly sha256: string;
}

/** Episodes waiting for their facility's file to fill up, across all facilities (bounds memory). */
const MAX_BUFFERED = 400;

interface IndexLine {
  maLk: string;
  facilityCode: string;
  personId: string;
  kind: string;
  admittedAt: string;
  file: string;
}

/**
 * Write `episodes` synthetic episodes as GIAMDINHHS envelopes, `episodesPerFile` HOSO per file,
 * one sending facility per file (`<MACSKCB>_<nnnnnn>.xml`), signed when a signer is given. A
 * facility's episodes wait in memory until its file is full; when more than a few hundred wait in
 * total, the facility waiting longest is written out early. Deterministic for the same options.
 */
export async function writeEpisodes(o: WriteEpisodesOptions): Promise<EpisodeFilesSummary> {
  mkdirSync(o.dir, { recursive: true });
  const index = o.index;
  const pending = new Map<string, SynthEpisode[]>(); // insertion order = oldest waiting first
  const seq = new Map<string, number>();
  const digest = createHash('sha256');
  let buffered = 0;
  let files = 0;
  let bytes = 0;
  let written = 0;

  const flush = async (facility: string): Promise<void> => {
    const batch = pending.get(facility);
    pending.delete(facility);
    if (!batch || batch.length === 0) return;
    buffered -= batch.length;
    const n = (seq.get(facility) ?? 0) + 1;
    seq.set(facility, n);
    const file = `${facility}_${String(n).padStart(6, '0')}.xml`;
    const ngayLap = batch.reduce((d, e) => {
      const ra = e.hoso.tables.XML1?.[0]?.NGAY_RA.slice(0, 8) ?? '';
      return ra > d ? ra : d;
    }, '');
    let xml = emitEnvelope({ macskcb: facility, ngayLap, hoso: batch.map((e) => e.hoso) });
    if (o.signer) xml = o.signer.sign(xml);
    const out = new FileWriter(join(o.dir, file));
    await out.write(xml);
    digest.update(await out.close());
    files++;
    bytes += out.bytes;
    for (const e of batch) {
      const line: IndexLine = {
        maLk: e.maLk,
        facilityCode: e.facilityCode,
        personId: e.personId,
        kind: e.kind,
        admittedAt: e.admittedAt,
        file,
      };
      await index.line(line);
    }
  };

  o.progress.start('episodes', o.episodes);
  for (const e of generateEpisodes({
    provinceCode: o.provinceCode,
    seed: o.seed,
    personCount: o.persons,
    count: o.episodes,
    asOf: o.asOf,
  })) {
    const list = pending.get(e.facilityCode);
    if (list) list.push(e);
    else pending.set(e.facilityCode, [e]);
    buffered++;
    if ((list?.length ?? 1) >= o.episodesPerFile) await flush(e.facilityCode);
    else if (buffered > MAX_BUFFERED) await flush(pending.keys().next().value ?? e.facilityCode);
    if (++written % 200 === 0) o.progress.update(written);
  }
  for (const facility of [...pending.keys()].sort()) await flush(facility);
  o.progress.update(written);
  o.progress.stop();
  return { episodes: written, files, bytes, signed: o.signer !== undefined, sha256: digest.digest('hex') };
}
