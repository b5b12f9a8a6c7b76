/** AllergyIntolerance ← received allergies (XML 130 has no allergy field). */
import type { AllergyIntolerance, AllergyIntoleranceReaction } from '@medplum/fhirtypes';
import type { AllergyRow } from '../../healthbook/record.ts';
import { importedMeta, type MapContext } from '../context.ts';
import { compact, fhirDateTime, fromConcept } from '../datatypes.ts';
import { CS } from '../systems.ts';

const CATEGORIES = ['food', 'medication', 'environment', 'biologic'] as const;
type Category = (typeof CATEGORIES)[number];
const SEVERITIES = ['mild', 'moderate', 'severe'] as const;

export function importedAllergy(ctx: MapContext, a: AllergyRow): AllergyIntolerance {
  return compact<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: a.id,
    meta: importedMeta(a.updatedAt),
    clinicalStatus: a.clinicalStatus
      ? { coding: [{ system: CS.allergyClinical, code: a.clinicalStatus }] }
      : undefined,
    verificationStatus: a.verificationStatus
      ? { coding: [{ system: CS.allergyVerification, code: a.verificationStatus }] }
      : undefined,
    type: a.type === 'allergy' || a.type === 'intolerance' ? a.type : undefined,
    category: a.categories.filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c)),
    criticality:
      a.criticality === 'low' || a.criticality === 'high' || a.criticality === 'unable-to-assess'
        ? a.criticality
        : undefined,
    code: fromConcept(a.code),
    patient: ctx.patient,
    onsetDateTime: fhirDateTime(a.onset),
    recordedDate: fhirDateTime(a.recorded),
    reaction: a.reactions
      .map((r) =>
        compact<AllergyIntoleranceReaction>({
          manifestation: r.manifestation.map((m) => fromConcept(m)).filter((m) => m !== undefined),
          severity: (SEVERITIES as readonly string[]).includes(r.severity ?? '')
            ? (r.severity as AllergyIntoleranceReaction['severity'])
            : undefined,
        }),
      )
      .filter((r) => r.manifestation.length > 0),
    note: a.note ? [{ text: a.note }] : undefined,
  });
}
