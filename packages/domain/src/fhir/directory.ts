/**
 * The directory of external organisations, locations, practitioners and their roles received
 * through FHIR (directory_entry): common columns typed, the type-specific elements in `details`.
 */
export type DirectoryKind = 'Organization' | 'Location' | 'Practitioner' | 'PractitionerRole';

export interface DirectoryRow {
  readonly kind: DirectoryKind;
  readonly id: string;
  readonly name: string | null;
  readonly identifiers: readonly { system?: string; value?: string; use?: string }[];
  readonly active: boolean | null;
  readonly partOf: string | null;
  readonly practitionerId: string | null;
  /** telecom, address, gender, type, code, specialty, position, qualification, location, status … as received. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

/** Elements of each kind kept in `details` (everything else a client sends for these kinds is not kept). */
export const DIRECTORY_DETAILS: Readonly<Record<DirectoryKind, readonly string[]>> = {
  Organization: ['type', 'telecom', 'address', 'alias'],
  Location: ['status', 'mode', 'type', 'telecom', 'address', 'position', 'description'],
  Practitioner: ['name', 'telecom', 'address', 'gender', 'birthDate', 'qualification'],
  PractitionerRole: ['code', 'specialty', 'location', 'telecom', 'period'],
};
