import type { Role } from '@suckhoe/domain';
import { HEALTHBOOK_FHIR_ROUTE_EXPECTATIONS } from '../fhir/route-expectations.ts';

/**
 * The authorisation matrix, as data: for every /api and /fhir route, who passes the role check.
 * `public` = no login; otherwise the roles allowed (admin passes every role check and is not
 * listed). The matrix test (authorization-matrix.test.ts) drives every route with a caller of
 * every role and FAILS when a route has no row here — add one when you add a route, and think
 * about who should reach it. Finer rules (facility scope, care relationship, break-glass, own
 * record) are tested in the other security tests.
 */
export type Expectation = 'public' | readonly Exclude<Role, 'admin'>[];

const STAFF = ['clinician', 'registrar', 'station_staff', 'facility_admin'] as const;
const CHECKIN = [...STAFF, 'integration_client'] as const;
const EVERYONE = [
  'citizen',
  'clinician',
  'registrar',
  'station_staff',
  'facility_admin',
  'analyst',
  'police_liaison',
  'integration_client',
] as const;

export const ROUTE_EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/me': EVERYONE,

  'GET /api/v1/audit/verify': [],

  'GET /api/v1/facilities': EVERYONE,
  'POST /api/v1/facilities': [],
  'GET /api/v1/facilities/:code': EVERYONE,
  'PATCH /api/v1/facilities/:code': ['facility_admin'],
  'PUT /api/v1/facilities/:code/certificate': ['facility_admin'],
  'POST /api/v1/facilities/:code/api-keys': ['facility_admin'],
  'GET /api/v1/facilities/:code/api-keys': ['facility_admin'],
  'DELETE /api/v1/facilities/:code/api-keys/:id': ['facility_admin'],

  'POST /api/v1/identity/parse': EVERYONE,

  'GET /api/v1/persons': STAFF,
  'POST /api/v1/persons': STAFF,
  'GET /api/v1/persons/duplicates': ['registrar', 'facility_admin'],
  'POST /api/v1/persons/merge': ['registrar', 'facility_admin'],
  'POST /api/v1/persons/distinct': ['registrar', 'facility_admin'],
  'GET /api/v1/persons/:person': [...STAFF, 'citizen', 'analyst'],
  'POST /api/v1/persons/:person/care': ['clinician', 'registrar', 'station_staff', 'integration_client'],
  'GET /api/v1/persons/:person/access-log': ['citizen', 'facility_admin'],
  'GET /api/v1/persons/:person/consents': ['citizen'],
  'POST /api/v1/persons/:person/consents': ['citizen'],
  'DELETE /api/v1/persons/:person/consents/:id': ['citizen'],

  // Check-in (issue 6) — as declared by that capability when this table was written.
  'POST /api/v1/checkin': CHECKIN,
  'POST /api/v1/checkin/preview': STAFF,
  'GET /api/v1/checkins/:id': CHECKIN,
  'GET /api/v1/checkins/:id/xml0': CHECKIN,
  'GET /api/v1/checkins/:id/ticket.pdf': CHECKIN,
  'GET /api/v1/facilities/:code/clinics': [...CHECKIN, 'analyst'],
  'PUT /api/v1/facilities/:code/clinics': ['facility_admin'],
  'GET /api/v1/queues/:facility/:clinic': 'public',
  'POST /api/v1/queues/:facility/:clinic/call-next': STAFF,

  // XML 130 ingest and episodes (issue 4) — as declared by those capabilities when this table was written.
  'POST /api/v1/xml130': ['integration_client', 'facility_admin'],
  'GET /api/v1/episodes/:facility/:maLk/xml130': ['integration_client', 'facility_admin', 'clinician'],
  // Person review queue of ingest: identity decisions, as the persons duplicate review (own facility; admin all).
  'GET /api/v1/ingest/reviews': ['registrar', 'facility_admin'],
  'GET /api/v1/ingest/reviews/:id': ['registrar', 'facility_admin'],
  'POST /api/v1/ingest/reviews/:id/resolve': ['registrar', 'facility_admin'],
  ...HEALTHBOOK_FHIR_ROUTE_EXPECTATIONS, // health book and FHIR (fhir/route-expectations.ts)
};
