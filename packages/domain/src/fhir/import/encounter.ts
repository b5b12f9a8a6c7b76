/** Encounter → hb_encounter (encounters of other systems; XML 130 episodes are not changed through FHIR). */
import type { Encounter } from '@medplum/fhirtypes';
import type { ImportedEncounterRow } from '../../healthbook/record.ts';
import { failed, okRow, personOf, toConcept, type Imported, type ImportContext } from './common.ts';

export type EncounterWrite = Omit<ImportedEncounterRow, 'updatedAt' | 'source'> & { personId: string };

export function importEncounter(e: Encounter, id: string, ctx: ImportContext): Imported<EncounterWrite> {
  const who = personOf(ctx, e.subject, 'Encounter.subject');
  if ('issue' in who) return failed(who.issue);
  const provider = ctx.resolve(e.serviceProvider, ['Organization']);
  const practitioners = (e.participant ?? []).flatMap((p) => {
    const r = ctx.resolve(p.individual, ['Practitioner']);
    return r?.type === 'Practitioner' ? [r.id] : [];
  });
  return okRow({
    personId: who.personId,
    id,
    status: e.status,
    classCode: e.class.code ?? null,
    type: toConcept(e.type?.[0]),
    periodStart: e.period?.start ?? null,
    periodEnd: e.period?.end ?? null,
    reason: [
      ...(e.reasonCode ?? []).map(toConcept),
      ...(e.reasonReference ?? []).flatMap((r) => (r.display ? [{ coding: [], text: r.display }] : [])),
    ],
    facilityCode: provider?.facilityCode ?? null,
    organizationId: provider?.type === 'Organization' && !provider.facilityCode ? provider.id : null,
    organizationDisplay: e.serviceProvider?.display ?? null,
    practitionerIds: practitioners,
    locationDisplay: e.location?.[0]?.location.display ?? null,
    identifiers: (e.identifier ?? []).map((i) => ({
      ...(i.system ? { system: i.system } : {}),
      ...(i.value ? { value: i.value } : {}),
    })),
  });
}
