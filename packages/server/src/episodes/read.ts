/** Reading a stored episode back as XML 130 tables (for export and round-trip checks). */
import { REGISTRY, type HosoTables, type TableId } from '@suckhoe/domain/xml130/index';
import type { Queryable } from '../db/types.ts';
import { LINE_TABLES, type HeldField } from './rows.ts';

type Rec = Record<string, string>;

/** A stored record (empty fields dropped) with every field of its table again, in table order. */
export function fullRecord(table: TableId, stored: Readonly<Record<string, unknown>>): Rec {
  const out: Rec = {};
  for (const f of REGISTRY.tables[table].fields) {
    const v = stored[f.name];
    out[f.name] = typeof v === 'string' ? v : '';
  }
  return out;
}

export interface StoredEpisode {
  readonly personId: string;
  readonly id: string;
  readonly facilityCode: string;
  readonly maLk: string;
  readonly version: number;
  readonly envelopeSha256: string;
  readonly signed: boolean;
  readonly signatureVerified: boolean;
  readonly tables: HosoTables;
}

/**
 * A stored line record whole again: the fields its typed columns hold (left out of `record` when
 * they were identical, see `leanRecord` in rows.ts) and the episode's MA_LK.
 */
function withHeld(
  row: Readonly<Record<string, unknown>>,
  held: ReadonlyMap<string, HeldField>,
  maLk: string,
): Record<string, unknown> {
  const r = { ...(row.record as Record<string, unknown>) };
  if (!('MA_LK' in r)) r.MA_LK = maLk;
  let i = 0;
  for (const h of held.values()) {
    if (!(h.field in r)) r[h.field] = row[`h${i}`] ?? '';
    i++;
  }
  return r;
}

/** `record` and the held columns as text (`h0`, `h1`, …). */
const selectList = (held: ReadonlyMap<string, HeldField>): string =>
  ['record', ...[...held.values()].map((h, i) => `${h.column}::text AS h${i}`)].join(', ');

/** The stored episode (facility, MA_LK), or null. */
export async function loadEpisode(
  q: Queryable,
  facilityCode: string,
  maLk: string,
): Promise<StoredEpisode | null> {
  const [e] = await q.query<{
    person_id: string;
    id: string;
    version: number;
    envelope_sha256: string;
    signed: boolean;
    signature_verified: boolean;
    xml1: Record<string, unknown>;
  }>(
    `SELECT person_id, id, version, envelope_sha256, signed, signature_verified, xml1
       FROM episode WHERE facility_code = $1 AND ma_lk = $2`,
    [facilityCode, maLk],
  );
  if (!e) return null;
  const key = [e.person_id, e.id];
  const tables: Partial<Record<TableId, Rec[]>> = { XML1: [fullRecord('XML1', e.xml1)] };
  for (const t of LINE_TABLES) {
    const xml = t.xml;
    if (xml === undefined) continue;
    const rows = await q.query(
      `SELECT ${selectList(t.held)} FROM ${t.table} WHERE person_id = $1 AND episode_id = $2 ORDER BY line_no`,
      key,
    );
    if (rows.length > 0) tables[xml] = rows.map((r) => fullRecord(xml, withHeld(r, t.held, maLk)));
  }
  const docs = await q.query<{ table_id: TableId; record: Record<string, unknown> }>(
    `SELECT table_id, record FROM episode_document WHERE person_id = $1 AND episode_id = $2 ORDER BY table_id, line_no`,
    key,
  );
  for (const d of docs)
    (tables[d.table_id] ??= []).push(fullRecord(d.table_id, withHeld(d, new Map(), maLk)));
  return {
    personId: e.person_id,
    id: e.id,
    facilityCode,
    maLk,
    version: e.version,
    envelopeSha256: e.envelope_sha256,
    signed: e.signed,
    signatureVerified: e.signature_verified,
    tables: tables as unknown as HosoTables,
  };
}
