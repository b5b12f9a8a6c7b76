/** Column specs of the FHIR-received clinical tables, for the rows the domain import mappers produce. */
import type {
  AllergyWrite,
  ConditionWrite,
  DeviceWrite,
  DocumentReferenceWrite,
  EncounterWrite,
  ImmunizationWrite,
  ImportWrite,
  MedicationRequestWrite,
  ObservationWrite,
  ProcedureWrite,
} from '@suckhoe/domain/fhir/import/index';
import type { ColumnSpec } from './upsert.ts';

const c = <T>(name: string, type: ColumnSpec<T>['type'], get: (r: T) => unknown): ColumnSpec<T> => ({
  name,
  type,
  get,
});
const SOURCE = 'fhir';

const ENCOUNTER: ColumnSpec<EncounterWrite>[] = [
  c('status', 'text', (r) => r.status),
  c('class_code', 'text', (r) => r.classCode),
  c('type_coding', 'jsonb', (r) => r.type.coding),
  c('type_text', 'text', (r) => r.type.text ?? null),
  c('period_start', 'timestamptz', (r) => r.periodStart),
  c('period_end', 'timestamptz', (r) => r.periodEnd),
  c('reason', 'jsonb', (r) => r.reason),
  c('facility_code', 'text', (r) => r.facilityCode),
  c('organization_id', 'text', (r) => r.organizationId),
  c('organization_display', 'text', (r) => r.organizationDisplay),
  c('practitioner_ids', 'text[]', (r) => r.practitionerIds),
  c('location_display', 'text', (r) => r.locationDisplay),
  c('identifiers', 'jsonb', (r) => r.identifiers),
  c('source', 'text', () => SOURCE),
];

const CONDITION: ColumnSpec<ConditionWrite>[] = [
  c('encounter_id', 'text', (r) => r.encounterId),
  c('category', 'text', (r) => r.category),
  c('coding', 'jsonb', (r) => r.code.coding),
  c('code_text', 'text', (r) => r.code.text ?? null),
  c('clinical_status', 'text', (r) => r.clinicalStatus),
  c('verification_status', 'text', (r) => r.verificationStatus),
  c('severity', 'text', (r) => r.severity),
  c('onset', 'text', (r) => r.onset),
  c('abatement', 'text', (r) => r.abatement),
  c('recorded', 'text', (r) => r.recorded),
  c('relationship', 'text', (r) => r.relationship),
  c('note', 'text', (r) => r.note),
  c('source', 'text', () => SOURCE),
];

const OBSERVATION: ColumnSpec<ObservationWrite>[] = [
  c('encounter_id', 'text', (r) => r.encounterId),
  c('status', 'text', (r) => r.status),
  c('category', 'text', (r) => r.category),
  c('coding', 'jsonb', (r) => r.code.coding),
  c('code_text', 'text', (r) => r.code.text ?? null),
  c('effective', 'text', (r) => r.effective),
  c('issued', 'text', (r) => r.issued),
  c('value_quantity', 'numeric', (r) => r.valueQuantity),
  c('value_unit', 'text', (r) => r.valueUnit),
  c('value_ucum', 'text', (r) => r.valueUcum),
  c('value_coding', 'jsonb', (r) => r.valueCoding),
  c('value_string', 'text', (r) => r.valueString),
  c('components', 'jsonb', (r) => r.components),
  c('interpretation', 'text', (r) => r.interpretation),
  c('reference_range', 'text', (r) => r.referenceRange),
  c('source', 'text', () => SOURCE),
];

const IMMUNIZATION: ColumnSpec<ImmunizationWrite>[] = [
  c('encounter_id', 'text', (r) => r.encounterId),
  c('status', 'text', (r) => r.status),
  c('vaccine_coding', 'jsonb', (r) => r.vaccine.coding),
  c('vaccine_text', 'text', (r) => r.vaccine.text ?? null),
  c('occurrence', 'text', (r) => r.occurrence),
  c('primary_source', 'boolean', (r) => r.primarySource),
  c('lot_number', 'text', (r) => r.lotNumber),
  c('dose_number', 'text', (r) => r.doseNumber),
  c('performer_display', 'text', (r) => r.performerDisplay),
  c('facility_code', 'text', (r) => r.facilityCode),
  c('location_display', 'text', (r) => r.locationDisplay),
  c('source', 'text', () => SOURCE),
];

const ALLERGY: ColumnSpec<AllergyWrite>[] = [
  c('clinical_status', 'text', (r) => r.clinicalStatus),
  c('verification_status', 'text', (r) => r.verificationStatus),
  c('type', 'text', (r) => r.type),
  c('categories', 'text[]', (r) => r.categories),
  c('criticality', 'text', (r) => r.criticality),
  c('coding', 'jsonb', (r) => r.code.coding),
  c('code_text', 'text', (r) => r.code.text ?? null),
  c('onset', 'text', (r) => r.onset),
  c('recorded', 'text', (r) => r.recorded),
  c('reactions', 'jsonb', (r) => r.reactions),
  c('note', 'text', (r) => r.note),
  c('source', 'text', () => SOURCE),
];

const MEDICATION: ColumnSpec<MedicationRequestWrite>[] = [
  c('encounter_id', 'text', (r) => r.encounterId),
  c('status', 'text', (r) => r.status),
  c('intent', 'text', (r) => r.intent),
  c('category', 'text', (r) => r.category),
  c('coding', 'jsonb', (r) => r.code.coding),
  c('code_text', 'text', (r) => r.code.text ?? null),
  c('authored_on', 'text', (r) => r.authoredOn),
  c('requester_id', 'text', (r) => r.requesterId),
  c('requester_display', 'text', (r) => r.requesterDisplay),
  c('reason', 'jsonb', (r) => r.reason),
  c('dosage', 'jsonb', (r) => r.dosage),
  c('dosage_text', 'text', (r) => r.dosageText),
  c('source', 'text', () => SOURCE),
];

const PROCEDURE: ColumnSpec<ProcedureWrite>[] = [
  c('encounter_id', 'text', (r) => r.encounterId),
  c('status', 'text', (r) => r.status),
  c('coding', 'jsonb', (r) => r.code.coding),
  c('code_text', 'text', (r) => r.code.text ?? null),
  c('performed_start', 'text', (r) => r.performedStart),
  c('performed_end', 'text', (r) => r.performedEnd),
  c('location_display', 'text', (r) => r.locationDisplay),
  c('reason', 'jsonb', (r) => r.reason),
  c('source', 'text', () => SOURCE),
];

const DOCUMENT: ColumnSpec<DocumentReferenceWrite>[] = [
  c('status', 'text', (r) => r.status),
  c('doc_status', 'text', (r) => r.docStatus),
  c('type_coding', 'jsonb', (r) => r.type.coding),
  c('category_coding', 'jsonb', (r) => r.category.coding),
  c('date', 'text', (r) => r.date),
  c('author_display', 'text', (r) => r.authorDisplay),
  c('custodian_display', 'text', (r) => r.custodianDisplay),
  c('description', 'text', (r) => r.description),
  c('encounter_ids', 'text[]', (r) => r.encounterIds),
  c('attachments', 'jsonb', (r) => r.attachments),
  c('source', 'text', () => SOURCE),
];

const DEVICE: ColumnSpec<DeviceWrite>[] = [
  c('status', 'text', (r) => r.status),
  c('type_coding', 'jsonb', (r) => r.type.coding),
  c('type_text', 'text', (r) => r.type.text ?? null),
  c('device_name', 'text', (r) => r.deviceName),
  c('udi_di', 'text', (r) => r.udiDi),
  c('udi_carrier', 'text', (r) => r.udiCarrier),
  c('distinct_identifier', 'text', (r) => r.distinctIdentifier),
  c('manufacture_date', 'text', (r) => r.manufactureDate),
  c('expiration_date', 'text', (r) => r.expirationDate),
  c('lot_number', 'text', (r) => r.lotNumber),
  c('serial_number', 'text', (r) => r.serialNumber),
  c('source', 'text', () => SOURCE),
];

type ClinicalTable = Exclude<ImportWrite['table'], 'person' | 'directory_entry'>;

/** Column specs by table (typed per table; the processor groups rows by table before writing). */
export const CLINICAL_COLUMNS: {
  readonly [K in ClinicalTable]: readonly ColumnSpec<Extract<ImportWrite, { table: K }>['row']>[];
} = {
  hb_encounter: ENCOUNTER,
  hb_condition: CONDITION,
  hb_observation: OBSERVATION,
  hb_immunization: IMMUNIZATION,
  hb_allergy: ALLERGY,
  hb_medication_request: MEDICATION,
  hb_procedure: PROCEDURE,
  hb_document: DOCUMENT,
  hb_device: DEVICE,
};

export const CLINICAL_TABLES = Object.keys(CLINICAL_COLUMNS) as ClinicalTable[];
export type { ClinicalTable };
