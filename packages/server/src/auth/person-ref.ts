import type { Queryable } from '../db/types.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERSONAL_ID_RE = /^\d{9,12}$/;

/** A `{person}` path segment as a platform id or a personal ID (normalised), or null for anything else. */
export function parsePersonRef(ref: string): { readonly byId: boolean; readonly value: string } | null {
  const raw = ref.trim();
  if (UUID_RE.test(raw)) return { byId: true, value: raw.toLowerCase() };
  const pid = raw.normalize('NFC').replace(/[\s.\-_/]/g, '');
  return PERSONAL_ID_RE.test(pid) ? { byId: false, value: pid } : null;
}

/**
 * The platform id of the person a `{person}` path segment names — a platform id or a personal ID
 * (DESIGN.md §4) — following merges to the surviving record. Null when there is no such person
 * (anything else, e.g. `../../etc/passwd`, never reaches SQL as an identifier).
 */
export async function resolvePersonRef(db: Queryable, ref: string): Promise<string | null> {
  const parsed = parsePersonRef(ref);
  if (!parsed) return null;
  const { byId, value } = parsed;
  // Every person route resolves its `{person}` here: prepared statements, planned once per connection.
  let [row] = await db.query<{ id: string; merged_into: string | null }>(
    `SELECT id, merged_into FROM person WHERE ${byId ? 'id = $1::uuid' : 'personal_id = $1'}`,
    [value],
    { name: byId ? 'person_ref_by_id' : 'person_ref_by_personal_id' },
  );
  for (let depth = 0; row?.merged_into && depth < 10; depth++) {
    [row] = await db.query<{ id: string; merged_into: string | null }>(
      'SELECT id, merged_into FROM person WHERE id = $1::uuid',
      [row.merged_into],
      { name: 'person_ref_by_id' },
    );
  }
  return row?.id ?? null;
}
