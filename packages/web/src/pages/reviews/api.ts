import { apiRequest } from '../../api/client.ts';

/** `GET /api/v1/ingest/reviews` item (packages/server/src/ingest/review-routes.ts). */
export type ReviewStatus = 'open' | 'resolved' | 'rejected';

export interface ReviewPerson {
  id: string;
  personalId: string | null;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female' | 'unknown';
  identifiers: { system: string; value: string; status: string }[];
  address: { provinceCode: string | null; communeCode: string | null };
  status: 'active' | 'merged';
}

export interface ReviewItem {
  id: string;
  status: ReviewStatus;
  reason: string;
  facilityCode: string;
  maLk: string;
  episodeId: string;
  createdAt: string;
  episode: {
    maBn: string | null;
    encounterType: string | null;
    admittedAt: string | null;
    dischargedAt: string | null;
    mainIcd: string | null;
  } | null;
  patient: {
    fullName: string;
    birthDate: string | null;
    sex: 'male' | 'female' | 'unknown';
    personalId: string | null;
    insuranceCards: { number: string; validFrom: string | null; validTo: string | null }[];
    address: string | null;
    phone: string | null;
  } | null;
  currentPerson: ReviewPerson | null;
  candidates: { person: ReviewPerson; sources: ('ingest' | 'name_birth' | 'identifier')[] }[];
  resolution: {
    kind: 'linked' | 'created' | 'rejected';
    personId: string | null;
    reason: string | null;
    resolvedBy: string | null;
    resolvedAt: string | null;
  } | null;
}

export type ReviewDecision = { personId: string } | { create: true } | { reject: true; reason: string };

export function listReviews(
  q: { status: ReviewStatus; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<{ items: ReviewItem[]; total: number }> {
  return apiRequest('/api/v1/ingest/reviews', { query: q, ...(signal ? { signal } : {}) });
}

export function resolveReview(id: string, decision: ReviewDecision): Promise<{ personId: string }> {
  return apiRequest(`/api/v1/ingest/reviews/${encodeURIComponent(id)}/resolve`, {
    method: 'POST',
    body: decision,
  });
}
