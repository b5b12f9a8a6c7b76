import { randomUUID } from 'node:crypto';
import {
  assessEligibility,
  estimateWaitMinutes,
  formatTicketNumber,
  problem,
  type Eligibility,
  type Problem,
} from '@suckhoe/domain';
import type { Db, Queryable } from '../db/types.ts';
import { getPerson } from '../persons/repo.ts';
import type { IdentifierSystem, Person, PersonInput } from '../persons/model.ts';
import { validatePersonInput } from '../persons/validate.ts';
import { cardChanged, chooseCard, type CardOut, type ChosenCard } from './card.ts';
import type { Clinic } from './clinics.ts';
import { checkinErrors } from './errors.ts';
import type { FacilityContext } from './facility-context.ts';
import { parseCheckinInput, type ParsedInput } from './input.ts';
import { decidePerson, lookupKeys, type Difference, type PersonDecision } from './match.ts';
import {
  addIdentifiers,
  createPerson,
  findCandidates,
  insertCheckin,
  isDuplicateTicket,
  lockIdentities,
  queueCounters,
  saveCard,
  setPersonalId,
  updatePerson,
  type Candidate,
  type ExistingCheckin,
  type PersonChanges,
  type StoredCard,
} from './repo.ts';
import type { PreviewBody } from './schemas.ts';
import { vnDay } from './time.ts';
import { buildXml0 } from './xml0.ts';

export interface CheckinRequest {
  readonly body: PreviewBody;
  readonly facility: FacilityContext;
  /** Required for a check-in; optional for a preview (then no existing ticket is looked up). */
  readonly clinic: Clinic | null;
  /** Username of the caller (stored as `created_by`). */
  readonly actor: string;
  readonly now: Date;
}

export interface PersonOut {
  id: string | null;
  personalId: string | null;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female' | 'unknown';
  ethnicCode: string | null;
  identifiers: {
    system: string;
    value: string;
    validFrom?: string;
    validTo?: string;
    status: 'active' | 'cancelled' | 'replaced';
  }[];
  address: { provinceCode: string | null; communeCode: string | null; line: string | null };
  phone: string | null;
}

export interface TicketOut {
  number: number;
  label: string;
  clinicCode: string;
  position: number;
  estimatedWaitMinutes: number;
}

export interface CheckinResult {
  person: PersonOut;
  personCreated: boolean;
  personUpdated: boolean;
  card: CardOut | null;
  eligibility: Eligibility | null;
  checkin: {
    id: string;
    facilityCode: string;
    facilityName: string;
    clinicCode: string;
    clinicName: string;
    day: string;
    checkedInAt: string;
    status: 'waiting' | 'called';
    calledAt: string | null;
    visitKind: 'outpatient' | 'inpatient' | 'emergency';
    inputKind: string;
    selfPay: boolean;
    maLk: string;
    repeated: boolean;
  };
  ticket: TicketOut;
  warnings: Problem[];
}

export interface PreviewResult {
  person: PersonOut;
  isNew: boolean;
  inputKind: string;
  card: CardOut | null;
  eligibility: Eligibility | null;
  blocking: Problem[];
  differences: Difference[];
  existing: { checkinId: string; ticket: TicketOut } | null;
  warnings: Problem[];
}

interface Writes {
  create: PersonInput | null;
  addIds: { system: IdentifierSystem; value: string; validFrom?: string | null; validTo?: string | null }[];
  setPersonalId: string | null;
  changes: PersonChanges;
  saveCard: Omit<StoredCard, 'seenAt'> | null;
}

interface Plan {
  parsed: ParsedInput;
  decision: PersonDecision;
  card: ChosenCard | null;
  /** Null without a card, or when the visit is self-paid. */
  eligibility: Eligibility | null;
  /** The card's assessment, also when self-paid (shown, not applied). */
  assessed: Eligibility | null;
  blocking: Problem[];
  writes: Writes;
  warnings: Problem[];
}

const needsWrites = (w: Writes): boolean =>
  w.create !== null ||
  w.addIds.length > 0 ||
  w.setPersonalId !== null ||
  Object.keys(w.changes).length > 0 ||
  w.saveCard !== null;

function fromCandidate(c: Candidate): PersonOut {
  return {
    id: c.id,
    personalId: c.personal_id,
    fullName: c.full_name,
    birthDate: c.birth_date,
    sex: c.sex,
    ethnicCode: c.ethnic_code,
    identifiers: c.identifiers.map((i) => ({
      system: i.system,
      value: i.value,
      status: i.status,
      ...(i.validFrom ? { validFrom: i.validFrom } : {}),
      ...(i.validTo ? { validTo: i.validTo } : {}),
    })),
    address: { provinceCode: c.province_code, communeCode: c.commune_code, line: c.address_line },
    phone: c.phone,
  };
}

function fromPerson(p: Person): PersonOut {
  return {
    id: p.id,
    personalId: p.personalId,
    fullName: p.fullName,
    birthDate: p.birthDate,
    sex: p.sex,
    ethnicCode: p.ethnicCode,
    identifiers: p.identifiers.map((i) => ({
      system: i.system,
      value: i.value,
      status: i.status,
      ...(i.validFrom ? { validFrom: i.validFrom } : {}),
      ...(i.validTo ? { validTo: i.validTo } : {}),
    })),
    address: p.address,
    phone: p.phone,
  };
}

function fromInput(p: PersonInput): PersonOut {
  return {
    id: null,
    personalId: p.personalId ?? null,
    fullName: p.fullName,
    birthDate: p.birthDate,
    sex: p.sex,
    ethnicCode: null,
    identifiers: [
      ...(p.personalId ? [{ system: 'personalId', value: p.personalId, status: 'active' as const }] : []),
      ...(p.identifiers ?? []).map((i) => ({
        system: i.system,
        value: i.value,
        status: 'active' as const,
        ...(i.validFrom ? { validFrom: i.validFrom } : {}),
        ...(i.validTo ? { validTo: i.validTo } : {}),
      })),
    ],
    address: { provinceCode: null, communeCode: null, line: p.address?.line ?? null },
    phone: p.phone ?? null,
  };
}

/** Reject corrections (and new persons) the registry would not accept; an ID/birth-year mismatch is an error here. */
function validatePerson(input: PersonInput): void {
  const { errors, warnings } = validatePersonInput(input);
  if (errors.length > 0) throw checkinErrors.correctionInvalid(errors);
  const mismatch = warnings.find((w) => w.code === 'PERSONAL_ID_BIRTH_YEAR_MISMATCH');
  if (mismatch && input.personalId) {
    throw checkinErrors.birthYearMismatch(Number(input.personalId.slice(4, 6)) + 1900, input.birthDate);
  }
}

function cardIdentifiers(card: ChosenCard | null): Writes['addIds'] {
  if (!card) return [];
  const c = card.out;
  if (c.kind === 'bhxhNumber') return [{ system: 'bhxh', value: c.code }];
  return [
    { system: 'bhyt', value: c.code, validFrom: c.validFrom, validTo: c.validTo },
    ...(c.bhxhNumber ? [{ system: 'bhxh' as const, value: c.bhxhNumber }] : []),
  ];
}

function planWrites(p: ParsedInput, d: PersonDecision, card: ChosenCard | null, body: PreviewBody): Writes {
  const corr = body.corrections ?? {};
  const w: Writes = { create: null, addIds: [], setPersonalId: null, changes: {}, saveCard: null };
  const giveCard = card !== null && card.out.source !== 'record';
  if (!d.person) {
    const demo = d.create!;
    const input: PersonInput = {
      personalId: p.personalId,
      fullName: corr.fullName ?? demo.fullName,
      birthDate: corr.birthDate ?? demo.birthDate,
      sex: corr.sex ?? demo.sex,
      address: { line: corr.addressLine ?? demo.address },
      phone: corr.phone ?? null,
      identifiers: [
        ...p.otherIds,
        ...(giveCard ? cardIdentifiers(card) : [])
          .filter((i) => i.system !== 'bhxh' || card?.out.kind === 'bhxhNumber')
          .map((i) => ({
            system: i.system,
            value: i.value,
            ...(i.validFrom ? { validFrom: i.validFrom } : {}),
            ...(i.validTo ? { validTo: i.validTo } : {}),
          })),
      ],
    };
    validatePerson(input);
    w.create = input;
    w.saveCard = card?.toSave ?? null;
    return w;
  }
  const person = d.person;
  if (p.personalId && person.personal_id !== p.personalId) {
    if (person.personal_id !== null) throw checkinErrors.cccdPersonMismatch();
    w.setPersonalId = p.personalId;
    w.addIds.push({ system: 'personalId', value: p.personalId });
  }
  const has = (system: string, value: string, from?: string | null, to?: string | null): boolean =>
    person.identifiers.some(
      (i) =>
        i.system === system &&
        i.value === value &&
        (from === undefined || from === null || i.validFrom === from) &&
        (to === undefined || to === null || i.validTo === to),
    );
  for (const i of p.otherIds) if (!has(i.system, i.value)) w.addIds.push(i);
  if (giveCard) {
    for (const i of cardIdentifiers(card))
      if (!has(i.system, i.value, i.validFrom, i.validTo)) w.addIds.push(i);
    if (card.toSave && cardChanged(person, card.toSave)) w.saveCard = card.toSave;
  }
  const c: PersonChanges = {};
  if (corr.fullName !== undefined && corr.fullName !== person.full_name) c.fullName = corr.fullName;
  if (corr.birthDate !== undefined && corr.birthDate !== person.birth_date) c.birthDate = corr.birthDate;
  if (corr.sex !== undefined && corr.sex !== person.sex) c.sex = corr.sex;
  if (corr.phone !== undefined && corr.phone !== person.phone) c.phone = corr.phone;
  if (corr.addressLine !== undefined && corr.addressLine !== person.address_line)
    c.addressLine = corr.addressLine;
  if (Object.keys(c).length > 0) {
    validatePerson({
      personalId: w.setPersonalId ?? person.personal_id,
      fullName: c.fullName ?? person.full_name,
      birthDate: c.birthDate ?? person.birth_date,
      sex: c.sex ?? person.sex,
    });
  }
  w.changes = c;
  return w;
}

function blockingOf(e: Eligibility | null): Problem[] {
  if (!e || e.cardStatus === 'valid') return [];
  const code = e.cardStatus === 'expired' ? 'BHYT_CARD_EXPIRED' : 'BHYT_CARD_NOT_YET_VALID';
  const w = e.warnings.find((x) => x.code === code);
  return [
    problem(code, w?.message ?? 'Thẻ BHYT không có giá trị sử dụng vào ngày khám.', 'card', {
      ...w?.details,
    }),
  ];
}

async function plan(q: Queryable, parsed: ParsedInput, r: CheckinRequest, today: string): Promise<Plan> {
  const keys = lookupKeys(parsed);
  const candidates = await findCandidates(q, {
    keys: [...keys.identity, ...keys.card],
    nameBirth: parsed.nameBirth,
    facilityCode: r.facility.code,
    clinicCode: r.clinic?.code ?? null,
    day: today,
  });
  const decision = decidePerson(parsed, candidates);
  const card = chooseCard(parsed.card, decision.person, today);
  const assessed = card
    ? assessEligibility({
        card: card.eligibility,
        visitDate: today,
        facility: r.facility.eligibility,
        visit: {
          kind: r.body.visitKind,
          hasReferral: r.body.hasReferral,
          temporaryResidence: r.body.temporaryResidence,
        },
      })
    : null;
  const writes = planWrites(parsed, decision, card, r.body);
  const warnings = [...parsed.warnings, ...decision.warnings];
  if (!card) {
    warnings.push(
      problem(
        'NO_BHYT_CARD',
        'Người bệnh không có thẻ BHYT trong hồ sơ: tiếp đón như người bệnh tự chi trả (hoặc quét thẻ BHYT).',
        'card',
      ),
    );
  }
  return {
    parsed,
    decision,
    card,
    assessed,
    eligibility: r.body.selfPay ? null : assessed,
    blocking: r.body.selfPay ? [] : blockingOf(assessed),
    writes,
    warnings,
  };
}

function throwIfBlocked(p: Plan): void {
  const b = p.blocking[0];
  if (!b) return;
  if (b.code === 'BHYT_CARD_EXPIRED') throw checkinErrors.cardExpired(b.message, p.card?.out.validTo ?? null);
  throw checkinErrors.cardNotYetValid(b.message, p.card?.out.validFrom ?? null);
}

function ticketOf(clinic: Clinic, n: number, serving: number, servedLastHour: number): TicketOut {
  const position = Math.max(0, n - serving);
  return {
    number: n,
    label: formatTicketNumber(clinic.code, n),
    clinicCode: clinic.code,
    position,
    estimatedWaitMinutes:
      position === 0
        ? 0
        : estimateWaitMinutes({
            position,
            servedLastHour,
            defaultMinutesPerPatient: clinic.minutesPerPatient,
          }),
  };
}

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

function documentNumber(person: PersonOut): string | null {
  if (person.personalId) return person.personalId;
  for (const system of ['cmnd', 'passport', 'vneid']) {
    const i = person.identifiers.find((x) => x.system === system && x.status === 'active');
    if (i) return i.value;
  }
  return null;
}

async function applyWrites(tx: Queryable, p: Plan): Promise<string> {
  const w = p.writes;
  let personId: string;
  if (w.create) personId = await createPerson(tx, w.create);
  else {
    personId = p.decision.person!.id;
    if (w.setPersonalId) await setPersonalId(tx, personId, w.setPersonalId);
    await addIdentifiers(tx, personId, w.addIds);
    await updatePerson(tx, personId, w.changes);
  }
  if (w.saveCard) await saveCard(tx, personId, w.saveCard, 'qr');
  return personId;
}

async function repeated(
  q: Queryable,
  r: CheckinRequest,
  p: Plan,
  clinic: Clinic,
  person: PersonOut,
  existing: ExistingCheckin,
  today: string,
  updated: boolean,
): Promise<CheckinResult> {
  const counters = existing.queue ?? (await queueCounters(q, r.facility.code, clinic.code, today));
  return {
    person,
    personCreated: false,
    personUpdated: updated,
    card: p.card?.out ?? null,
    eligibility: existing.eligibility,
    checkin: {
      id: existing.id,
      facilityCode: r.facility.code,
      facilityName: r.facility.name,
      clinicCode: clinic.code,
      clinicName: clinic.name,
      day: today,
      checkedInAt: iso(existing.checkedInAt)!,
      status: existing.status,
      calledAt: iso(existing.calledAt),
      visitKind: existing.visitKind,
      inputKind: existing.inputKind,
      selfPay: existing.selfPay,
      maLk: existing.id,
      repeated: true,
    },
    ticket: ticketOf(clinic, existing.ticketNumber, counters.servingNumber, counters.servedLastHour),
    warnings: [
      ...p.warnings,
      problem(
        'CHECKIN_REPEATED',
        `Người bệnh đã lấy số ${formatTicketNumber(clinic.code, existing.ticketNumber)} tại ${clinic.name} hôm nay; trả lại phiếu cũ.`,
      ),
    ],
  };
}

async function issue(
  q: Queryable,
  r: CheckinRequest,
  p: Plan,
  clinic: Clinic,
  person: PersonOut & { id: string },
  today: string,
  created: boolean,
  updated: boolean,
): Promise<CheckinResult> {
  const id = randomUUID();
  const billedCard = p.eligibility && p.card ? p.card.out : null;
  const xml0 = buildXml0({
    maLk: id,
    personId: person.id,
    fullName: person.fullName,
    birthDate: person.birthDate,
    sex: person.sex,
    documentNumber: documentNumber(person),
    card: billedCard,
    eligibility: p.eligibility,
    visitKind: r.body.visitKind,
    facilityCode: r.facility.code,
    clinic,
    checkedInAt: r.now,
  });
  const issued = await insertCheckin(q, {
    id,
    personId: person.id,
    facilityCode: r.facility.code,
    clinicCode: clinic.code,
    day: today,
    checkedInAt: r.now.toISOString(),
    visitKind: r.body.visitKind,
    hasReferral: r.body.hasReferral,
    inputKind: p.parsed.kind,
    cardCode: p.card?.out.code ?? null,
    cardStatus: p.assessed?.cardStatus ?? null,
    selfPay: r.body.selfPay,
    eligibility: p.eligibility,
    xml0: xml0.record,
    createdBy: r.actor,
  });
  return {
    person,
    personCreated: created,
    personUpdated: updated,
    card: p.card?.out ?? null,
    eligibility: p.eligibility,
    checkin: {
      id,
      facilityCode: r.facility.code,
      facilityName: r.facility.name,
      clinicCode: clinic.code,
      clinicName: clinic.name,
      day: today,
      checkedInAt: r.now.toISOString(),
      status: 'waiting',
      calledAt: null,
      visitKind: r.body.visitKind,
      inputKind: p.parsed.kind,
      selfPay: r.body.selfPay,
      maLk: id,
      repeated: false,
    },
    ticket: ticketOf(clinic, issued.ticketNumber, issued.servingNumber, issued.servedLastHour),
    warnings: [...p.warnings, ...xml0.warnings],
  };
}

/** Keys whose check-ins are serialised while a person may be created or changed. */
function lockKeys(parsed: ParsedInput): string[] {
  const k = lookupKeys(parsed);
  const keys = [...k.identity, ...k.card];
  if (parsed.nameBirth) keys.push(`name:${parsed.nameBirth.nameKey}|${parsed.nameBirth.birthDate}`);
  return keys;
}

/**
 * Check a person in: find (or create from the QR) the person, assess the BHYT card, store the
 * check-in with its XML0 record and the next ticket of the clinic's queue. Idempotent per person,
 * clinic and day. Common case (known person, nothing to update): two statements, no transaction;
 * otherwise one transaction under a per-identity lock. Throws the specific ApiError of bad input.
 */
export async function checkIn(db: Db, r: CheckinRequest): Promise<CheckinResult> {
  const clinic = r.clinic;
  if (!clinic) throw new Error('checkIn needs a clinic');
  const today = vnDay(r.now);
  const parsed = parseCheckinInput(r.body, today);
  const first = await plan(db, parsed, r, today);
  throwIfBlocked(first);
  const known = first.decision.person;
  if (known && !needsWrites(first.writes)) {
    const person = fromCandidate(known);
    if (known.existing) return repeated(db, r, first, clinic, person, known.existing, today, false);
    try {
      return await issue(db, r, first, clinic, { ...person, id: known.id }, today, false, false);
    } catch (e) {
      if (!isDuplicateTicket(e)) throw e; // a concurrent check-in of the same person won: return its ticket
    }
  }
  return db.transaction(async (tx) => {
    await lockIdentities(tx, lockKeys(parsed));
    const p = await plan(tx, parsed, r, today);
    throwIfBlocked(p);
    const created = p.writes.create !== null;
    const updated = !created && needsWrites(p.writes);
    const personId = await applyWrites(tx, p);
    const stored = created || updated ? await getPerson(tx, personId) : null;
    const person = stored ? fromPerson(stored) : fromCandidate(p.decision.person!);
    const existing = p.decision.person?.existing;
    if (existing) return repeated(tx, r, p, clinic, person, existing, today, updated);
    return issue(tx, r, p, clinic, { ...person, id: personId }, today, created, updated);
  });
}

/** What a check-in would do, without doing it: the person (or the one to be created), card, benefit, refusals. */
export async function previewCheckin(db: Db, r: CheckinRequest): Promise<PreviewResult> {
  const today = vnDay(r.now);
  const parsed = parseCheckinInput(r.body, today);
  const p = await plan(db, parsed, r, today);
  const person = p.decision.person;
  let existing: PreviewResult['existing'] = null;
  if (person?.existing && r.clinic) {
    const c = person.existing.queue ?? (await queueCounters(db, r.facility.code, r.clinic.code, today));
    existing = {
      checkinId: person.existing.id,
      ticket: ticketOf(r.clinic, person.existing.ticketNumber, c.servingNumber, c.servedLastHour),
    };
  }
  return {
    person: person ? fromCandidate(person) : fromInput(p.writes.create!),
    isNew: person === null,
    inputKind: parsed.kind,
    card: p.card?.out ?? null,
    eligibility: p.assessed,
    blocking: p.blocking,
    differences: [...p.decision.differences],
    existing,
    warnings: p.warnings,
  };
}
