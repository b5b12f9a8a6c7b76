/**
 * Writing episodes: a batch of accepted episodes replaces whatever was stored under the same
 * (facility_code, ma_lk) — children deleted and inserted again, the episode keeping its id — in the
 * caller's transaction, with one COPY (PostgreSQL) or multi-row INSERT (PGlite) per table. Received envelopes are stored once
 * per content hash, in parts.
 */
import type { Engine, Queryable } from '../db/types.ts';
import { bulkInsert, type Column } from './bulk.ts';
import { copyText } from './copy.ts';
import { copyCells, parseCopyLine } from './copy-text.ts';
import { renderEpisode, type EpisodeText } from './render.ts';
import {
  CHILD_KEY_COLUMNS,
  CHILD_TABLES,
  EPISODE_COLUMNS,
  FINDING_COLUMNS,
  LINE_TABLES,
  episodeHead,
  findingRows,
  type EpisodeHead,
  type EpisodeWrite,
} from './rows.ts';

export interface StoredEpisodeRef {
  readonly personId: string;
  readonly id: string;
  readonly version: number;
  readonly receivedAt: string;
}

const key = (facility: string, maLk: string): string => `${facility}\u0000${maLk}`;

/** Episodes already stored under these (facility, MA_LK) keys, locked until the transaction ends. */
export async function lockExisting(
  q: Queryable,
  keys: readonly { facility: string; maLk: string }[],
): Promise<Map<string, StoredEpisodeRef>> {
  const out = new Map<string, StoredEpisodeRef>();
  if (keys.length === 0) return out;
  const rows = await q.query<{
    person_id: string;
    id: string;
    facility_code: string;
    ma_lk: string;
    version: number;
    received_at: Date | string;
  }>(
    `SELECT e.person_id, e.id, e.facility_code, e.ma_lk, e.version, e.received_at
       FROM episode e JOIN unnest($1::text[], $2::text[]) AS k(facility_code, ma_lk)
         ON e.facility_code = k.facility_code AND e.ma_lk = k.ma_lk
     FOR UPDATE OF e`,
    [keys.map((k) => k.facility), keys.map((k) => k.maLk)],
  );
  for (const r of rows) {
    out.set(key(r.facility_code, r.ma_lk), {
      personId: r.person_id,
      id: r.id,
      version: r.version,
      receivedAt: new Date(r.received_at).toISOString(),
    });
  }
  return out;
}

export const existingKey = key;

/** Deletes stored episodes (and all their lines, documents and findings). */
export async function deleteEpisodes(
  q: Queryable,
  refs: readonly { personId: string; id: string }[],
): Promise<void> {
  if (refs.length === 0) return;
  const params = [refs.map((r) => r.personId), refs.map((r) => r.id)];
  for (const child of CHILD_TABLES) {
    await q.query(
      `DELETE FROM ${child} WHERE (person_id, episode_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
      params,
    );
  }
  await q.query(
    `DELETE FROM episode WHERE (person_id, id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
    params,
  );
}

/** An accepted episode, rendered (`render.ts`), with what the ingest thread adds. */
export interface RenderedWrite extends EpisodeHead {
  readonly facilityCode: string;
  readonly maLk: string;
  readonly text: EpisodeText;
}

/**
 * Rows in COPY text (each line ending in a newline) into `table`: COPY on PostgreSQL, a multi-row
 * INSERT of the same cells elsewhere (PGlite).
 */
async function writeText(
  q: Queryable,
  engine: Engine | undefined,
  table: string,
  columns: readonly Column[],
  text: string,
): Promise<void> {
  if (text === '') return;
  if (engine === 'postgres') {
    await copyText(q, table, columns, text);
    return;
  }
  const lines = text.split('\n');
  lines.pop();
  await bulkInsert(q, table, columns, lines.map(parseCopyLine));
}

/**
 * Writes a batch of accepted episodes of one envelope, replacing earlier sends of the same episodes.
 * `existing` is what `lockExisting` returned for these keys in the same transaction. `engine`
 * 'postgres' copies (COPY FROM STDIN); otherwise multi-row INSERTs (both engines understand them).
 */
export async function writeEpisodes(
  q: Queryable,
  envelopeSha256: string,
  items: readonly RenderedWrite[],
  existing: ReadonlyMap<string, StoredEpisodeRef>,
  engine?: Engine,
): Promise<void> {
  const previous = items.flatMap((w) => {
    const p = existing.get(key(w.facilityCode, w.maLk));
    return p === undefined ? [] : [p];
  });
  await deleteEpisodes(q, previous);
  let episodes = '';
  for (const w of items) {
    const head = copyCells(episodeHead(w, envelopeSha256, existing.get(key(w.facilityCode, w.maLk))));
    episodes += `${head}\t${w.text.body}\n`;
  }
  await writeText(q, engine, 'episode', EPISODE_COLUMNS, episodes);
  for (let t = 0; t < LINE_TABLES.length; t++) {
    let text = '';
    for (const w of items) {
      const prefix = `${w.personId}\t${w.id}\t`;
      for (const row of w.text.lines[t]!) text += `${prefix}${row}\n`;
    }
    await writeText(
      q,
      engine,
      LINE_TABLES[t]!.table,
      [...CHILD_KEY_COLUMNS, ...LINE_TABLES[t]!.columns],
      text,
    );
  }
  let findings = '';
  for (const w of items) {
    for (const row of findingRows(w.warnings)) findings += `${w.personId}\t${w.id}\t${copyCells(row)}\n`;
  }
  await writeText(q, engine, 'episode_finding', [...CHILD_KEY_COLUMNS, ...FINDING_COLUMNS], findings);
}

/** `writeEpisodes` for episodes not rendered yet (tests, benches, tools). */
export async function replaceEpisodes(
  q: Queryable,
  envelopeSha256: string,
  items: readonly EpisodeWrite[],
  existing: ReadonlyMap<string, StoredEpisodeRef>,
  engine?: Engine,
): Promise<void> {
  await writeEpisodes(
    q,
    envelopeSha256,
    items.map((w) => ({
      ...w,
      facilityCode: w.episode.facilityCode,
      maLk: w.episode.maLk,
      text: renderEpisode(w.episode, w.hosoIndex, w.unknownElements),
    })),
    existing,
    engine,
  );
}

export interface EnvelopeMeta {
  readonly sha256: string;
  readonly facilityCode: string;
  readonly size: number;
  readonly hosoCount: number;
  readonly signed: boolean;
  readonly signatureVerified: boolean;
  readonly certificateSha256: string | null;
  readonly source: 'api' | 'import';
  readonly receivedBy: string | null;
}

export const ENVELOPE_PART_BYTES = 4 * 1024 * 1024;

/**
 * Stores an envelope and its bytes once per content hash. `bytes` is read only when the envelope is
 * new. Returns whether it was new.
 */
export async function storeEnvelope(
  q: Queryable,
  meta: EnvelopeMeta,
  bytes: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  engine: Engine = 'postgres',
): Promise<boolean> {
  const inserted = await q.query(
    `INSERT INTO xml_envelope (sha256, facility_code, size_bytes, hoso_count, signed, signature_verified,
       certificate_sha256, source, received_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    [
      meta.sha256,
      meta.facilityCode,
      meta.size,
      meta.hosoCount,
      meta.signed,
      meta.signatureVerified,
      meta.certificateSha256,
      meta.source,
      meta.receivedBy,
    ],
  );
  if (inserted.length === 0) return false;
  let part = 0;
  let buffered: Uint8Array[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const data = Buffer.concat(buffered, size);
    // PGlite converts bytea parameters slowly (≈2 s per 4 MB); base64 text decoded by the server is fast.
    if (engine === 'pglite') {
      await q.query(
        `INSERT INTO xml_envelope_part (sha256, part, bytes) VALUES ($1, $2, decode($3, 'base64'))`,
        [meta.sha256, part++, data.toString('base64')],
      );
    } else {
      await q.query('INSERT INTO xml_envelope_part (sha256, part, bytes) VALUES ($1, $2, $3)', [
        meta.sha256,
        part++,
        data,
      ]);
    }
    buffered = [];
    size = 0;
  };
  for await (const chunk of bytes()) {
    for (let i = 0; i < chunk.byteLength;) {
      const take = Math.min(chunk.byteLength - i, ENVELOPE_PART_BYTES - size);
      buffered.push(chunk.subarray(i, i + take));
      size += take;
      i += take;
      if (size === ENVELOPE_PART_BYTES) await flush();
    }
  }
  await flush();
  return true;
}

/** The stored bytes of an envelope, part by part (undefined when unknown). */
export async function readEnvelopeParts(q: Queryable, sha256: string): Promise<Buffer[] | undefined> {
  const [meta] = await q.query('SELECT sha256 FROM xml_envelope WHERE sha256 = $1', [sha256]);
  if (!meta) return undefined;
  const rows = await q.query<{ b64: string }>(
    `SELECT encode(bytes, 'base64') AS b64 FROM xml_envelope_part WHERE sha256 = $1 ORDER BY part`,
    [sha256],
  );
  return rows.map((r) => Buffer.from(r.b64, 'base64'));
}
