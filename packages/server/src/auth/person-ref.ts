import type { Queryable } from '../db/types.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERSONAL_ID_RE = /^\d{9,12}$/;

/**
 * The platform id of the person a `{person}` path segment names — a platform id or a personal ID
 * (DESIGN.md §4) — following merges to the surviving record. Null when there is no such person
 * (anything else, e.g. `../../etc/passwd`, never reaches SQL as an identifier).
 */
export async function resolvePersonRef(db: Queryable, ref: string): Promise<string | null> {
  const raw = ref.trim();
  const byId = UUID_RE.test(raw);
  const pid = raw.normalize('NFC').replace(/[\s.\-_/]/g, '');
  if (!byId && !PERSONAL_ID_RE.test(pid)) return null;
  // Every person route resolves its `{person}` here: prepared statements, planned once per connection.
  let [row] = await db.query<{ id: string; merged_into: string | null }>(
    `SELECT id, merged_into FROM person WHERE ${byId ? 'id = $1::uuid' : 'personal_id = $1'}`,
    [byId ? raw.toLowerCase() : pid],
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
