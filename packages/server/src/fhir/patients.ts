/**
 * Patients of the FHIR view: a Patient id is the platform person id (merged records lead to the
 * survivor) or an id a client chose when it created the person (person_fhir_alias). Person rows for
 * rendering Patient resources are read in one statement for many persons.
 */
import type { PersonRow } from '@suckhoe/domain/healthbook/index';
import { isUuid } from '@suckhoe/domain/fhir/index';
import type { FastifyRequest } from 'fastify';
import { resolveToRead } from '../auth/person-access.ts';
import { resolvePatientWithFacts } from '../auth/person-facts.ts';
import type { Queryable } from '../db/types.ts';

/** The platform person of a Patient id, or null. */
export async function personOfPatientId(db: Queryable, id: string): Promise<string | null> {
  let personId: string | null = null;
  if (isUuid(id)) {
    const [r] = await db.query<{ id: string }>(
      `WITH RECURSIVE chain(id, merged_into, depth) AS (
         SELECT id, merged_into, 0 FROM person WHERE id = $1::uuid
         UNION ALL SELECT p.id, p.merged_into, c.depth + 1 FROM person p JOIN chain c ON p.id = c.merged_into WHERE c.depth < 10)
       SELECT id FROM chain WHERE merged_into IS NULL LIMIT 1`,
      [id.toLowerCase()],
      { name: 'fhir_patient_chain' }, // every Patient read and $everything: planned once per connection
    );
    personId = r?.id ?? null;
  }
  if (personId) return personId;
  const [a] = await db.query<{ person_id: string }>(
    'SELECT person_id FROM person_fhir_alias WHERE alias = $1',
    [id],
    { name: 'fhir_patient_alias' },
  );
  return a ? personOfPatientId(db, a.person_id).then((p) => p ?? a.person_id) : null;
}

/**
 * The platform person of a Patient id for a read by this request's caller, or null: for staff the
 * resolution comes with the person's facts for the access check, in one statement.
 */
export async function patientToRead(req: FastifyRequest, db: Queryable, id: string): Promise<string | null> {
  const found = await resolveToRead(req, (f, w) => resolvePatientWithFacts(db, id, f, w));
  return found === undefined ? personOfPatientId(db, id) : found;
}

const PERSON_ROWS_SQL = `
SELECT p.id, p.personal_id AS "personalId", p.full_name AS "fullName", p.birth_date AS "birthDate", p.sex,
       p.ethnic_code AS "ethnicCode", p.province_code AS "provinceCode", p.commune_code AS "communeCode",
       p.address_line AS "addressLine", p.phone, p.updated_at AS "updatedAt",
       coalesce((SELECT json_agg(x ORDER BY x.external, x.system, x.value) FROM (
          SELECT i.system, i.value, i.valid_from AS "validFrom", i.valid_to AS "validTo", i.status, false AS external, NULL AS "typeCode"
            FROM person_identifier i WHERE i.person_id = p.id
          UNION ALL
          SELECT i.system, i.value, NULL, NULL, 'active', true, i.type_code FROM person_fhir_identifier i WHERE i.person_id = p.id) x), '[]'::json) AS identifiers,
       '[]'::json AS cards,
       (SELECT row_to_json(x) FROM (SELECT s.deceased, s.deceased_at AS at FROM person_vital_status s
          WHERE s.person_id = p.id ORDER BY s.recorded_at DESC LIMIT 1) x) AS deceased,
       coalesce((SELECT json_agg(a.alias) FROM person_fhir_alias a WHERE a.person_id = p.id), '[]'::json) AS aliases
  FROM person p WHERE p.id = ANY($1::uuid[])`;

/** Person rows (for Patient resources) of these ids, in the order given (unknown ids skipped). */
export async function personRows(db: Queryable, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<PersonRow & Record<string, unknown>>(PERSON_ROWS_SQL, [[...ids]]);
  const by = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = by.get(id);
    return r ? [r] : [];
  });
}
