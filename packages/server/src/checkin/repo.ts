import { nameKey, normalizeText, type Eligibility } from '@suckhoe/domain';
import type { Queryable } from '../db/types.ts';
import { insertPersons } from '../persons/repo.ts';
import { normalizeIdentifier, type IdentifierSystem, type PersonInput } from '../persons/model.ts';
import type { Sex } from './input.ts';
import type { Xml0Record } from './xml0.ts';

export interface StoredIdentifier {
  system: IdentifierSystem;
  value: string;
  validFrom: string | null;
  validTo: string | null;
  status: 'active' | 'cancelled' | 'replaced';
}

export interface StoredCard {
  code: string;
  validFrom: string | null;
  validTo: string | null;
  initialFacilityCode: string | null;
  fiveYearsFrom: string | null;
  seenAt: string;
}

/** The person's check-in at this clinic today (idempotent check-in returns it). */
export interface ExistingCheckin {
  id: string;
  ticketNumber: number;
  checkedInAt: string;
  status: 'waiting' | 'called';
  calledAt: string | null;
  visitKind: 'outpatient' | 'inpatient' | 'emergency';
  inputKind: string;
  selfPay: boolean;
  cardCode: string | null;
  eligibility: Eligibility | null;
  /** The queue's pace, read with the ticket (position and wait of a repeated check-in). */
  queue?: { servingNumber: number; servedLastHour: number };
}

export interface Candidate {
  id: string;
  personal_id: string | null;
  full_name: string;
  name_key: string;
  birth_date: string;
  sex: Sex;
  ethnic_code: string | null;
  province_code: string | null;
  commune_code: string | null;
  address_line: string | null;
  phone: string | null;
  identifiers: StoredIdentifier[];
  cards: StoredCard[];
  existing: ExistingCheckin | null;
  [k: string]: unknown;
}

export interface CandidateQuery {
  /** Normalised identifier values (personal ID, CMND, card code, BHXH number …). */
  keys: readonly string[];
  nameBirth: { nameKey: string; birthDate: string } | null;
  facilityCode: string;
  clinicCode: string | null;
  day: string;
}

/**
 * Everyone the input may point at, in one round trip: active persons holding any of the keys (or the
 * name + birth date), each with identifiers, stored BHYT cards and today's check-in at the clinic.
 * The SQL is the `checkin_candidates` function (migration 0010): its queries keep a generic plan,
 * so the desk's lookup is executed, not re-planned, at every check-in.
 */
export async function findCandidates(db: Queryable, q: CandidateQuery): Promise<Candidate[]> {
  return db.query<Candidate>(
    'SELECT * FROM checkin_candidates($1::text[], $2, $3, $4, $5, $6::date)',
    [
      q.nameBirth ? [] : q.keys,
      q.nameBirth?.nameKey ?? null,
      q.nameBirth?.birthDate ?? null,
      q.facilityCode,
      q.clinicCode,
      q.day,
    ],
    { name: 'checkin_candidates' },
  );
}

/** Serialise person creation and check-ins of the same identity (sorted keys: no deadlock). */
export async function lockIdentities(tx: Queryable, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(hashtext('checkin:' || k))) FROM (SELECT DISTINCT k FROM unnest($1::text[]) k ORDER BY k) s`,
    [[...keys].sort()],
  );
}

export interface NewCheckin {
  id: string;
  personId: string;
  facilityCode: string;
  clinicCode: string;
  day: string;
  checkedInAt: string;
  visitKind: string;
  hasReferral: boolean;
  inputKind: string;
  cardCode: string | null;
  cardStatus: string | null;
  selfPay: boolean;
  eligibility: Eligibility | null;
  /** The XML0 record (it does not carry the ticket number, so it is built before the insert). */
  xml0: Xml0Record;
  createdBy: string;
}

export interface IssuedTicket {
  ticketNumber: number;
  servingNumber: number;
  servedLastHour: number;
}

/**
 * Store the check-in with the next ticket of its queue, in ONE statement: the queue's counter row is
 * created or incremented (row lock until commit), the check-in inserted with that number. A second
 * ticket for the same person, clinic and day violates `checkin_one_ticket_per_person`, and the whole
 * statement (counter included) is undone — numbers have no gaps.
 */
export async function insertCheckin(db: Queryable, c: NewCheckin): Promise<IssuedTicket> {
  const [r] = await db.query<{ ticket_number: number; serving_number: number; served: number }>(
    `WITH n AS (
       INSERT INTO queue_counter AS q (facility_code, clinic_code, day, last_number) VALUES ($3, $4, $5::date, 1)
       ON CONFLICT (facility_code, clinic_code, day)
       DO UPDATE SET last_number = q.last_number + 1, updated_at = now()
       RETURNING q.last_number, q.serving_number
     ), c AS (
       INSERT INTO checkin (id, person_id, facility_code, clinic_code, day, ticket_number, checked_in_at, visit_kind,
         has_referral, input_kind, card_code, card_status, self_pay, eligibility, xml0, created_by)
       SELECT $1::uuid, $2::uuid, $3, $4, $5::date, n.last_number, $6::timestamptz, $7, $8, $9, $10, $11, $12,
         $13::jsonb, $14::jsonb, $15
       FROM n
       RETURNING ticket_number
     )
     SELECT c.ticket_number, n.serving_number,
       (SELECT count(*)::int FROM checkin s WHERE s.facility_code = $3 AND s.clinic_code = $4 AND s.day = $5::date
          AND s.called_at > now() - interval '1 hour') AS served
     FROM c, n`,
    [
      c.id,
      c.personId,
      c.facilityCode,
      c.clinicCode,
      c.day,
      c.checkedInAt,
      c.visitKind,
      c.hasReferral,
      c.inputKind,
      c.cardCode,
      c.cardStatus,
      c.selfPay,
      c.eligibility === null ? null : JSON.stringify(c.eligibility),
      JSON.stringify(c.xml0),
      c.createdBy,
    ],
    { name: 'checkin_insert' },
  );
  if (!r) throw new Error('check-in insert returned no row');
  return { ticketNumber: r.ticket_number, servingNumber: r.serving_number, servedLastHour: r.served };
}

/** Is this error the "one ticket per person per clinic per day" constraint? */
export function isDuplicateTicket(e: unknown): boolean {
  const x = e as { code?: unknown; constraint?: unknown } | null;
  return x?.code === '23505' && x.constraint === 'checkin_one_ticket_per_person';
}

/** The queue's counters and pace, for the position and wait of a ticket issued earlier. */
export async function queueCounters(
  db: Queryable,
  facilityCode: string,
  clinicCode: string,
  day: string,
): Promise<{ lastNumber: number; servingNumber: number; servedLastHour: number }> {
  const [r] = await db.query<{ last_number: number | null; serving_number: number | null; served: number }>(
    `SELECT q.last_number, q.serving_number,
       (SELECT count(*)::int FROM checkin s WHERE s.facility_code = $1 AND s.clinic_code = $2 AND s.day = $3::date
          AND s.called_at > now() - interval '1 hour') AS served
     FROM (SELECT 1) one LEFT JOIN queue_counter q ON q.facility_code = $1 AND q.clinic_code = $2 AND q.day = $3::date`,
    [facilityCode, clinicCode, day],
    { name: 'checkin_queue_counters' },
  );
  return {
    lastNumber: r?.last_number ?? 0,
    servingNumber: r?.serving_number ?? 0,
    servedLastHour: r?.served ?? 0,
  };
}

export async function createPerson(tx: Queryable, p: PersonInput): Promise<string> {
  const [id] = await insertPersons(tx, [p]);
  if (!id) throw new Error('person insert returned no id');
  return id;
}

/** Add identifiers a person did not have yet (new card code, old CMND from the QR …). */
export async function addIdentifiers(
  tx: Queryable,
  personId: string,
  ids: readonly {
    system: IdentifierSystem;
    value: string;
    validFrom?: string | null;
    validTo?: string | null;
  }[],
): Promise<void> {
  if (ids.length === 0) return;
  const params: unknown[] = [personId];
  const rows = ids.map((i) => {
    params.push(i.system, normalizeIdentifier(i.value), i.validFrom ?? null, i.validTo ?? null);
    const b = params.length - 4;
    return `($1::uuid, $${b + 1}, $${b + 2}, $${b + 3}::date, $${b + 4}::date, 'checkin')`;
  });
  await tx.query(
    `INSERT INTO person_identifier (person_id, system, value, valid_from, valid_to, source) VALUES ${rows.join(', ')}
     ON CONFLICT (person_id, system, value) DO UPDATE
       SET valid_from = coalesce(EXCLUDED.valid_from, person_identifier.valid_from),
           valid_to = coalesce(EXCLUDED.valid_to, person_identifier.valid_to)`,
    params,
  );
}

export async function setPersonalId(tx: Queryable, personId: string, personalId: string): Promise<void> {
  await tx.query(
    'UPDATE person SET personal_id = $2, updated_at = now() WHERE id = $1::uuid AND personal_id IS NULL',
    [personId, personalId],
  );
}

export interface PersonChanges {
  fullName?: string | undefined;
  birthDate?: string | undefined;
  sex?: Sex | undefined;
  phone?: string | null | undefined;
  addressLine?: string | null | undefined;
}

/** Apply the desk's corrections of demographics to the record. */
export async function updatePerson(tx: Queryable, personId: string, c: PersonChanges): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [personId];
  const set = (col: string, v: unknown): void => {
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  if (c.fullName !== undefined) {
    const name = c.fullName.normalize('NFC').trim();
    set('full_name', name);
    set('name_tokens', normalizeText(name).split(' ').filter(Boolean));
    set('name_key', nameKey(name));
  }
  if (c.birthDate !== undefined) {
    set('birth_date', c.birthDate);
    set('birth_year', Number(c.birthDate.slice(0, 4)));
  }
  if (c.sex !== undefined) set('sex', c.sex);
  if (c.phone !== undefined) set('phone', c.phone);
  if (c.addressLine !== undefined) set('address_line', c.addressLine);
  if (sets.length === 0) return;
  await tx.query(`UPDATE person SET ${sets.join(', ')}, updated_at = now() WHERE id = $1::uuid`, params);
}

/** Remember the card as read from its QR (MA_DKBD, validity, 5-years date). */
export async function saveCard(
  tx: Queryable,
  personId: string,
  card: Omit<StoredCard, 'seenAt'>,
  source: 'qr' | 'typed',
): Promise<void> {
  const params = [
    personId,
    card.code,
    card.validFrom,
    card.validTo,
    card.initialFacilityCode,
    card.fiveYearsFrom,
    source,
  ];
  const updated = await tx.query(
    `UPDATE bhyt_card SET valid_from = $3::date, valid_to = $4::date, initial_facility_code = $5,
       five_years_from = $6::date, source = $7, seen_at = now()
     WHERE person_id = $1::uuid AND code = $2 RETURNING id`,
    params,
  );
  if (updated.length > 0) return;
  await tx.query(
    `INSERT INTO bhyt_card (person_id, code, valid_from, valid_to, initial_facility_code, five_years_from, source)
     VALUES ($1::uuid, $2, $3::date, $4::date, $5, $6::date, $7)`,
    params,
  );
}

export interface CheckinRow {
  id: string;
  person_id: string;
  facility_code: string;
  facility_name: string;
  clinic_code: string;
  day: string;
  ticket_number: number;
  checked_in_at: string | Date;
  status: 'waiting' | 'called';
  called_at: string | Date | null;
  visit_kind: 'outpatient' | 'inpatient' | 'emergency';
  input_kind: string;
  self_pay: boolean;
  card_code: string | null;
  eligibility: Eligibility | null;
  xml0: Xml0Record;
  full_name: string;
  birth_date: string;
  [k: string]: unknown;
}

export async function getCheckin(db: Queryable, id: string): Promise<CheckinRow | null> {
  const [r] = await db.query<CheckinRow>(
    `SELECT k.id, k.person_id, k.facility_code, f.name AS facility_name, k.clinic_code, k.day::text AS day,
       k.ticket_number, k.checked_in_at, k.status, k.called_at, k.visit_kind, k.input_kind, k.self_pay,
       k.card_code, k.eligibility, k.xml0, p.full_name, p.birth_date
     FROM checkin k JOIN facility f ON f.code = k.facility_code JOIN person p ON p.id = k.person_id
     WHERE k.id = $1::uuid`,
    [id],
  );
  return r ?? null;
}
