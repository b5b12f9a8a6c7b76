/** MedicationRequest → hb_medication_request (structured dosing kept as received). */
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { MedicationRequestRow } from '../../healthbook/record.ts';
import { failed, okRow, personOf, refId, toConcept, type Imported, type ImportContext } from './common.ts';

export type MedicationRequestWrite = Omit<MedicationRequestRow, 'updatedAt' | 'source'> & {
  personId: string;
};

export function importMedicationRequest(
  m: MedicationRequest,
  id: string,
  ctx: ImportContext,
): Imported<MedicationRequestWrite> {
  const who = personOf(ctx, m.subject, 'MedicationRequest.subject');
  if ('issue' in who) return failed(who.issue);
  const code = m.medicationCodeableConcept
    ? toConcept(m.medicationCodeableConcept)
    : { coding: [], text: m.medicationReference?.display ?? 'Không rõ' };
  return okRow({
    personId: who.personId,
    id,
    encounterId: refId(ctx, m.encounter, ['Encounter']),
    status: m.status,
    intent: m.intent,
    category: m.category?.[0]?.coding?.[0]?.code ?? null,
    code,
    authoredOn: m.authoredOn ?? null,
    requesterId: refId(ctx, m.requester, ['Practitioner']),
    requesterDisplay: m.requester?.display ?? null,
    reason: [
      ...(m.reasonCode ?? []).map(toConcept),
      ...(m.reasonReference ?? []).flatMap((r) => (r.display ? [{ coding: [], text: r.display }] : [])),
    ],
    dosage: (m.dosageInstruction ?? []) as unknown as Record<string, unknown>[],
    dosageText: m.dosageInstruction?.[0]?.text ?? null,
  });
}
