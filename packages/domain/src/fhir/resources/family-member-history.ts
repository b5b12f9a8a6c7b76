/** FamilyMemberHistory ← family history received through FHIR (kept as conditions of category family-history). */
import type { FamilyMemberHistory } from '@medplum/fhirtypes';
import type { ConditionRow } from '../../healthbook/record.ts';
import { importedMeta, type MapContext } from '../context.ts';
import { compact, fromConcept } from '../datatypes.ts';

export function familyHistory(ctx: MapContext, c: ConditionRow): FamilyMemberHistory {
  return compact<FamilyMemberHistory>({
    resourceType: 'FamilyMemberHistory',
    id: c.id,
    meta: importedMeta(c.updatedAt),
    status: 'completed',
    patient: ctx.patient,
    relationship: compact({
      coding: c.relationship
        ? [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: c.relationship }]
        : undefined,
      text: c.relationship ?? 'Người thân',
    }),
    condition: [
      compact({
        code: fromConcept(c.code) ?? { text: 'Không rõ' },
        note: c.note ? [{ text: c.note }] : undefined,
      }),
    ],
  });
}
