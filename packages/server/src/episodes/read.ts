/** Reading a stored episode back as XML 130 tables (for export and round-trip checks). */
import { REGISTRY, type HosoTables, type TableId } from '@suckhoe/domain/xml130/index';
import type { Queryable } from '../db/types.ts';

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

const LINE_TABLES = [
  ['XML2', 'episode_drug'],
  ['XML3', 'episode_service'],
  ['XML4', 'episode_lab'],
  ['XML5', 'episode_note'],
] as const;

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
  for (const [table, sqlTable] of LINE_TABLES) {
    const rows = await q.query<{ record: Record<string, unknown> }>(
      `SELECT record FROM ${sqlTable} WHERE person_id = $1 AND episode_id = $2 ORDER BY line_no`,
      key,
    );
    if (rows.length > 0) tables[table] = rows.map((r) => fullRecord(table, r.record));
  }
  const docs = await q.query<{ table_id: TableId; record: Record<string, unknown> }>(
    `SELECT table_id, record FROM episode_document WHERE person_id = $1 AND episode_id = $2 ORDER BY table_id, line_no`,
    key,
  );
  for (const d of docs) (tables[d.table_id] ??= []).push(fullRecord(d.table_id, d.record));
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
