/** AllergyIntolerance → hb_allergy. */
import type { AllergyIntolerance } from '@medplum/fhirtypes';
import type { AllergyRow } from '../../healthbook/record.ts';
import {
  codeOf,
  dateTimeChoice,
  failed,
  okRow,
  personOf,
  texts,
  toConcept,
  type Imported,
  type ImportContext,
} from './common.ts';

export type AllergyWrite = Omit<AllergyRow, 'updatedAt' | 'source'> & { personId: string };

export function importAllergy(a: AllergyIntolerance, id: string, ctx: ImportContext): Imported<AllergyWrite> {
  const who = personOf(ctx, a.patient, 'AllergyIntolerance.patient');
  if ('issue' in who) return failed(who.issue);
  return okRow({
    personId: who.personId,
    id,
    clinicalStatus: codeOf(a.clinicalStatus),
    verificationStatus: codeOf(a.verificationStatus),
    type: a.type ?? null,
    categories: a.category ?? [],
    criticality: a.criticality ?? null,
    code: toConcept(a.code),
    onset: dateTimeChoice(a, 'onset'),
    recorded: a.recordedDate ?? null,
    reactions: (a.reaction ?? []).map((r) => ({
      manifestation: r.manifestation.map(toConcept),
      ...(r.severity ? { severity: r.severity } : {}),
    })),
    note: texts(a.note),
  });
}
