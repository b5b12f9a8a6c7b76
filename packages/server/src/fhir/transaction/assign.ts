/**
 * Ids of a bundle's entries: PUT keeps the client's id (a Patient id that is not a platform id
 * becomes an alias of a new person); POST gets a new id, unless `ifNoneExist` finds the resource,
 * which is then not written; a conditional update (`PUT Type?identifier=…`, Patient and directory
 * types) updates the one resource the identifiers find, creates one when none, and is a 412 when
 * they find several. An Organization that names a registered facility (ma-cskcb) is that
 * facility.
 */
import { randomUUID } from 'node:crypto';
import { isUuid, SID } from '@suckhoe/domain/fhir/index';
import type { Identifier, Resource } from '@medplum/fhirtypes';
import type { Queryable } from '../../db/types.ts';
import { personOfPatientId } from '../patients.ts';
import { HB_TABLES } from '../locate.ts';
import type { EntryError, EntryPlan } from './plan.ts';
import { lookupIdentifiers } from './lookup.ts';

export interface Assigned {
  readonly entry: EntryPlan;
  /** The id the resource is stored under (Patient: the platform person id). */
  readonly id: string;
  /** Patient: the person; clinical types: filled in after mapping. */
  readonly personId: string | null;
  /** Organization that is a registered facility. */
  readonly facilityCode: string | null;
  /** A client-chosen Patient id kept as an alias. */
  readonly alias: string | null;
  /** Whether the resource exists already (update) or is new (create). */
  readonly exists: boolean;
  /** `ifNoneExist` matched: nothing is written, the response points at the existing resource. */
  readonly matched: boolean;
}

function ifNoneExistIdentifiers(q: string): { system: string | null; value: string }[] | null {
  const params = new URLSearchParams(q.replace(/^\?/, ''));
  const out: { system: string | null; value: string }[] = [];
  for (const [k, v] of params) {
    if (k !== 'identifier') return null;
    const bar = v.indexOf('|');
    out.push(
      bar < 0 ? { system: null, value: v } : { system: v.slice(0, bar) || null, value: v.slice(bar + 1) },
    );
  }
  return out.length ? out : null;
}

const facilityIdentifier = (r: Resource): string | null =>
  r.resourceType === 'Organization'
    ? ((r.identifier ?? []).find((i: Identifier) => i.system === SID.facility)?.value ?? null)
    : null;

async function registeredFacility(db: Queryable, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [f] = await db.query<{ code: string }>('SELECT code FROM facility WHERE code = $1', [code]);
  return f?.code ?? null;
}

async function existsById(db: Queryable, type: string, id: string): Promise<boolean> {
  if (
    type === 'Organization' ||
    type === 'Practitioner' ||
    type === 'Location' ||
    type === 'PractitionerRole'
  ) {
    return (
      (await db.query('SELECT 1 FROM directory_entry WHERE kind = $1 AND id = $2', [type, id])).length > 0
    );
  }
  const table = HB_TABLES[type];
  return table ? (await db.query(`SELECT 1 FROM ${table} WHERE id = $1 LIMIT 1`, [id])).length > 0 : false;
}

/** Types whose resources can be found by identifier (lookup.ts): the conditional update's targets. */
const CONDITIONAL_TYPES = new Set([
  'Patient',
  'Organization',
  'Practitioner',
  'Location',
  'PractitionerRole',
]);

async function conditionalUpdate(
  db: Queryable,
  e: EntryPlan,
  base: Omit<Assigned, 'id'>,
): Promise<Assigned | EntryError> {
  const ids = ifNoneExistIdentifiers(e.conditional ?? '');
  if (!ids || !CONDITIONAL_TYPES.has(e.type)) {
    return {
      index: e.index,
      status: 400,
      code: 'CONDITIONAL_UPDATE_NOT_SUPPORTED',
      message: `Mục ${e.index}: cập nhật có điều kiện chỉ hỗ trợ identifier=hệ|giá trị cho Patient, Organization, Practitioner, Location, PractitionerRole.`,
      issue: 'not-supported',
    };
  }
  const found = new Map((await lookupIdentifiers(db, e.type, ids)).map((r) => [r.id, r]));
  if (found.size > 1) {
    return {
      index: e.index,
      status: 412,
      code: 'CONDITIONAL_MULTIPLE_MATCHES',
      message: `Mục ${e.index}: điều kiện ${e.type}?${e.conditional ?? ''} khớp ${found.size} tài nguyên; cần đúng một.`,
      issue: 'multiple-matches',
    };
  }
  const [hit] = found.values();
  if (hit) return { ...base, id: hit.id, personId: hit.personId ?? null, exists: true };
  const id = randomUUID();
  return { ...base, id, personId: e.type === 'Patient' ? id : null };
}

export async function assignIds(
  db: Queryable,
  entries: readonly EntryPlan[],
): Promise<(Assigned | EntryError)[]> {
  const out: (Assigned | EntryError)[] = [];
  for (const e of entries) {
    const base = { entry: e, personId: null, facilityCode: null, alias: null, exists: false, matched: false };
    const facility = await registeredFacility(db, facilityIdentifier(e.resource));
    if (facility) {
      out.push({ ...base, id: facility, facilityCode: facility, exists: true, matched: true });
      continue;
    }
    if (e.method === 'POST' && e.ifNoneExist) {
      const ids = ifNoneExistIdentifiers(e.ifNoneExist);
      if (!ids) {
        out.push({
          index: e.index,
          status: 400,
          code: 'IF_NONE_EXIST_NOT_SUPPORTED',
          message: `Mục ${e.index}: ifNoneExist chỉ hỗ trợ identifier=hệ|giá trị.`,
          issue: 'not-supported',
        });
        continue;
      }
      const found = (await lookupIdentifiers(db, e.type, ids))[0];
      if (found) {
        out.push({ ...base, id: found.id, personId: found.personId ?? null, exists: true, matched: true });
        continue;
      }
    }
    if (e.method === 'PUT' && e.conditional !== null) {
      out.push(await conditionalUpdate(db, e, base));
      continue;
    }
    if (e.type === 'Patient') {
      if (e.method === 'PUT') {
        const existing = await personOfPatientId(db, e.urlId!);
        if (existing) out.push({ ...base, id: existing, personId: existing, exists: true });
        else if (isUuid(e.urlId!))
          out.push({ ...base, id: e.urlId!.toLowerCase(), personId: e.urlId!.toLowerCase() });
        else {
          const id = randomUUID();
          out.push({ ...base, id, personId: id, alias: e.urlId });
        }
      } else {
        const id = randomUUID();
        out.push({ ...base, id, personId: id });
      }
      continue;
    }
    if (e.method === 'PUT') {
      const id = e.urlId!;
      if (
        e.type === 'Encounter' &&
        isUuid(id) &&
        (await db.query('SELECT 1 FROM episode WHERE id = $1::uuid', [id])).length > 0
      ) {
        out.push({
          index: e.index,
          status: 409,
          code: 'XML130_RESOURCE_READ_ONLY',
          message: `Mục ${e.index}: Encounter/${id} là hồ sơ XML 130; gửi lại hồ sơ XML để thay đổi.`,
          issue: 'conflict',
        });
        continue;
      }
      out.push({ ...base, id, exists: await existsById(db, e.type, id) });
    } else {
      out.push({ ...base, id: randomUUID() });
    }
  }
  return out;
}
