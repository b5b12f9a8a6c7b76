/** Procedure ← XML3 surgery / procedure lines (MA_NHOM 8, 18) and MA_PTTT_QT (ICD-9-CM), or ← a received procedure. */
import type { Practitioner, Procedure } from '@medplum/fhirtypes';
import type { EpisodeRow, ProcedureRow, ServiceRow } from '../../healthbook/record.ts';
import { episodeMeta, facilityRef, importedMeta, type MapContext } from '../context.ts';
import { compact, concept, fhirDateTime, fromConcept, instant, ref } from '../datatypes.ts';
import { derivedId, doctorCodes, practitionerId } from '../ids.ts';
import { CS } from '../systems.ts';

/** Cost groups whose service lines are procedures (QĐ 5937 PL3: 8 phẫu thuật, 18 thủ thuật). */
export const PROCEDURE_GROUPS: ReadonlySet<string> = new Set(['8', '18']);

export function serviceProcedure(ctx: MapContext, e: EpisodeRow, s: ServiceRow): Procedure {
  const doctors = doctorCodes(s.doctors);
  return compact<Procedure>({
    resourceType: 'Procedure',
    id: derivedId(e.id, `px${s.lineNo}`),
    meta: episodeMeta(e),
    status: 'completed',
    category: concept(`${CS.xml130}/MA_NHOM`, s.groupCode, s.groupCode === '8' ? 'Phẫu thuật' : 'Thủ thuật'),
    code: concept(CS.serviceCode, s.serviceCode, s.serviceName),
    subject: ctx.patient,
    encounter: ref('Encounter', e.id),
    performedDateTime: instant(s.performedAt ?? s.orderedAt ?? e.admittedAt),
    performer: [
      ...doctors.map((d) => ({ actor: ref<Practitioner>('Practitioner', practitionerId(d)) })),
      ...(doctors.length === 0 ? [{ actor: facilityRef(ctx, e.facilityCode)! }] : []),
    ],
  });
}

/** MA_PTTT_QT of XML1 (ICD-9-CM procedure codes). */
export function icd9Procedures(ctx: MapContext, e: EpisodeRow): Procedure[] {
  return e.procedureCodes.map((code, n) =>
    compact<Procedure>({
      resourceType: 'Procedure',
      id: derivedId(e.id, `pc${n}`),
      meta: episodeMeta(e),
      status: 'completed',
      code: concept(CS.icd9cm, code, undefined, code),
      subject: ctx.patient,
      encounter: ref('Encounter', e.id),
      performedPeriod: compact({ start: instant(e.admittedAt), end: instant(e.dischargedAt) }),
    }),
  );
}

const STATUSES = [
  'preparation',
  'in-progress',
  'not-done',
  'on-hold',
  'stopped',
  'completed',
  'entered-in-error',
  'unknown',
] as const;

export function importedProcedure(ctx: MapContext, p: ProcedureRow): Procedure {
  const start = fhirDateTime(p.performedStart);
  const end = fhirDateTime(p.performedEnd);
  return compact<Procedure>({
    resourceType: 'Procedure',
    id: p.id,
    meta: importedMeta(p.updatedAt),
    status: (STATUSES as readonly string[]).includes(p.status)
      ? (p.status as Procedure['status'])
      : 'unknown',
    code: fromConcept(p.code),
    subject: ctx.patient,
    encounter: p.encounterId ? ref('Encounter', p.encounterId) : undefined,
    performedDateTime: start && !end ? start : undefined,
    performedPeriod: end ? compact({ start, end }) : undefined,
    location: p.locationDisplay ? { display: p.locationDisplay } : undefined,
    reasonCode: p.reason.map((r) => fromConcept(r)).filter((r) => r !== undefined),
  });
}
