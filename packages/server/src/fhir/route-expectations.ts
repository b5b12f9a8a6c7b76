/**
 * Who should reach each route of the health book and FHIR capabilities — written out by hand for
 * the authorisation-matrix test (security/route-expectations.ts spreads it), independently of the
 * route definitions, so a route whose policy drifts fails the test. `[]` = admin only.
 */
type Who =
  | 'public'
  | readonly (
      | 'citizen'
      | 'clinician'
      | 'registrar'
      | 'station_staff'
      | 'facility_admin'
      | 'analyst'
      | 'police_liaison'
      | 'integration_client'
    )[];

const BOOK = [
  'citizen',
  'clinician',
  'registrar',
  'station_staff',
  'facility_admin',
  'integration_client',
] as const;
const CLINICAL = BOOK;
const SHARED = [
  'citizen',
  'clinician',
  'registrar',
  'station_staff',
  'facility_admin',
  'analyst',
  'police_liaison',
  'integration_client',
] as const;
const WRITE = ['integration_client'] as const;
const BULK = ['facility_admin', 'integration_client'] as const;

const clinicalTypes = [
  'Patient',
  'Encounter',
  'Condition',
  'MedicationRequest',
  'MedicationDispense',
  'Procedure',
  'Observation',
  'DiagnosticReport',
  'Immunization',
  'AllergyIntolerance',
  'ServiceRequest',
  'Appointment',
  'DocumentReference',
  'Device',
  'FamilyMemberHistory',
];
const sharedTypes = ['Organization', 'Practitioner', 'PractitionerRole', 'Location'];
const writable = [
  'Patient',
  'Organization',
  'Location',
  'Practitioner',
  'PractitionerRole',
  'Encounter',
  'Condition',
  'FamilyMemberHistory',
  'Observation',
  'Immunization',
  'AllergyIntolerance',
  'MedicationRequest',
  'Procedure',
  'DocumentReference',
  'Device',
];

const F = '/fhir/R4';
const entries: [string, Who][] = [
  ['GET /api/v1/persons/:person/health-book', BOOK],
  ['GET /api/v1/persons/:person/health-book/export', BOOK],
  [`GET ${F}/metadata`, 'public'],
  [`POST ${F}`, WRITE],
  [`GET ${F}/Patient/:id/$everything`, CLINICAL],
  [`GET ${F}/$export`, []],
  [`GET ${F}/Patient/$export`, BULK],
  [`GET ${F}/Group/:id/$export`, BULK],
  [`GET ${F}/$export-status/:id`, BULK],
  [`DELETE ${F}/$export-status/:id`, BULK],
  [`GET ${F}/$export-file/:id`, BULK],
  [`GET ${F}/AuditEvent`, ['citizen', 'facility_admin']],
  [`GET ${F}/AuditEvent/:id`, ['citizen', 'facility_admin']],
  [`GET ${F}/Group/:id`, BULK],
  ...clinicalTypes.flatMap((t): [string, Who][] => [
    [`GET ${F}/${t}`, CLINICAL],
    [`GET ${F}/${t}/:id`, CLINICAL],
  ]),
  ...sharedTypes.flatMap((t): [string, Who][] => [
    [`GET ${F}/${t}`, SHARED],
    [`GET ${F}/${t}/:id`, SHARED],
  ]),
  ...writable.flatMap((t): [string, Who][] => [
    [`POST ${F}/${t}`, WRITE],
    [`PUT ${F}/${t}/:id`, WRITE],
  ]),
];

export const HEALTHBOOK_FHIR_ROUTE_EXPECTATIONS: Readonly<Record<string, Who>> = Object.fromEntries(entries);
