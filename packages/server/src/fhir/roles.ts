/** Who reaches which FHIR route (the person checks inside decide whose data). */
export const CLINICAL_READERS = [
  'citizen',
  'clinician',
  'registrar',
  'station_staff',
  'facility_admin',
  'integration_client',
] as const;

export const SHARED_READERS = [
  'citizen',
  'clinician',
  'registrar',
  'station_staff',
  'facility_admin',
  'analyst',
  'police_liaison',
  'integration_client',
] as const;

export const AUDIT_READERS = ['citizen', 'facility_admin'] as const;
export const GROUP_READERS = ['facility_admin', 'integration_client'] as const;
/** Writes (transaction/batch, create, update): facility systems; admins always pass. */
export const WRITERS = ['integration_client'] as const;

export function readersOf(type: string): readonly (typeof SHARED_READERS)[number][] {
  if (type === 'AuditEvent') return AUDIT_READERS;
  if (type === 'Group') return GROUP_READERS;
  if (['Organization', 'Practitioner', 'Location', 'PractitionerRole'].includes(type)) return SHARED_READERS;
  return CLINICAL_READERS;
}
