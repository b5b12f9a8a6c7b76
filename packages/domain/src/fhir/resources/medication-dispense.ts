/**
 * MedicationDispense ← an XML2 drug line with a quantity (SO_LUONG): what the facility handed out
 * (quantity and unit, when — NGAY_TH_YL, else NGAY_YL, else the visit — and by which facility),
 * pointing at the line's MedicationRequest. Lines of immunisation visits are Immunizations instead.
 */
import type { MedicationDispense } from '@medplum/fhirtypes';
import type { DrugRow, EpisodeRow } from '../../healthbook/record.ts';
import { episodeMeta, facilityRef, type MapContext } from '../context.ts';
import { compact, concept, instant, ref } from '../datatypes.ts';
import { derivedId } from '../ids.ts';
import { CS } from '../systems.ts';

export function drugMedicationDispense(
  ctx: MapContext,
  e: EpisodeRow,
  d: DrugRow,
): MedicationDispense | null {
  if (d.quantity === null) return null;
  const text = [d.name, d.strength].filter(Boolean).join(' ');
  const facility = facilityRef(ctx, e.facilityCode);
  return compact<MedicationDispense>({
    resourceType: 'MedicationDispense',
    id: derivedId(e.id, `md${d.lineNo}`),
    meta: episodeMeta(e),
    status: 'completed',
    medicationCodeableConcept: concept(CS.drugCode, d.drugCode, d.name, text),
    subject: ctx.patient,
    context: ref('Encounter', e.id),
    performer: facility ? [{ actor: facility }] : undefined,
    authorizingPrescription: [ref('MedicationRequest', derivedId(e.id, `rx${d.lineNo}`))],
    quantity: compact({ value: d.quantity, unit: d.unit ?? undefined }),
    whenHandedOver: instant(d.performedAt ?? d.orderedAt ?? e.admittedAt),
    dosageInstruction: d.dosage ? [{ text: d.dosage }] : undefined,
  });
}
