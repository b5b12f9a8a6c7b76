/** Finding stored resources by identifier and by id, in batches (conditional references, ifNoneExist, literal references). */
import { isUuid, practitionerCode, SID } from '@suckhoe/domain/fhir/index';
import type { Resolved } from '@suckhoe/domain/fhir/import/index';
import type { Queryable } from '../../db/types.ts';
import { HB_TABLES } from '../locate.ts';

const DIRECTORY = new Set(['Organization', 'Practitioner', 'Location', 'PractitionerRole']);

/** Stored resources of `type` with any of these identifiers (`system` null = any system). */
export async function lookupIdentifiers(
  db: Queryable,
  type: string | null,
  ids: readonly { system: string | null; value: string }[],
): Promise<Resolved[]> {
  const out: Resolved[] = [];
  if (type === null || type === 'Patient') {
    const norm = ids.map((i) => i.value.toUpperCase().replace(/[\s.\-_/]/g, ''));
    const rows = await db.query<{ id: string; value: string; system: string | null }>(
      `SELECT person_id AS id, value, NULL AS system FROM person_identifier WHERE value = ANY($1::text[])
       UNION ALL SELECT id, personal_id, NULL FROM person WHERE personal_id = ANY($1::text[]) AND status = 'active'
       UNION ALL SELECT person_id, value, system FROM person_fhir_identifier WHERE value = ANY($2::text[])`,
      [norm, ids.map((i) => i.value)],
    );
    for (const i of ids) {
      const hit = rows.find(
        (r) =>
          (r.value === i.value || r.value === i.value.toUpperCase().replace(/[\s.\-_/]/g, '')) &&
          (r.system === null || i.system === null || r.system === i.system),
      );
      if (hit) out.push({ type: 'Patient', id: hit.id, personId: hit.id });
    }
  }
  if (type === null || DIRECTORY.has(type)) {
    const keys = ids.map((i) => `${i.system ?? ''}|${i.value}`);
    const rows = await db.query<{ kind: string; id: string }>(
      `SELECT kind, id FROM directory_entry WHERE identifier_keys && $1::text[] ${type ? 'AND kind = $2' : ''} ORDER BY kind, id`,
      type ? [keys, type] : [keys],
    );
    out.push(...rows.map((r) => ({ type: r.kind, id: r.id })));
    if (type === null || type === 'Organization') {
      const codes = ids.filter((i) => i.system === SID.facility).map((i) => i.value);
      if (codes.length) {
        const f = await db.query<{ code: string }>('SELECT code FROM facility WHERE code = ANY($1::text[])', [
          codes,
        ]);
        out.push(...f.map((x) => ({ type: 'Organization', id: x.code, facilityCode: x.code })));
      }
    }
  }
  return out;
}

/** Which of these `Type/id` keys exist, with their person (Patient, clinical) or facility (Organization). */
export async function lookupLiterals(db: Queryable, keys: readonly string[]): Promise<Map<string, Resolved>> {
  const out = new Map<string, Resolved>();
  const by = new Map<string, string[]>();
  for (const k of keys) {
    const [type = '', id = ''] = k.split('/');
    const l = by.get(type);
    if (l) l.push(id);
    else by.set(type, [id]);
  }
  for (const [type, ids] of by) {
    if (type === 'Patient') {
      const uuids = ids.filter(isUuid).map((x) => x.toLowerCase());
      const rows = await db.query<{ key: string; id: string }>(
        `SELECT p.id::text AS key, coalesce(p.merged_into, p.id) AS id FROM person p WHERE p.id = ANY($1::uuid[])
         UNION ALL SELECT a.alias, a.person_id FROM person_fhir_alias a WHERE a.alias = ANY($2::text[])`,
        [uuids, ids],
      );
      for (const r of rows) {
        const orig = ids.find((x) => x.toLowerCase() === r.key) ?? r.key;
        out.set(`Patient/${orig}`, { type, id: r.id, personId: r.id });
      }
    } else if (DIRECTORY.has(type)) {
      if (type === 'Organization') {
        for (const f of await db.query<{ code: string }>(
          'SELECT code FROM facility WHERE code = ANY($1::text[])',
          [ids],
        )) {
          out.set(`Organization/${f.code}`, { type, id: f.code, facilityCode: f.code });
        }
      }
      for (const d of await db.query<{ id: string }>(
        'SELECT id FROM directory_entry WHERE kind = $1 AND id = ANY($2::text[])',
        [type, ids],
      )) {
        if (!out.has(`${type}/${d.id}`)) out.set(`${type}/${d.id}`, { type, id: d.id });
      }
      if (type === 'Practitioner') {
        for (const id of ids)
          if (!out.has(`Practitioner/${id}`) && practitionerCode(id) !== null)
            out.set(`Practitioner/${id}`, { type, id });
      }
    } else {
      if (type === 'Encounter') {
        const uuids = ids.filter(isUuid);
        for (const r of await db.query<{ id: string; person_id: string }>(
          'SELECT id::text AS id, person_id FROM episode WHERE id = ANY($1::uuid[])',
          [uuids],
        )) {
          out.set(`Encounter/${r.id}`, { type, id: r.id, personId: r.person_id });
        }
      }
      const table = HB_TABLES[type];
      if (!table) continue;
      for (const r of await db.query<{ id: string; person_id: string }>(
        `SELECT id, person_id FROM ${table} WHERE id = ANY($1::text[])`,
        [ids],
      )) {
        if (!out.has(`${type}/${r.id}`))
          out.set(`${type}/${r.id}`, { type, id: r.id, personId: r.person_id });
      }
    }
  }
  return out;
}
