/**
 * The health book (Sổ sức khỏe điện tử, QĐ 1332/QĐ-BYT) as the API returns it: administrative
 * information, history, immunisations, episodes (newest first, paged), referral slips, re-exam
 * appointments and other documents. Every clinical item carries its provenance.
 */
import type { CodeLabel } from './labels.ts';

/** Where an item comes from: the facility, the episode and the signed envelope that carried it. */
export interface Provenance {
  readonly source: 'xml130' | 'fhir' | 'registry';
  readonly facility: CodeLabel | null;
  /** Platform id of the episode (XML 130) or the FHIR Encounter id. */
  readonly episodeId: string | null;
  readonly maLk: string | null;
  /** XML 130 table the item was read from (XML1 … XML14). */
  readonly table: string | null;
  /** SHA-256 of the GIAMDINHHS envelope kept as legal evidence. */
  readonly envelopeSha256: string | null;
  readonly signed: boolean | null;
  readonly signatureVerified: boolean | null;
  readonly receivedAt: string | null;
}

export interface BookIdentifier {
  readonly system: string;
  readonly label: string;
  readonly value: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly status: string | null;
}

export interface BookAdministrative {
  readonly personId: string;
  readonly personalId: string | null;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female' | 'unknown';
  readonly sexLabel: string;
  readonly ethnicity: CodeLabel | null;
  readonly nationality: CodeLabel | null;
  readonly occupation: CodeLabel | null;
  readonly phone: string | null;
  readonly address: {
    readonly line: string | null;
    readonly communeCode: string | null;
    readonly communeName: string | null;
    readonly provinceCode: string | null;
    readonly provinceName: string | null;
  };
  readonly identifiers: readonly BookIdentifier[];
  readonly insurance: {
    readonly cardNumber: string;
    readonly validFrom: string | null;
    readonly validTo: string | null;
    readonly registeredFacility: CodeLabel | null;
    readonly source: 'checkin' | 'xml130' | 'registry';
  } | null;
  readonly deceased: { readonly at: string | null } | null;
  /** Who manages the person's health record (1332 field 9): the commune health station of residence. */
  readonly recordManager: CodeLabel | null;
}

export interface BookAllergy {
  readonly id: string;
  readonly substance: string;
  readonly codes: readonly { system: string | null; code: string | null }[];
  readonly category: readonly string[];
  readonly criticality: string | null;
  readonly clinicalStatus: string | null;
  readonly reactions: readonly string[];
  readonly recorded: string | null;
  readonly provenance: Provenance;
}

export interface BookCondition {
  readonly id: string | null;
  readonly code: string | null;
  readonly system: string | null;
  readonly name: string;
  readonly group: string | null;
  readonly since: string | null;
  readonly lastSeen: string | null;
  readonly clinicalStatus: string | null;
  readonly provenance: Provenance;
}

export interface BookRiskFactor {
  readonly kind: 'smoking' | 'alcohol' | 'other';
  readonly label: string;
  readonly value: string;
  readonly at: string | null;
  readonly provenance: Provenance;
}

export interface BookFamilyHistory {
  readonly relationship: string | null;
  readonly condition: string;
  readonly provenance: Provenance;
}

export interface BookMeasurement {
  readonly value: number;
  readonly unit: string;
  readonly at: string | null;
  readonly provenance: Provenance;
}

export interface BookHistory {
  readonly allergies: readonly BookAllergy[];
  readonly chronicConditions: readonly BookCondition[];
  readonly disabilities: readonly BookCondition[];
  readonly riskFactors: readonly BookRiskFactor[];
  readonly familyHistory: readonly BookFamilyHistory[];
  readonly bloodGroup: {
    readonly value: string;
    readonly at: string | null;
    readonly provenance: Provenance;
  } | null;
  readonly height: BookMeasurement | null;
  readonly weight: BookMeasurement | null;
}

export interface BookImmunisation {
  readonly id: string;
  readonly vaccine: string;
  readonly code: string | null;
  readonly system: string | null;
  readonly date: string | null;
  readonly doseNumber: string | null;
  readonly lotNumber: string | null;
  readonly status: string;
  readonly performer: string | null;
  readonly provenance: Provenance;
}

export interface BookDiagnosis extends CodeLabel {
  readonly system: string | null;
}

export interface BookDrug {
  readonly code: string | null;
  readonly name: string;
  readonly strength: string | null;
  readonly dosage: string | null;
  readonly route: string | null;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly at: string | null;
}

export interface BookService {
  readonly code: string | null;
  readonly name: string;
  readonly kind: 'service' | 'supply' | 'procedure';
  readonly group: CodeLabel | null;
  readonly quantity: number | null;
  readonly at: string | null;
}

export interface BookLab {
  readonly serviceCode: string | null;
  readonly code: string | null;
  readonly name: string;
  readonly value: string | null;
  readonly unit: string | null;
  readonly conclusion: string | null;
  readonly at: string | null;
}

export interface BookVitals {
  readonly at: string | null;
  readonly values: Readonly<Record<string, string>>;
}

export interface BookSummary {
  readonly admissionDiagnosis: string | null;
  readonly dischargeDiagnosis: string | null;
  readonly course: string | null;
  readonly keyResults: string | null;
  readonly treatment: string | null;
  readonly outcome: string | null;
  readonly note: string | null;
  readonly date: string | null;
}

export interface BookEpisode {
  readonly id: string;
  readonly source: 'xml130' | 'fhir';
  readonly facility: CodeLabel | null;
  readonly type: CodeLabel | null;
  readonly period: { readonly start: string | null; readonly end: string | null };
  readonly inpatientFrom: string | null;
  readonly treatmentDays: number | null;
  readonly reason: string | null;
  readonly diagnoses: {
    readonly main: BookDiagnosis | null;
    readonly secondary: readonly BookDiagnosis[];
    readonly admissionText: string | null;
    readonly dischargeText: string | null;
    readonly traditional: readonly string[];
  };
  readonly drugs: readonly BookDrug[];
  readonly services: readonly BookService[];
  readonly labs: readonly BookLab[];
  readonly vitals: readonly BookVitals[];
  readonly treatment: string | null;
  readonly outcome: CodeLabel | null;
  readonly dischargeType: CodeLabel | null;
  readonly summary: BookSummary | null;
  /** Doctor's advice (XML1.GHI_CHU, lời dặn). */
  readonly advice: string | null;
  readonly followUpDates: readonly string[];
  readonly weightKg: number | null;
  readonly provenance: Provenance;
}

export interface BookReferral {
  readonly number: string | null;
  readonly date: string | null;
  readonly from: CodeLabel | null;
  readonly to: CodeLabel | null;
  readonly reason: CodeLabel | null;
  readonly diagnosis: string | null;
  readonly mainIcd: BookDiagnosis | null;
  readonly clinicalSigns: string | null;
  readonly treatmentGiven: string | null;
  readonly direction: string | null;
  readonly transport: string | null;
  readonly doctor: string | null;
  readonly validUntil: string | null;
  readonly provenance: Provenance;
}

export interface BookAppointment {
  readonly number: string | null;
  readonly at: string | null;
  readonly facility: CodeLabel | null;
  readonly diagnosis: string | null;
  readonly mainIcd: BookDiagnosis | null;
  readonly doctor: string | null;
  readonly issuedOn: string | null;
  readonly provenance: Provenance;
}

export interface BookDocument {
  readonly kind: string;
  readonly title: string;
  readonly number: string | null;
  readonly date: string | null;
  readonly facility: CodeLabel | null;
  /** The document's main fields, labelled in Vietnamese. */
  readonly fields: readonly { readonly label: string; readonly value: string }[];
  readonly provenance: Provenance;
}

export interface BookConsentNotice {
  /** Something is withheld by the citizen's consent directives (never what). */
  readonly withheld: boolean;
  /** The viewer's facility is blocked: no clinical data at all. */
  readonly facilityBlocked: boolean;
  readonly hiddenCount: number;
  readonly message: string | null;
}

export interface HealthBook {
  readonly administrative: BookAdministrative;
  readonly history: BookHistory;
  readonly immunisations: readonly BookImmunisation[];
  readonly episodes: {
    readonly items: readonly BookEpisode[];
    readonly total: number;
    /** Cursor for `?episodesBefore=` (the next, older page), null on the last page. */
    readonly nextCursor: string | null;
  };
  readonly referrals: readonly BookReferral[];
  readonly appointments: readonly BookAppointment[];
  readonly documents: readonly BookDocument[];
  readonly consent: BookConsentNotice;
  readonly generatedAt: string;
}
