/**
 * AuditEvent read and search: the audit trail (audit/) shown as FHIR AuditEvent (audit/fhir.ts,
 * IHE BALP shape). A person's events need access to that person (the citizen themself, a facility
 * admin of a caring facility, or break-glass); events about no person, and searches without
 * `patient`, are for admins only (and need a date range).
 */
import type { FastifyRequest } from 'fastify';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import {
  parseDateValue,
  referenceKey,
  runSearch,
  searchset,
  valuesOf,
  type ParsedSearch,
} from '@suckhoe/domain/fhir/index';
import { EVENT_COLUMNS, rowToEvent, type EventRow } from '../audit/chain.ts';
import { toFhirAuditEvent } from '../audit/fhir.ts';
import { requirePrincipal } from '../auth/guard.ts';
import { assertCanReadPerson } from '../auth/person-access.ts';
import type { Queryable } from '../db/types.ts';
import { FhirError, resourceNotFound } from './errors.ts';
import { baseUrl, queryWithoutPaging } from './http.ts';
import { personOfPatientId } from './patients.ts';

const LIMIT = 1000;

const adminOnly = (): FhirError =>
  new FhirError(
    403,
    'AUDIT_ADMIN_ONLY',
    'Chỉ quản trị hệ thống xem được nhật ký không gắn với một người dân.',
    'forbidden',
  );

export async function readAuditEvent(req: FastifyRequest, db: Queryable, id: string) {
  if (!/^\d{1,15}$/.test(id)) throw resourceNotFound('AuditEvent', id);
  const [row] = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM audit_event WHERE seq = $1`, [
    Number(id),
  ]);
  if (!row) throw resourceNotFound('AuditEvent', id);
  if (row.person_id) await assertCanReadPerson(req, row.person_id, { resource: 'AuditEvent' });
  else if (!requirePrincipal(req).roles.includes('admin')) throw adminOnly();
  return toFhirAuditEvent(rowToEvent(row));
}

export async function searchAuditEvents(
  req: FastifyRequest,
  db: Queryable,
  s: ParsedSearch,
): Promise<Bundle> {
  const patients = valuesOf(s, 'patient');
  let rows: EventRow[];
  if (patients.length) {
    const persons: string[] = [];
    for (const v of patients) {
      const k = referenceKey(v);
      const id = k?.startsWith('Patient/') ? k.slice(8) : v;
      const p = await personOfPatientId(db, id);
      if (p) persons.push(p);
    }
    for (const p of persons) await assertCanReadPerson(req, p, { resource: 'AuditEvent' });
    rows = persons.length
      ? await db.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE person_id = ANY($1::uuid[]) ORDER BY at DESC, seq DESC LIMIT ${LIMIT}`,
          [persons],
        )
      : [];
  } else {
    if (!requirePrincipal(req).roles.includes('admin')) {
      throw new FhirError(
        400,
        'PATIENT_REQUIRED',
        'Tìm nhật ký truy cập cần tham số patient (người dân có dữ liệu được truy cập).',
        'required',
      );
    }
    const dates = valuesOf(s, 'date').map(parseDateValue);
    const from = Math.max(
      ...dates.filter((d) => d && ['ge', 'gt', 'eq', 'sa'].includes(d.prefix)).map((d) => d!.range[0]),
      -Infinity,
    );
    if (!Number.isFinite(from)) {
      throw new FhirError(
        400,
        'SEARCH_TOO_BROAD',
        'Tìm nhật ký cần tham số patient hoặc date=ge… (thời điểm bắt đầu).',
        'too-costly',
      );
    }
    rows = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM audit_event WHERE at >= $1::timestamptz ORDER BY at DESC, seq DESC LIMIT ${LIMIT}`,
      [new Date(from).toISOString()],
    );
  }
  const events = rows.map((r) => toFhirAuditEvent(rowToEvent(r)) as unknown as Resource);
  const { total, page } = runSearch(events, {
    ...s,
    params: s.params.filter((p) => p.def.name !== 'patient'),
  });
  return searchset({
    base: baseUrl(req),
    selfPath: `AuditEvent?${queryWithoutPaging(req)}`,
    total,
    offset: s.offset,
    count: s.count,
    matches: page,
  });
}
