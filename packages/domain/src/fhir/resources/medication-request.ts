/** MedicationRequest ← XML2 drug lines (not of immunisation visits), or ← a received prescription. */
import type { Dosage, MedicationRequest } from '@medplum/fhirtypes';
import type { DrugRow, EpisodeRow, MedicationRequestRow } from '../../healthbook/record.ts';
import { episodeMeta, importedMeta, type MapContext } from '../context.ts';
import { compact, concept, fhirDateTime, fromConcept, instant, ref } from '../datatypes.ts';
import { INPATIENT_TYPES } from '../encounter-class.ts';
import { derivedId, doctorCodes, practitionerId } from '../ids.ts';
import { CS } from '../systems.ts';

export function drugMedicationRequest(ctx: MapContext, e: EpisodeRow, d: DrugRow): MedicationRequest {
  const inpatient = INPATIENT_TYPES.has(e.encounterType);
  const doctor = doctorCodes(d.doctors)[0];
  const text = [d.name, d.strength].filter(Boolean).join(' ');
  return compact<MedicationRequest>({
    resourceType: 'MedicationRequest',
    id: derivedId(e.id, `rx${d.lineNo}`),
    meta: episodeMeta(e),
    status: 'completed',
    intent: 'order',
    category: [
      {
        coding: [
          {
            system: CS.medicationRequestCategory,
            code: inpatient ? 'inpatient' : 'outpatient',
            display: inpatient ? 'Inpatient' : 'Outpatient',
          },
        ],
      },
    ],
    medicationCodeableConcept: concept(CS.drugCode, d.drugCode, d.name, text),
    subject: ctx.patient,
    encounter: ref('Encounter', e.id),
    authoredOn: instant(d.orderedAt ?? e.admittedAt),
    requester: doctor ? ref('Practitioner', practitionerId(doctor)) : undefined,
    dosageInstruction:
      d.dosage || d.route
        ? [compact<Dosage>({ text: d.dosage ?? undefined, route: d.route ? { text: d.route } : undefined })]
        : undefined,
    dispenseRequest:
      d.quantity !== null
        ? { quantity: compact({ value: d.quantity, unit: d.unit ?? undefined }) }
        : undefined,
  });
}

const STATUSES = [
  'active',
  'on-hold',
  'cancelled',
  'completed',
  'entered-in-error',
  'stopped',
  'draft',
  'unknown',
] as const;
const INTENTS = [
  'proposal',
  'plan',
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
  'option',
] as const;

export function importedMedicationRequest(ctx: MapContext, m: MedicationRequestRow): MedicationRequest {
  return compact<MedicationRequest>({
    resourceType: 'MedicationRequest',
    id: m.id,
    meta: importedMeta(m.updatedAt),
    status: (STATUSES as readonly string[]).includes(m.status)
      ? (m.status as MedicationRequest['status'])
      : 'unknown',
    intent: (INTENTS as readonly string[]).includes(m.intent)
      ? (m.intent as MedicationRequest['intent'])
      : 'order',
    category: m.category
      ? [{ coding: [{ system: CS.medicationRequestCategory, code: m.category }] }]
      : undefined,
    medicationCodeableConcept: fromConcept(m.code) ?? { text: 'Không rõ' },
    subject: ctx.patient,
    encounter: m.encounterId ? ref('Encounter', m.encounterId) : undefined,
    authoredOn: fhirDateTime(m.authoredOn),
    requester: m.requesterId
      ? ref('Practitioner', m.requesterId, m.requesterDisplay)
      : m.requesterDisplay
        ? { display: m.requesterDisplay }
        : undefined,
    reasonCode: m.reason.map((r) => fromConcept(r)).filter((r) => r !== undefined),
    dosageInstruction: m.dosage.length
      ? (m.dosage as unknown as Dosage[])
      : m.dosageText
        ? [{ text: m.dosageText }]
        : undefined,
  });
}
