/**
 * Every FHIR resource of a person's canonical record (the view $everything, searches and reads are
 * cut from), in a stable order: Patient, then per episode its Encounter and what hangs off it, then
 * what was received through FHIR, then the facilities and practitioners the record names.
 */
import type { Resource } from '@medplum/fhirtypes';
import { isImmunisationIcd } from '../healthbook/observation-codes.ts';
import type { PersonRecord } from '../healthbook/record.ts';
import { mapContext } from './context.ts';
import { doctorCodes } from './ids.ts';
import { importedAllergy } from './resources/allergy-intolerance.ts';
import { slipAppointment } from './resources/appointment.ts';
import { episodeConditions, importedCondition } from './resources/condition.ts';
import { importedDevice } from './resources/device.ts';
import { episodeReports } from './resources/diagnostic-report.ts';
import {
  importedDocumentReference,
  PAPER_KINDS,
  paperDocumentReference,
} from './resources/document-reference.ts';
import { episodeEncounter, importedEncounter } from './resources/encounter.ts';
import { familyHistory } from './resources/family-member-history.ts';
import { importedImmunization, vaccineImmunization } from './resources/immunization.ts';
import { drugMedicationDispense } from './resources/medication-dispense.ts';
import { drugMedicationRequest, importedMedicationRequest } from './resources/medication-request.ts';
import {
  importedObservation,
  labObservation,
  vitalObservations,
  xml1Observations,
} from './resources/observation.ts';
import { facilityOrganization } from './resources/organization.ts';
import { patientResource } from './resources/patient.ts';
import { certificatePractitioner } from './resources/practitioner.ts';
import {
  icd9Procedures,
  importedProcedure,
  PROCEDURE_GROUPS,
  serviceProcedure,
} from './resources/procedure.ts';
import { referralServiceRequest } from './resources/service-request.ts';

const by = <T extends { episodeId: string }>(rows: readonly T[]): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const l = m.get(r.episodeId);
    if (l) l.push(r);
    else m.set(r.episodeId, [r]);
  }
  return m;
};

export interface RecordResourcesOptions {
  /** Today (`YYYY-MM-DD`, Vietnam) for statuses that depend on it (referral validity). */
  readonly today: string;
  /** Also the Organizations and Practitioners the record names (for $everything). */
  readonly withReferenced?: boolean;
}

export function recordResources(record: PersonRecord, o: RecordResourcesOptions): Resource[] {
  const ctx = mapContext(record);
  const out: Resource[] = [patientResource(record.person)];
  const drugs = by(record.drugs);
  const services = by(record.services);
  const labs = by(record.labs);
  const notes = by(record.notes);
  const docs = by(record.documents);
  const doctors = new Set<string>();
  for (const e of record.episodes) {
    const eServices = services.get(e.id) ?? [];
    const eLabs = labs.get(e.id) ?? [];
    out.push(episodeEncounter(ctx, e), ...episodeConditions(ctx, e));
    if (!isImmunisationIcd(e.mainIcd)) {
      for (const d of drugs.get(e.id) ?? []) {
        out.push(drugMedicationRequest(ctx, e, d));
        const dispensed = drugMedicationDispense(ctx, e, d);
        if (dispensed) out.push(dispensed);
        for (const c of doctorCodes(d.doctors)) doctors.add(c);
      }
    }
    for (const s of eServices) {
      if (s.kind === 'service' && PROCEDURE_GROUPS.has(s.groupCode ?? '')) {
        out.push(serviceProcedure(ctx, e, s));
        for (const c of doctorCodes(s.doctors)) doctors.add(c);
      }
    }
    out.push(...icd9Procedures(ctx, e));
    out.push(...eLabs.map((l) => labObservation(ctx, e, l, eServices)));
    out.push(...episodeReports(ctx, e, eLabs, eServices));
    for (const n of notes.get(e.id) ?? []) out.push(...vitalObservations(ctx, e, n));
    out.push(...xml1Observations(ctx, e));
    for (const d of docs.get(e.id) ?? []) {
      if (d.kind === 'referral') out.push(referralServiceRequest(ctx, e, d, o.today));
      else if (d.kind === 'appointment') out.push(slipAppointment(ctx, e, d));
      else if (PAPER_KINDS.has(d.kind)) out.push(paperDocumentReference(ctx, e, d));
      for (const c of doctorCodes(d.record.MA_BAC_SI)) doctors.add(c);
    }
  }
  const index = new Map(record.episodeIndex.map((e) => [e.id, e]));
  const loaded = new Map(record.episodes.map((e) => [e.id, e]));
  for (const d of record.vaccineDrugs) {
    const e = index.get(d.episodeId);
    if (e && loaded.has(e.id))
      out.push(vaccineImmunization(ctx, { ...e, updatedAt: loaded.get(e.id)!.updatedAt }, d));
  }
  out.push(...record.encounters.map((e) => importedEncounter(ctx, e)));
  for (const c of record.conditions)
    out.push(c.category === 'family-history' ? familyHistory(ctx, c) : importedCondition(ctx, c));
  out.push(...record.observations.map((x) => importedObservation(ctx, x)));
  out.push(...record.immunizations.map((x) => importedImmunization(ctx, x)));
  out.push(...record.allergies.map((x) => importedAllergy(ctx, x)));
  out.push(...record.medicationRequests.map((x) => importedMedicationRequest(ctx, x)));
  out.push(...record.procedures.map((x) => importedProcedure(ctx, x)));
  out.push(...record.documentReferences.map((x) => importedDocumentReference(ctx, x)));
  out.push(...record.devices.map((x) => importedDevice(ctx, x)));
  if (o.withReferenced) {
    for (const f of Object.values(record.facilities)) out.push(facilityOrganization(f));
    for (const c of [...doctors].sort()) out.push(certificatePractitioner(c));
  }
  return out;
}
