/** Encounter ← XML 130 episode (XML1), or ← an encounter received through FHIR. */
import type { Encounter, EncounterDiagnosis } from '@medplum/fhirtypes';
import { codeLabel } from '../../healthbook/labels.ts';
import type { EpisodeRow, ImportedEncounterRow } from '../../healthbook/record.ts';
import { episodeMeta, facilityRef, importedMeta, type MapContext } from '../context.ts';
import { compact, concept, fromConcept, instant, ref } from '../datatypes.ts';
import { ENCOUNTER_CLASS } from '../encounter-class.ts';
import { derivedId } from '../ids.ts';
import { CS, SID } from '../systems.ts';

export function episodeEncounter(ctx: MapContext, e: EpisodeRow): Encounter {
  const cls = ENCOUNTER_CLASS[e.encounterType] ?? { code: 'AMB', display: 'ambulatory' };
  const dx = [e.mainIcd, ...e.secondaryIcd].filter((c): c is string => Boolean(c));
  const diagnosis: EncounterDiagnosis[] = dx.map((_, n) => ({
    condition: ref('Condition', derivedId(e.id, `dx${n}`)),
    use: { coding: [{ system: CS.diagnosisRole, code: 'DD', display: 'Discharge diagnosis' }] },
    rank: n + 1,
  }));
  const type = codeLabel('MA_LOAI_KCB', e.encounterType);
  const disposition = codeLabel('MA_LOAI_RV', e.dischargeType);
  const reason = e.xml1.LY_DO_VV ?? e.xml1.LY_DO_VNT;
  return compact<Encounter>({
    resourceType: 'Encounter',
    id: e.id,
    meta: episodeMeta(e),
    identifier: [
      { system: SID.maLk, value: e.maLk, assigner: { reference: `Organization/${e.facilityCode}` } },
      ...(e.maHsba ? [{ system: `${SID.facilityPatient}/${e.facilityCode}/hsba`, value: e.maHsba }] : []),
    ],
    status: 'finished',
    class: { system: CS.actCode, code: cls.code, display: cls.display },
    type: [concept(`${CS.xml130}/MA_LOAI_KCB`, e.encounterType, type?.name)!],
    subject: ctx.patient,
    period: compact({ start: instant(e.admittedAt), end: instant(e.dischargedAt) }),
    reasonCode: reason ? [{ text: reason }] : undefined,
    diagnosis,
    hospitalization: disposition
      ? { dischargeDisposition: concept(`${CS.xml130}/MA_LOAI_RV`, disposition.code, disposition.name)! }
      : undefined,
    serviceProvider: facilityRef(ctx, e.facilityCode),
  });
}

const STATUSES = [
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
] as const;

export function importedEncounter(ctx: MapContext, e: ImportedEncounterRow): Encounter {
  const status = (STATUSES as readonly string[]).includes(e.status)
    ? (e.status as Encounter['status'])
    : 'unknown';
  const provider = e.facilityCode
    ? facilityRef(ctx, e.facilityCode)
    : e.organizationId
      ? {
          reference: `Organization/${e.organizationId}`,
          ...(e.organizationDisplay ? { display: e.organizationDisplay } : {}),
        }
      : e.organizationDisplay
        ? { display: e.organizationDisplay }
        : undefined;
  const type = fromConcept(e.type);
  return compact<Encounter>({
    resourceType: 'Encounter',
    id: e.id,
    meta: importedMeta(e.updatedAt),
    identifier: e.identifiers.length
      ? e.identifiers.map((i) => compact({ system: i.system, value: i.value }))
      : undefined,
    status,
    class: { system: CS.actCode, code: e.classCode ?? 'AMB' },
    type: type ? [type] : undefined,
    subject: ctx.patient,
    participant: e.practitionerIds.length
      ? e.practitionerIds.map((id) => ({ individual: ref('Practitioner', id) }))
      : undefined,
    period: compact({ start: instant(e.periodStart), end: instant(e.periodEnd) }),
    reasonCode: e.reason.map((r) => fromConcept(r)).filter((r) => r !== undefined),
    location: e.locationDisplay ? [{ location: { display: e.locationDisplay } }] : undefined,
    serviceProvider: provider,
  });
}
