/** Immunization → hb_immunization. */
import type { Immunization } from '@medplum/fhirtypes';
import type { ImmunizationRow } from '../../healthbook/record.ts';
import { failed, okRow, personOf, refId, toConcept, type Imported, type ImportContext } from './common.ts';

export type ImmunizationWrite = Omit<ImmunizationRow, 'updatedAt' | 'source'> & { personId: string };

export function importImmunization(
  i: Immunization,
  id: string,
  ctx: ImportContext,
): Imported<ImmunizationWrite> {
  const who = personOf(ctx, i.patient, 'Immunization.patient');
  if ('issue' in who) return failed(who.issue);
  const actor = i.performer?.[0]?.actor;
  const performer = ctx.resolve(actor, ['Organization', 'Practitioner']);
  const dose = i.protocolApplied?.[0];
  return okRow({
    personId: who.personId,
    id,
    encounterId: refId(ctx, i.encounter, ['Encounter']),
    status: i.status,
    vaccine: toConcept(i.vaccineCode),
    occurrence: i.occurrenceDateTime ?? null,
    primarySource: i.primarySource ?? null,
    lotNumber: i.lotNumber ?? null,
    doseNumber:
      dose?.doseNumberString ??
      (dose?.doseNumberPositiveInt !== undefined ? String(dose.doseNumberPositiveInt) : null),
    performerDisplay: actor?.display ?? null,
    facilityCode: performer?.facilityCode ?? null,
    locationDisplay: i.location?.display ?? null,
  });
}
