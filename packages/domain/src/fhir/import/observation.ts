/** Observation → hb_observation (vital signs, laboratory, social history, blood group). */
import type { Observation } from '@medplum/fhirtypes';
import type { ObservationRow } from '../../healthbook/record.ts';
import { CS } from '../systems.ts';
import {
  dateTimeChoice,
  failed,
  okRow,
  personOf,
  refId,
  toConcept,
  type Imported,
  type ImportContext,
} from './common.ts';

export type ObservationWrite = Omit<ObservationRow, 'updatedAt' | 'source'> & { personId: string };

export function importObservation(
  o: Observation,
  id: string,
  ctx: ImportContext,
): Imported<ObservationWrite> {
  const who = personOf(ctx, o.subject, 'Observation.subject');
  if ('issue' in who) return failed(who.issue);
  const category =
    o.category?.flatMap((c) => c.coding ?? []).find((c) => c.system === CS.observationCategory)?.code ??
    o.category?.[0]?.coding?.[0]?.code ??
    null;
  const q = o.valueQuantity;
  const int = o.valueInteger;
  return okRow({
    personId: who.personId,
    id,
    encounterId: refId(ctx, o.encounter, ['Encounter']),
    status: o.status,
    category,
    code: toConcept(o.code),
    effective: dateTimeChoice(o, 'effective'),
    issued: o.issued ?? null,
    valueQuantity: q?.value ?? (int !== undefined ? int : null),
    valueUnit: q?.unit ?? null,
    valueUcum: q?.system === CS.ucum ? (q.code ?? null) : null,
    valueCoding: o.valueCodeableConcept ? toConcept(o.valueCodeableConcept) : null,
    valueString:
      o.valueString ?? (o.valueBoolean !== undefined ? String(o.valueBoolean) : (o.valueDateTime ?? null)),
    components: (o.component ?? []).map((c) => ({
      code: toConcept(c.code),
      value: c.valueQuantity?.value ?? null,
      unit: c.valueQuantity?.unit ?? null,
      ucum: c.valueQuantity?.system === CS.ucum ? (c.valueQuantity.code ?? null) : null,
    })),
    interpretation: o.interpretation?.[0]?.text ?? o.interpretation?.[0]?.coding?.[0]?.code ?? null,
    referenceRange: o.referenceRange?.[0]?.text ?? null,
  });
}
