/** Check-in, queue and ticket calls (server: packages/server/src/checkin, README there). */
import { apiFetch, apiRequest } from './client.ts';
import type { ListResponse, Sex } from './types.ts';

export type VisitKind = 'outpatient' | 'inpatient' | 'emergency';

export interface Corrections {
  fullName?: string;
  birthDate?: string;
  sex?: Sex;
  phone?: string | null;
  addressLine?: string | null;
}

/** One identity input (text, personalId, bhytCode, vneidCode, or fullName + birthDate), and the visit. */
export interface CheckinInput {
  text?: string;
  personalId?: string;
  bhytCode?: string;
  vneidCode?: string;
  cardText?: string;
  fullName?: string;
  birthDate?: string;
  facilityCode?: string;
  clinicCode?: string;
  visitKind?: VisitKind;
  hasReferral?: boolean;
  selfPay?: boolean;
  corrections?: Corrections;
}

export interface Problem {
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export interface CheckinPerson {
  id: string | null;
  personalId: string | null;
  fullName: string;
  birthDate: string;
  sex: Sex;
  identifiers: { system: string; value: string; validFrom?: string; validTo?: string; status: string }[];
  address: { provinceCode: string | null; communeCode: string | null; line: string | null };
  phone: string | null;
}

export interface Card {
  code: string;
  kind: 'cardCode' | 'bhxhNumber';
  objectGroup: string | null;
  objectGroupLabel: string | null;
  benefitLevel: number | null;
  fundPaysPercent: number | null;
  bhxhNumber: string | null;
  validFrom: string | null;
  validTo: string | null;
  initialFacilityCode: string | null;
  fiveYearsFrom: string | null;
  source: 'qr' | 'typed' | 'record';
}

export type RouteStatus = 'correct' | 'referral' | 'emergency' | 'self_referral';

export interface Eligibility {
  visitDate: string;
  cardStatus: 'valid' | 'expired' | 'notYetValid';
  benefitLevel: number | null;
  fundPaysPercent: number | null;
  routeStatus: RouteStatus;
  routeRule: string;
  routeBenefitPercent: number;
  levelPercentApplied: number;
  effectivePercent: number;
  smallCostThreshold: number | null;
  warnings: Problem[];
  reasons: string[];
}

export interface Ticket {
  number: number;
  label: string;
  clinicCode: string;
  position: number;
  estimatedWaitMinutes: number;
}

export interface CheckinRecord {
  id: string;
  facilityCode: string;
  facilityName: string;
  clinicCode: string;
  clinicName: string;
  day: string;
  checkedInAt: string;
  status: 'waiting' | 'called';
  visitKind: VisitKind;
  inputKind: string;
  selfPay: boolean;
  repeated: boolean;
}

export interface CheckinResult {
  person: CheckinPerson & { id: string };
  personCreated: boolean;
  card: Card | null;
  eligibility: Eligibility | null;
  checkin: CheckinRecord;
  ticket: Ticket;
  warnings: Problem[];
}

export interface Difference {
  field: 'fullName' | 'birthDate';
  record: string | null;
  document: string;
}

export interface Preview {
  person: CheckinPerson;
  isNew: boolean;
  inputKind: string;
  card: Card | null;
  eligibility: Eligibility | null;
  blocking: Problem[];
  differences: Difference[];
  existing: { checkinId: string; ticket: Ticket } | null;
  warnings: Problem[];
}

export interface Clinic {
  code: string;
  name: string;
  nameEn: string | null;
  serviceCode?: string | null;
  serviceName?: string | null;
  minutesPerPatient: number;
}

/** What a facility declares for one clinic (`PUT /api/v1/facilities/{code}/clinics`, in display order). */
export interface ClinicDeclaration {
  code: string;
  name: string;
  nameEn?: string | null;
  serviceCode?: string | null;
  serviceName?: string | null;
  minutesPerPatient: number;
}

export function declareClinics(
  facilityCode: string,
  items: readonly ClinicDeclaration[],
): Promise<ListResponse<Clinic>> {
  return apiRequest<ListResponse<Clinic>>(`/api/v1/facilities/${encodeURIComponent(facilityCode)}/clinics`, {
    method: 'PUT',
    body: { items },
  });
}

export interface QueueState {
  facilityCode: string;
  facilityName: string;
  clinicCode: string;
  clinicName: string;
  clinicNameEn: string | null;
  day: string;
  nowServing: string | null;
  recentlyCalled: string[];
  next: string[];
  waitingCount: number;
  lastIssued: string | null;
  estimatedWaitMinutes: number;
  updatedAt: string;
}

export interface CallNextResult {
  called: {
    checkinId: string;
    number: number;
    label: string;
    person: { id: string; fullName: string; birthYear: string };
  } | null;
  queue: QueueState;
}

const opts = (signal?: AbortSignal): { signal?: AbortSignal } => (signal ? { signal } : {});

export function previewCheckin(input: CheckinInput, signal?: AbortSignal): Promise<Preview> {
  return apiRequest<Preview>('/api/v1/checkin/preview', { method: 'POST', body: input, ...opts(signal) });
}

export function checkIn(input: CheckinInput & { clinicCode: string }): Promise<CheckinResult> {
  return apiRequest<CheckinResult>('/api/v1/checkin', { method: 'POST', body: input });
}

export function listClinics(facilityCode: string, signal?: AbortSignal): Promise<ListResponse<Clinic>> {
  return apiRequest<ListResponse<Clinic>>(
    `/api/v1/facilities/${encodeURIComponent(facilityCode)}/clinics`,
    opts(signal),
  );
}

/** The waiting-room view (public: ticket numbers only). */
export function getQueue(
  facilityCode: string,
  clinicCode: string,
  signal?: AbortSignal,
): Promise<QueueState> {
  return apiRequest<QueueState>(
    `/api/v1/queues/${encodeURIComponent(facilityCode)}/${encodeURIComponent(clinicCode)}`,
    { auth: false, ...opts(signal) },
  );
}

export function callNext(facilityCode: string, clinicCode: string): Promise<CallNextResult> {
  return apiRequest<CallNextResult>(
    `/api/v1/queues/${encodeURIComponent(facilityCode)}/${encodeURIComponent(clinicCode)}/call-next`,
    { method: 'POST' },
  );
}

/** The ticket PDF (80 mm) as a Blob; the call carries the session's token (renewed when expired). */
export async function fetchTicketPdf(checkinId: string): Promise<Blob> {
  const res = await apiFetch(`/api/v1/checkins/${encodeURIComponent(checkinId)}/ticket.pdf`, {
    accept: 'application/pdf',
  });
  return res.blob();
}

export interface FacilitySummary {
  code: string;
  name: string;
}

export function getFacility(code: string, signal?: AbortSignal): Promise<FacilitySummary> {
  return apiRequest<FacilitySummary>(`/api/v1/facilities/${encodeURIComponent(code)}`, opts(signal));
}
