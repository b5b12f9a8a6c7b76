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
 * `ongoing: true` marks a source of stays that have not ended yet (`where` says which rows are open):
 * such a row counts however long ago it started — a patient admitted 120 days ago and still in the ward
 * is in care today — and stops counting when it ends (then the closed stay counts through the source
 * on its end time, for the window).
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
  /** An open stay: counts while `where` holds, whatever its time (needs `where`). */
  readonly ongoing?: boolean;
}

/** FHIR Encounter statuses of a stay that has begun and not ended (R4 `EncounterStatus`). */
const OPEN_ENCOUNTER = "period_end IS NULL AND status IN ('arrived', 'triaged', 'in-progress', 'onleave')";

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
  // XML 130 episodes arrive after discharge (NGAY_RA is required): `episode` holds ended stays only, and
  // the source above counts them for the window after discharge. A stay still going on is known
  // from its check-in (XML0, source `checkin`) and from encounters received through FHIR:
  {
    name: 'encounter',
    table: 'hb_encounter',
    personColumn: 'person_id',
    facilityColumn: 'facility_code',
    timeColumn: 'period_end',
    where: "status NOT IN ('cancelled', 'entered-in-error')",
  },
  {
    name: 'encounter_ongoing',
    table: 'hb_encounter',
    personColumn: 'person_id',
    facilityColumn: 'facility_code',
    timeColumn: 'period_start',
    where: OPEN_ENCOUNTER,
    ongoing: true,
  },
];
