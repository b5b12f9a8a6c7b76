/**
 * Patient → the person registry (create, or update of a person the client named by id). Registry
 * identifiers already held by another person are a conflict (409): send the existing Patient id,
 * or `ifNoneExist`. Other identifiers, a client-chosen id (alias) and vital status go to the tables
 * of migration 0005.
 */
import { nameKey, normalizeText } from '@suckhoe/domain';
import type { PersonWrite } from '@suckhoe/domain/fhir/import/index';
import type { Queryable } from '../../db/types.ts';
import { insertPersons } from '../../persons/repo.ts';
import type { IdentifierSystem } from '../../persons/model.ts';
import { FhirError } from '../errors.ts';

async function assertIdentifiersFree(q: Queryable, personId: string, p: PersonWrite): Promise<void> {
  const values = p.identifiers.map((i) => i.value);
  if (p.personalId) values.push(p.personalId);
  if (values.length === 0) return;
  const rows = await q.query<{ person_id: string }>(
    `SELECT person_id FROM person_identifier WHERE value = ANY($1::text[]) AND person_id <> $2::uuid
       AND system = ANY($3::text[])
     UNION SELECT id FROM person WHERE personal_id = ANY($1::text[]) AND id <> $2::uuid LIMIT 1`,
    [values, personId, [...new Set(p.identifiers.map((i) => i.system).concat('personalId'))]],
  );
  if (rows.length > 0) {
    throw new FhirError(
      409,
      'PERSON_EXISTS',
      'Mã định danh của người bệnh này đã thuộc về một người khác trong danh bạ; gửi Patient với id đã có, hoặc dùng ifNoneExist.',
      'conflict',
    );
  }
}

async function addExtras(
  q: Queryable,
  personId: string,
  p: PersonWrite,
  alias: string | null,
): Promise<void> {
  if (p.external.length) {
    await q.query(
      `INSERT INTO person_fhir_identifier (person_id, system, value, type_code, source)
       SELECT $1::uuid, x.system, x.value, x.type_code, 'fhir' FROM unnest($2::text[], $3::text[], $4::text[]) AS x(system, value, type_code)
       WHERE NOT EXISTS (SELECT 1 FROM person_fhir_identifier f WHERE f.person_id = $1::uuid AND f.system = x.system AND f.value = x.value)`,
      [
        personId,
        p.external.map((e) => e.system),
        p.external.map((e) => e.value),
        p.external.map((e) => e.typeCode),
      ],
    );
  }
  if (alias) {
    await q.query(
      'INSERT INTO person_fhir_alias (person_id, alias) VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING',
      [personId, alias],
    );
  }
  if (p.deceased) {
    await q.query(
      "INSERT INTO person_vital_status (person_id, deceased, deceased_at, source) VALUES ($1::uuid, $2, $3, 'fhir')",
      [personId, p.deceased.deceased, p.deceased.at],
    );
  }
}

export async function createPerson(
  q: Queryable,
  personId: string,
  p: PersonWrite,
  alias: string | null,
): Promise<void> {
  await assertIdentifiersFree(q, personId, p);
  await insertPersons(q, [
    {
      id: personId,
      personalId: p.personalId,
      fullName: p.fullName,
      birthDate: p.birthDate,
      sex: p.sex,
      ethnicCode: p.ethnicCode,
      address: { provinceCode: p.provinceCode, communeCode: p.communeCode, line: p.addressLine },
      phone: p.phone,
      identifiers: p.identifiers
        .filter((i) => i.system !== 'personalId')
        .map((i) => ({
          system: i.system as IdentifierSystem,
          value: i.value,
          ...(i.validFrom ? { validFrom: i.validFrom } : {}),
          ...(i.validTo ? { validTo: i.validTo } : {}),
        })),
    },
  ]);
  await addExtras(q, personId, p, alias);
}

export async function updatePerson(q: Queryable, personId: string, p: PersonWrite): Promise<void> {
  await assertIdentifiersFree(q, personId, p);
  const [current] = await q.query<{ personal_id: string | null }>(
    'SELECT personal_id FROM person WHERE id = $1::uuid FOR UPDATE',
    [personId],
  );
  if (current?.personal_id && p.personalId && current.personal_id !== p.personalId) {
    throw new FhirError(
      409,
      'PERSONAL_ID_CHANGE',
      'Không đổi số định danh cá nhân của một người qua FHIR; dùng chức năng gộp hồ sơ.',
      'conflict',
    );
  }
  await q.query(
    `UPDATE person SET full_name = $2, name_tokens = $3::text[], name_key = $4, birth_date = $5, birth_year = $6, sex = $7,
       personal_id = coalesce(personal_id, $8), ethnic_code = coalesce($9, ethnic_code), province_code = coalesce($10, province_code),
       commune_code = coalesce($11, commune_code), address_line = coalesce($12, address_line), phone = coalesce($13, phone),
       updated_at = now()
     WHERE id = $1::uuid`,
    [
      personId,
      p.fullName.normalize('NFC').trim(),
      normalizeText(p.fullName).split(' ').filter(Boolean),
      nameKey(p.fullName),
      p.birthDate,
      Number(p.birthDate.slice(0, 4)),
      p.sex,
      p.personalId,
      p.ethnicCode,
      p.provinceCode,
      p.communeCode,
      p.addressLine,
      p.phone,
    ],
  );
  const ids = [
    ...p.identifiers,
    ...(p.personalId ? [{ system: 'personalId', value: p.personalId, validFrom: null, validTo: null }] : []),
  ];
  if (ids.length) {
    await q.query(
      `INSERT INTO person_identifier (person_id, system, value, valid_from, valid_to, source)
       SELECT $1::uuid, x.system, x.value, x.valid_from, x.valid_to, 'fhir'
         FROM unnest($2::text[], $3::text[], $4::date[], $5::date[]) AS x(system, value, valid_from, valid_to)
       ON CONFLICT DO NOTHING`,
      [
        personId,
        ids.map((i) => i.system),
        ids.map((i) => i.value),
        ids.map((i) => i.validFrom),
        ids.map((i) => i.validTo),
      ],
    );
  }
  await addExtras(q, personId, p, null);
}
