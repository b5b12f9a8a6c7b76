/** Condition ← XML 130 diagnoses (MA_BENH_CHINH, MA_BENH_KT; ICD-10 with Vietnamese names), or ← a received condition. */
import type { Condition } from '@medplum/fhirtypes';
import { icd10Name } from '../../healthbook/icd10-vi.ts';
import type { ConditionRow, EpisodeRow } from '../../healthbook/record.ts';
import { episodeMeta, importedMeta, type MapContext } from '../context.ts';
import { compact, concept, fhirDateTime, fromConcept, instant, ref } from '../datatypes.ts';
import { derivedId } from '../ids.ts';
import { CS } from '../systems.ts';

const category = (code: string, display: string) => [
  { coding: [{ system: CS.conditionCategory, code, display }] },
];

export function episodeConditions(ctx: MapContext, e: EpisodeRow): Condition[] {
  const codes = [e.mainIcd, ...e.secondaryIcd].filter((c): c is string => Boolean(c));
  return codes.map((code, n) => {
    const name = icd10Name(code);
    return compact<Condition>({
      resourceType: 'Condition',
      id: derivedId(e.id, `dx${n}`),
      meta: episodeMeta(e),
      verificationStatus: { coding: [{ system: CS.conditionVerification, code: 'confirmed' }] },
      category: category('encounter-diagnosis', 'Encounter Diagnosis'),
      severity: undefined,
      code: concept(CS.icd10, code, name, name ?? (n === 0 ? e.xml1.CHAN_DOAN_RV : undefined) ?? code),
      subject: ctx.patient,
      encounter: ref('Encounter', e.id),
      onsetDateTime: instant(e.admittedAt),
      recordedDate: instant(e.dischargedAt),
      note: n === 0 && e.xml1.CHAN_DOAN_RV ? [{ text: e.xml1.CHAN_DOAN_RV }] : undefined,
    });
  });
}

const CATEGORY_DISPLAY: Readonly<Record<string, string>> = {
  'encounter-diagnosis': 'Encounter Diagnosis',
  'problem-list-item': 'Problem List Item',
  'health-concern': 'Health Concern',
};

export function importedCondition(ctx: MapContext, c: ConditionRow): Condition {
  const cat = c.category ?? undefined;
  return compact<Condition>({
    resourceType: 'Condition',
    id: c.id,
    meta: importedMeta(c.updatedAt),
    clinicalStatus: c.clinicalStatus
      ? { coding: [{ system: CS.conditionClinical, code: c.clinicalStatus }] }
      : undefined,
    verificationStatus: c.verificationStatus
      ? { coding: [{ system: CS.conditionVerification, code: c.verificationStatus }] }
      : undefined,
    category: cat
      ? CATEGORY_DISPLAY[cat]
        ? category(cat, CATEGORY_DISPLAY[cat])
        : [{ coding: [{ system: CS.conditionCategory, code: cat }] }]
      : undefined,
    severity: c.severity ? { text: c.severity } : undefined,
    code: fromConcept(c.code),
    subject: ctx.patient,
    encounter: c.encounterId ? ref('Encounter', c.encounterId) : undefined,
    onsetDateTime: fhirDateTime(c.onset),
    abatementDateTime: fhirDateTime(c.abatement),
    recordedDate: fhirDateTime(c.recorded),
    note: c.note ? [{ text: c.note }] : undefined,
  });
}
