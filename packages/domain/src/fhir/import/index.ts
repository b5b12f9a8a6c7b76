/** Dispatch of FHIR → canonical import by resource type. */
import type { Resource } from '@medplum/fhirtypes';
import { importAllergy, type AllergyWrite } from './allergy-intolerance.ts';
import { failed, type Imported, type ImportContext } from './common.ts';
import { importCondition, importFamilyHistory, type ConditionWrite } from './condition.ts';
import { importDevice, type DeviceWrite } from './device.ts';
import { importDirectory, type DirectoryWrite } from './directory.ts';
import { importDocumentReference, type DocumentReferenceWrite } from './document-reference.ts';
import { importEncounter, type EncounterWrite } from './encounter.ts';
import { importImmunization, type ImmunizationWrite } from './immunization.ts';
import { importMedicationRequest, type MedicationRequestWrite } from './medication-request.ts';
import { importObservation, type ObservationWrite } from './observation.ts';
import { importPatient, type PersonWrite } from './patient.ts';
import { importProcedure, type ProcedureWrite } from './procedure.ts';

export * from './common.ts';
export type { PersonWrite } from './patient.ts';
export { importPatient, nameText } from './patient.ts';
export type { DirectoryWrite } from './directory.ts';
export { identifierKeys } from './directory.ts';
export type {
  AllergyWrite,
  ConditionWrite,
  DeviceWrite,
  DocumentReferenceWrite,
  EncounterWrite,
  ImmunizationWrite,
  MedicationRequestWrite,
  ObservationWrite,
  ProcedureWrite,
};

export type ImportWrite =
  | { readonly table: 'person'; readonly row: PersonWrite }
  | { readonly table: 'directory_entry'; readonly row: DirectoryWrite }
  | { readonly table: 'hb_encounter'; readonly row: EncounterWrite }
  | { readonly table: 'hb_condition'; readonly row: ConditionWrite }
  | { readonly table: 'hb_observation'; readonly row: ObservationWrite }
  | { readonly table: 'hb_immunization'; readonly row: ImmunizationWrite }
  | { readonly table: 'hb_allergy'; readonly row: AllergyWrite }
  | { readonly table: 'hb_medication_request'; readonly row: MedicationRequestWrite }
  | { readonly table: 'hb_procedure'; readonly row: ProcedureWrite }
  | { readonly table: 'hb_document'; readonly row: DocumentReferenceWrite }
  | { readonly table: 'hb_device'; readonly row: DeviceWrite };

/** Resource types a transaction/batch may create or update, with the table each lands in. */
export const IMPORTABLE: Readonly<Record<string, ImportWrite['table']>> = {
  Patient: 'person',
  Organization: 'directory_entry',
  Location: 'directory_entry',
  Practitioner: 'directory_entry',
  PractitionerRole: 'directory_entry',
  Encounter: 'hb_encounter',
  Condition: 'hb_condition',
  FamilyMemberHistory: 'hb_condition',
  Observation: 'hb_observation',
  Immunization: 'hb_immunization',
  AllergyIntolerance: 'hb_allergy',
  MedicationRequest: 'hb_medication_request',
  Procedure: 'hb_procedure',
  DocumentReference: 'hb_document',
  Device: 'hb_device',
};

const wrap = (table: ImportWrite['table'], r: Imported<ImportWrite['row']>): Imported<ImportWrite> =>
  r.ok ? { ok: true, row: { table, row: r.row } as ImportWrite } : r;

/** Map one resource (already given its id) to the canonical row it becomes. */
export function importResource(resource: Resource, id: string, ctx: ImportContext): Imported<ImportWrite> {
  switch (resource.resourceType) {
    case 'Patient':
      return wrap('person', importPatient(resource));
    case 'Organization':
    case 'Location':
    case 'Practitioner':
    case 'PractitionerRole':
      return wrap('directory_entry', importDirectory(resource, ctx));
    case 'Encounter':
      return wrap('hb_encounter', importEncounter(resource, id, ctx));
    case 'Condition':
      return wrap('hb_condition', importCondition(resource, id, ctx));
    case 'FamilyMemberHistory':
      return wrap('hb_condition', importFamilyHistory(resource, id, ctx));
    case 'Observation':
      return wrap('hb_observation', importObservation(resource, id, ctx));
    case 'Immunization':
      return wrap('hb_immunization', importImmunization(resource, id, ctx));
    case 'AllergyIntolerance':
      return wrap('hb_allergy', importAllergy(resource, id, ctx));
    case 'MedicationRequest':
      return wrap('hb_medication_request', importMedicationRequest(resource, id, ctx));
    case 'Procedure':
      return wrap('hb_procedure', importProcedure(resource, id, ctx));
    case 'DocumentReference':
      return wrap('hb_document', importDocumentReference(resource, id, ctx));
    case 'Device':
      return wrap('hb_device', importDevice(resource, id, ctx));
    default:
      return failed({
        code: 'not-supported',
        message: `Chưa hỗ trợ nhập loại tài nguyên ${resource.resourceType}.`,
        expression: resource.resourceType,
      });
  }
}
