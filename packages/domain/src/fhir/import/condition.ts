/** Condition → hb_condition; FamilyMemberHistory → hb_condition (category family-history). */
import type { Condition, FamilyMemberHistory } from '@medplum/fhirtypes';
import type { ConditionRow } from '../../healthbook/record.ts';
import { CS } from '../systems.ts';
import {
  codeOf,
  dateTimeChoice,
  failed,
  okRow,
  personOf,
  refId,
  texts,
  toConcept,
  type Imported,
  type ImportContext,
} from './common.ts';

export type ConditionWrite = Omit<ConditionRow, 'updatedAt' | 'source'> & { personId: string };

export function importCondition(c: Condition, id: string, ctx: ImportContext): Imported<ConditionWrite> {
  const who = personOf(ctx, c.subject, 'Condition.subject');
  if ('issue' in who) return failed(who.issue);
  const cat =
    c.category?.flatMap((x) => x.coding ?? []).find((x) => x.system === CS.conditionCategory)?.code ??
    c.category?.[0]?.coding?.[0]?.code ??
    null;
  return okRow({
    personId: who.personId,
    id,
    encounterId: refId(ctx, c.encounter, ['Encounter']),
    category: cat,
    code: toConcept(c.code),
    clinicalStatus: codeOf(c.clinicalStatus),
    verificationStatus: codeOf(c.verificationStatus),
    severity: c.severity?.text ?? c.severity?.coding?.[0]?.display ?? null,
    onset: dateTimeChoice(c, 'onset'),
    abatement: dateTimeChoice(c, 'abatement'),
    recorded: c.recordedDate ?? null,
    relationship: null,
    note: texts(c.note),
  });
}

export function importFamilyHistory(
  f: FamilyMemberHistory,
  id: string,
  ctx: ImportContext,
): Imported<ConditionWrite> {
  const who = personOf(ctx, f.patient, 'FamilyMemberHistory.patient');
  if ('issue' in who) return failed(who.issue);
  const first = f.condition?.[0];
  return okRow({
    personId: who.personId,
    id,
    encounterId: null,
    category: 'family-history',
    code: toConcept(first?.code ?? { text: f.name ?? 'Không rõ' }),
    clinicalStatus: null,
    verificationStatus: null,
    severity: null,
    onset: null,
    abatement: null,
    recorded: f.date ?? null,
    relationship: f.relationship.coding?.[0]?.code ?? f.relationship.text ?? null,
    note: texts([...(f.note ?? []), ...(first?.note ?? [])]),
  });
}
