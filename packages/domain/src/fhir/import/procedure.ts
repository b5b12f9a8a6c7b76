/** Procedure → hb_procedure. */
import type { Procedure } from '@medplum/fhirtypes';
import type { ProcedureRow } from '../../healthbook/record.ts';
import { failed, okRow, personOf, refId, toConcept, type Imported, type ImportContext } from './common.ts';

export type ProcedureWrite = Omit<ProcedureRow, 'updatedAt' | 'source'> & { personId: string };

export function importProcedure(p: Procedure, id: string, ctx: ImportContext): Imported<ProcedureWrite> {
  const who = personOf(ctx, p.subject, 'Procedure.subject');
  if ('issue' in who) return failed(who.issue);
  return okRow({
    personId: who.personId,
    id,
    encounterId: refId(ctx, p.encounter, ['Encounter']),
    status: p.status,
    code: toConcept(p.code),
    performedStart: p.performedDateTime ?? p.performedPeriod?.start ?? null,
    performedEnd: p.performedPeriod?.end ?? null,
    locationDisplay: p.location?.display ?? null,
    reason: [
      ...(p.reasonCode ?? []).map(toConcept),
      ...(p.reasonReference ?? []).flatMap((r) => (r.display ? [{ coding: [], text: r.display }] : [])),
    ],
  });
}
