/**
 * Where care relationships come from — DATA, so a capability that records contact between a person
 * and a facility makes it count by adding one row here (and nothing else):
 *
 *   { name: 'checkin', table: 'checkin', personColumn: 'person_id', facilityColumn: 'facility_code',
 *     timeColumn: 'checked_in_at' }
 *   { name: 'referral', table: 'referral', personColumn: 'person_id', facilityColumn: 'to_facility_code',
 *     timeColumn: 'issued_at' }
 *   { name: 'appointment', table: 'appointment', …, timeColumn: 'scheduled_at' }  // future dates count too
 *
 * A row counts when its person and facility match and its time is within CARE_WINDOW_DAYS before now
 * (or later). `where` is an optional extra SQL condition on the same table (e.g. "status <> 'cancelled'").
 * Table and column names are checked to be plain identifiers; security/care.test.ts runs every source
 * against the migrated schema, so a misspelt column fails the suite rather than a request.
 */
export interface CareSource {
  readonly name: string;
  readonly table: string;
  readonly personColumn: string;
  readonly facilityColumn: string;
  readonly timeColumn: string;
  readonly where?: string;
}

export const CARE_SOURCES: readonly CareSource[] = [
  {
    name: 'manual',
    table: 'care_relationship',
    personColumn: 'person_id',
    facilityColumn: 'facility_code',
    timeColumn: 'started_at',
  },
  {
    name: 'checkin',
    table: 'checkin',
    personColumn: 'person_id',
    facilityColumn: 'facility_code',
    timeColumn: 'checked_in_at',
  },
  {
    name: 'episode',
    table: 'episode',
    personColumn: 'person_id',
    facilityColumn: 'facility_code',
    timeColumn: 'discharged_at',
  },
];
