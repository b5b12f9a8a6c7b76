import { estimateWaitMinutes, formatTicketNumber } from '@suckhoe/domain';
import type { Queryable } from '../db/types.ts';
import type { Clinic } from './clinics.ts';
import type { FacilityContext } from './facility-context.ts';
import { queueCounters } from './repo.ts';

/** What a waiting-room screen shows: ticket numbers only, never who holds them. */
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

const RECENT = 5;
const NEXT = 10;

/**
 * The queue of a clinic on a day. Tickets are called in order (call-next), so the called and waiting
 * numbers follow from the two counters: no per-ticket query.
 */
export async function queueState(
  db: Queryable,
  facility: FacilityContext,
  clinic: Clinic,
  day: string,
  now: Date,
): Promise<QueueState> {
  const c = await queueCounters(db, facility.code, clinic.code, day);
  const label = (n: number): string => formatTicketNumber(clinic.code, n);
  const recent: string[] = [];
  for (let n = c.servingNumber - 1; n >= 1 && recent.length < RECENT; n--) recent.push(label(n));
  const next: string[] = [];
  for (let n = c.servingNumber + 1; n <= c.lastNumber && next.length < NEXT; n++) next.push(label(n));
  const waitingCount = Math.max(0, c.lastNumber - c.servingNumber);
  return {
    facilityCode: facility.code,
    facilityName: facility.name,
    clinicCode: clinic.code,
    clinicName: clinic.name,
    clinicNameEn: clinic.nameEn,
    day,
    nowServing: c.servingNumber > 0 ? label(c.servingNumber) : null,
    recentlyCalled: recent,
    next,
    waitingCount,
    lastIssued: c.lastNumber > 0 ? label(c.lastNumber) : null,
    estimatedWaitMinutes: estimateWaitMinutes({
      position: waitingCount + 1,
      servedLastHour: c.servedLastHour,
      defaultMinutesPerPatient: clinic.minutesPerPatient,
    }),
    updatedAt: now.toISOString(),
  };
}

export interface CalledTicket {
  checkinId: string;
  personId: string;
  number: number;
}

/**
 * Call the next ticket of the queue: move the counter and mark that check-in called, in one
 * statement (two desks calling at once get two different tickets). Null when nobody is waiting.
 */
export async function callNext(
  db: Queryable,
  facilityCode: string,
  clinicCode: string,
  day: string,
): Promise<CalledTicket | null> {
  const [r] = await db.query<{ id: string; person_id: string; ticket_number: number }>(
    `WITH nx AS (
       UPDATE queue_counter SET serving_number = serving_number + 1, updated_at = now()
       WHERE facility_code = $1 AND clinic_code = $2 AND day = $3::date AND serving_number < last_number
       RETURNING serving_number
     )
     UPDATE checkin k SET status = 'called', called_at = now()
     FROM nx
     WHERE k.facility_code = $1 AND k.clinic_code = $2 AND k.day = $3::date AND k.ticket_number = nx.serving_number
     RETURNING k.id, k.person_id, k.ticket_number`,
    [facilityCode, clinicCode, day],
    { name: 'checkin_call_next' },
  );
  return r ? { checkinId: r.id, personId: r.person_id, number: r.ticket_number } : null;
}
