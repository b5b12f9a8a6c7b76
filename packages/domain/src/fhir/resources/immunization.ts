/** Immunization ← vaccine lines of XML 130 immunisation visits (XML2, main diagnosis Z23–Z27), or ← a received immunisation. */
import type { Immunization } from '@medplum/fhirtypes';
import type { DrugRow, EpisodeIndexRow, ImmunizationRow } from '../../healthbook/record.ts';
import { episodeMeta, facilityRef, importedMeta, type MapContext } from '../context.ts';
import { compact, concept, fhirDateTime, fromConcept, instant, ref } from '../datatypes.ts';
import { derivedId } from '../ids.ts';
import { CS } from '../systems.ts';

export function vaccineImmunization(
  ctx: MapContext,
  e: EpisodeIndexRow & { updatedAt?: string },
  d: DrugRow,
): Immunization {
  return compact<Immunization>({
    resourceType: 'Immunization',
    id: derivedId(e.id, `imm${d.lineNo}`),
    meta: episodeMeta({ envelopeSha256: e.envelopeSha256, updatedAt: e.updatedAt ?? e.receivedAt }),
    status: 'completed',
    vaccineCode: concept(CS.drugCode, d.drugCode, d.name, [d.name, d.strength].filter(Boolean).join(' '))!,
    patient: ctx.patient,
    encounter: ref('Encounter', e.id),
    occurrenceDateTime: instant(d.performedAt ?? d.orderedAt ?? e.admittedAt)!,
    primarySource: true,
    performer: [{ actor: facilityRef(ctx, e.facilityCode)! }],
    route: d.route ? { text: d.route } : undefined,
  });
}

const STATUSES = ['completed', 'entered-in-error', 'not-done'] as const;

export function importedImmunization(ctx: MapContext, i: ImmunizationRow): Immunization {
  const performer = i.facilityCode
    ? facilityRef(ctx, i.facilityCode)
    : i.performerDisplay
      ? { display: i.performerDisplay }
      : undefined;
  return compact<Immunization>({
    resourceType: 'Immunization',
    id: i.id,
    meta: importedMeta(i.updatedAt),
    status: (STATUSES as readonly string[]).includes(i.status)
      ? (i.status as Immunization['status'])
      : 'completed',
    vaccineCode: fromConcept(i.vaccine) ?? { text: 'Vắc xin' },
    patient: ctx.patient,
    encounter: i.encounterId ? ref('Encounter', i.encounterId) : undefined,
    occurrenceDateTime: fhirDateTime(i.occurrence),
    occurrenceString: i.occurrence ? undefined : 'không rõ',
    primarySource: i.primarySource ?? undefined,
    location: i.locationDisplay ? { display: i.locationDisplay } : undefined,
    lotNumber: i.lotNumber ?? undefined,
    performer: performer ? [{ actor: performer }] : undefined,
    protocolApplied: i.doseNumber ? [{ doseNumberString: i.doseNumber }] : undefined,
  });
}
