/**
 * The canonical model as the health book and the FHIR view read it: plain rows of the person's
 * tables (person registry, XML 130 episodes and their lines and documents, and the history tables
 * filled through FHIR). The server loads them (one statement per read); everything here is pure.
 * Times are ISO 8601 strings; FHIR-received dates keep their precision (`2021`, `2021-01-29`, …).
 */

export interface Coding {
  readonly system?: string | undefined;
  readonly code?: string | undefined;
  readonly display?: string | undefined;
}

/** A CodeableConcept as stored: its codings and text. */
export interface Concept {
  readonly coding: readonly Coding[];
  readonly text?: string | undefined;
}

export interface IdentifierRow {
  /** Registry system (personalId, cmnd, bhyt, bhxh, passport, …) or a FHIR system URI (`fhir:` rows). */
  readonly system: string;
  readonly value: string;
  readonly validFrom?: string | null | undefined;
  readonly validTo?: string | null | undefined;
  readonly status?: string | null | undefined;
  /** true when the system is a URI received through FHIR (person_fhir_identifier). */
  readonly external?: boolean | undefined;
  readonly typeCode?: string | null | undefined;
}

export interface BhytCardRow {
  readonly code: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly initialFacilityCode: string | null;
  readonly seenAt: string;
}

export interface PersonRow {
  readonly id: string;
  readonly personalId: string | null;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female' | 'unknown';
  readonly ethnicCode: string | null;
  readonly provinceCode: string | null;
  readonly communeCode: string | null;
  readonly addressLine: string | null;
  readonly phone: string | null;
  readonly updatedAt: string;
  readonly identifiers: readonly IdentifierRow[];
  readonly cards: readonly BhytCardRow[];
  readonly deceased: { readonly deceased: boolean; readonly at: string | null } | null;
  /** Client-chosen FHIR ids of this person (PUT Patient/{alias}). */
  readonly aliases: readonly string[];
}

export interface FacilityRow {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly provinceCode: string;
  readonly communeCode: string | null;
  readonly parentCode: string | null;
  readonly status: string;
}

/** XML1 fields the book shows that have no typed column (read from the stored XML1 record). */
export interface EpisodeXml1 {
  readonly LY_DO_VV?: string | undefined;
  readonly LY_DO_VNT?: string | undefined;
  readonly CHAN_DOAN_VAO?: string | undefined;
  readonly CHAN_DOAN_RV?: string | undefined;
  readonly PP_DIEU_TRI?: string | undefined;
  readonly GHI_CHU?: string | undefined;
  readonly NHOM_MAU?: string | undefined;
  readonly CAN_NANG?: string | undefined;
  readonly MA_TTDV?: string | undefined;
  readonly MA_NGHE_NGHIEP?: string | undefined;
  readonly MA_QUOCTICH?: string | undefined;
}

export interface EpisodeRow {
  readonly id: string;
  readonly facilityCode: string;
  readonly maLk: string;
  readonly envelopeSha256: string;
  readonly maBn: string;
  readonly maHsba: string | null;
  readonly encounterType: string;
  readonly patientCategory: string | null;
  readonly admittedAt: string;
  readonly inpatientAdmittedAt: string | null;
  readonly dischargedAt: string;
  readonly treatmentDays: number | null;
  readonly outcome: string | null;
  readonly dischargeType: string | null;
  readonly mainIcd: string | null;
  readonly secondaryIcd: readonly string[];
  readonly traditionalCodes: readonly string[];
  readonly procedureCodes: readonly string[];
  readonly departments: readonly string[];
  readonly referredFrom: string | null;
  readonly referredTo: string | null;
  readonly insuranceCard: string | null;
  readonly followUpDates: readonly string[];
  readonly signed: boolean;
  readonly signatureVerified: boolean;
  readonly source: string;
  readonly version: number;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly xml1: EpisodeXml1;
}

export interface DrugRow {
  readonly episodeId: string;
  readonly lineNo: number;
  readonly drugCode: string;
  readonly name: string;
  readonly groupCode: string | null;
  readonly unit: string | null;
  readonly strength: string | null;
  readonly route: string | null;
  readonly dosage: string | null;
  readonly quantity: number | null;
  readonly orderedAt: string | null;
  readonly performedAt: string | null;
  /** MA_BAC_SI of the line (practising-certificate numbers, ';'-separated). */
  readonly doctors: string | null;
}

export interface ServiceRow {
  readonly episodeId: string;
  readonly lineNo: number;
  readonly kind: 'service' | 'supply';
  readonly serviceCode: string | null;
  readonly serviceName: string | null;
  readonly supplyCode: string | null;
  readonly supplyName: string | null;
  readonly groupCode: string | null;
  readonly unit: string | null;
  readonly quantity: number | null;
  readonly orderedAt: string | null;
  readonly performedAt: string | null;
  readonly resultAt: string | null;
  readonly doctors: string | null;
  /** MA_PTTT_QT of the line (ICD-9-CM). */
  readonly procedureCodes: string | null;
}

export interface LabRow {
  readonly episodeId: string;
  readonly lineNo: number;
  readonly serviceCode: string | null;
  readonly indicatorCode: string | null;
  readonly indicatorName: string | null;
  readonly valueText: string | null;
  readonly valueNum: number | null;
  readonly unit: string | null;
  readonly description: string | null;
  readonly conclusion: string | null;
  readonly resultAt: string | null;
}

export interface NoteRow {
  readonly episodeId: string;
  readonly lineNo: number;
  readonly at: string | null;
  readonly note: string | null;
  readonly vitalSigns: Readonly<Record<string, string>> | null;
}

export type DocumentKind =
  | 'hiv'
  | 'discharge'
  | 'summary'
  | 'birth'
  | 'pregnancy_leave'
  | 'sick_leave'
  | 'referral'
  | 'appointment'
  | 'tuberculosis';

export interface DocumentRow {
  readonly episodeId: string;
  readonly tableId: string;
  readonly lineNo: number;
  readonly kind: DocumentKind;
  readonly facilityCode: string;
  readonly documentNo: string | null;
  readonly documentDate: string | null;
  readonly at: string | null;
  readonly fromFacility: string | null;
  readonly toFacility: string | null;
  /** The whole record as received (compact: empty fields left out). */
  readonly record: Readonly<Record<string, string>>;
}

export interface ImportedEncounterRow {
  readonly id: string;
  readonly status: string;
  readonly classCode: string | null;
  readonly type: Concept;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly reason: readonly Concept[];
  readonly facilityCode: string | null;
  readonly organizationId: string | null;
  readonly organizationDisplay: string | null;
  readonly practitionerIds: readonly string[];
  readonly locationDisplay: string | null;
  readonly identifiers: readonly { system?: string; value?: string }[];
  readonly source: string;
  readonly updatedAt: string;
}

export interface ConditionRow {
  readonly id: string;
  readonly encounterId: string | null;
  readonly category: string | null;
  readonly code: Concept;
  readonly clinicalStatus: string | null;
  readonly verificationStatus: string | null;
  readonly severity: string | null;
  readonly onset: string | null;
  readonly abatement: string | null;
  readonly recorded: string | null;
  readonly relationship: string | null;
  readonly note: string | null;
  readonly source: string;
  readonly updatedAt: string;
}

export interface ObservationComponentRow {
  readonly code: Concept;
  readonly value: number | null;
  readonly unit: string | null;
  readonly ucum: string | null;
}

export interface ObservationRow {
  readonly id: string;
  readonly encounterId: string | null;
  readonly status: string;
  readonly category: string | null;
  readonly code: Concept;
  readonly effective: string | null;
  readonly issued: string | null;
  readonly valueQuantity: number | null;
  readonly valueUnit: string | null;
  readonly valueUcum: string | null;
  readonly valueCoding: Concept | null;
  readonly valueString: string | null;
  readonly components: readonly ObservationComponentRow[];
  readonly interpretation: string | null;
  readonly referenceRange: string | null;
  readonly source: string;
  readonly updatedAt: string;
}

export interface ImmunizationRow {
  readonly id: string;
  readonly encounterId: string | null;
  readonly status: string;
  readonly vaccine: Concept;
  readonly occurrence: string | null;
  readonly primarySource: boolean | null;
  readonly lotNumber: string | null;
  readonly doseNumber: string | null;
  readonly performerDisplay: string | null;
  readonly facilityCode: string | null;
  readonly locationDisplay: string | null;
  readonly source: string;
  readonly updatedAt: string;
}

export interface AllergyReactionRow {
  readonly manifestation: readonly Concept[];
  readonly severity?: string | undefined;
}

export interface AllergyRow {
  readonly id: string;
  readonly clinicalStatus: string | null;
  readonly verificationStatus: string | null;
  readonly type: string | null;
  readonly categories: readonly string[];
  readonly criticality: string | null;
  readonly code: Concept;
  readonly onset: string | null;
  readonly recorded: string | null;
  readonly reactions: readonly AllergyReactionRow[];
  readonly note: string | null;
  readonly source: string;
  readonly updatedAt: string;
}

export interface MedicationRequestRow {
  readonly id: string;
  readonly encounterId: string | null;
  readonly status: string;
  readonly intent: string;
  readonly category: string | null;
  readonly code: Concept;
  readonly authoredOn: string | null;
  readonly requesterId: string | null;
  readonly requesterDisplay: string | null;
  readonly reason: readonly Concept[];
  /** FHIR Dosage[] as received. */
  readonly dosage: readonly Record<string, unknown>[];
  readonly dosageText: string | null;
  readonly source: string;
  readonly updatedAt: string;
}

export interface ProcedureRow {
  readonly id: string;
  readonly encounterId: string | null;
  readonly status: string;
  readonly code: Concept;
  readonly performedStart: string | null;
  readonly performedEnd: string | null;
  readonly locationDisplay: string | null;
  readonly reason: readonly Concept[];
  readonly source: string;
  readonly updatedAt: string;
}

export interface AttachmentRow {
  readonly contentType?: string | undefined;
  readonly language?: string | undefined;
  readonly data?: string | undefined;
  readonly url?: string | undefined;
  readonly title?: string | undefined;
  readonly size?: number | undefined;
  readonly creation?: string | undefined;
}

export interface DocumentReferenceRow {
  readonly id: string;
  readonly status: string;
  readonly docStatus: string | null;
  readonly type: Concept;
  readonly category: Concept;
  readonly date: string | null;
  readonly authorDisplay: string | null;
  readonly custodianDisplay: string | null;
  readonly description: string | null;
  readonly encounterIds: readonly string[];
  readonly attachments: readonly AttachmentRow[];
  readonly source: string;
  readonly updatedAt: string;
}

export interface DeviceRow {
  readonly id: string;
  readonly status: string | null;
  readonly type: Concept;
  readonly deviceName: string | null;
  readonly udiDi: string | null;
  readonly udiCarrier: string | null;
  readonly distinctIdentifier: string | null;
  readonly manufactureDate: string | null;
  readonly expirationDate: string | null;
  readonly lotNumber: string | null;
  readonly serialNumber: string | null;
  readonly source: string;
  readonly updatedAt: string;
}

/** The few columns of every visible episode (history, immunisations, totals), even when paged. */
export interface EpisodeIndexRow {
  readonly id: string;
  readonly facilityCode: string;
  readonly maLk: string;
  readonly envelopeSha256: string;
  readonly admittedAt: string;
  readonly dischargedAt: string;
  readonly mainIcd: string | null;
  readonly secondaryIcd: readonly string[];
  readonly signed: boolean;
  readonly signatureVerified: boolean;
  readonly receivedAt: string;
  /** XML1.NHOM_MAU and XML1.CAN_NANG as sent. */
  readonly bloodGroup: string | null;
  readonly weight: string | null;
}

/** Everything of one person that a read returns (episodes possibly one page of them). */
export interface PersonRecord {
  readonly person: PersonRow;
  /** Every visible episode, light (all of them, also when `episodes` is one page). */
  readonly episodeIndex: readonly EpisodeIndexRow[];
  /** The loaded episodes in full (one page for the book; all for FHIR). */
  readonly episodes: readonly EpisodeRow[];
  /** Drug lines of immunisation episodes (main diagnosis Z23–Z27), of every visible episode. */
  readonly vaccineDrugs: readonly DrugRow[];
  readonly drugs: readonly DrugRow[];
  readonly services: readonly ServiceRow[];
  readonly labs: readonly LabRow[];
  readonly notes: readonly NoteRow[];
  /** Documents of the loaded episodes; referrals, appointments and papers of every visible episode. */
  readonly documents: readonly DocumentRow[];
  readonly encounters: readonly ImportedEncounterRow[];
  readonly conditions: readonly ConditionRow[];
  readonly observations: readonly ObservationRow[];
  readonly immunizations: readonly ImmunizationRow[];
  readonly allergies: readonly AllergyRow[];
  readonly medicationRequests: readonly MedicationRequestRow[];
  readonly procedures: readonly ProcedureRow[];
  readonly documentReferences: readonly DocumentReferenceRow[];
  readonly devices: readonly DeviceRow[];
  /** Facilities named anywhere in the record, by code. */
  readonly facilities: Readonly<Record<string, FacilityRow>>;
}
