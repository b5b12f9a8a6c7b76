import {
  nameKey,
  parseBhytCode,
  parseBhytQr,
  parseCccdQr,
  parseIdentityText,
  parsePersonalId,
  type BhytCode,
  type BhytQr,
  type CccdQr,
  type Problem,
} from '@suckhoe/domain';
import { ApiError } from '../http/errors.ts';
import { normalizeIdentifier, type IdentifierSystem } from '../persons/model.ts';
import { checkinErrors } from './errors.ts';
import type { PreviewBody } from './schemas.ts';

/** How the person was identified (stored with the check-in, shown in the audit details). */
export type InputKind =
  | 'cccdQr'
  | 'bhytQr'
  | 'personalId'
  | 'cmnd'
  | 'passport'
  | 'bhytCode'
  | 'bhxhNumber'
  | 'vneid'
  | 'nameBirthDate';

export type Sex = 'male' | 'female' | 'unknown';

/** Who a document says the person is (CCCD / VNeID QR, BHYT card QR). */
export interface Demographics {
  readonly fullName: string;
  /** `YYYY-MM-DD`, or `YYYY` (BHYT cards of people with only a birth year). */
  readonly birthDate: string;
  readonly sex: Sex;
  readonly address: string | null;
}

export interface CardInput {
  readonly code: BhytCode;
  /** The whole card QR (validity, MA_DKBD, 5-years date), when the card was scanned. */
  readonly qr: BhytQr | null;
  readonly source: 'qr' | 'typed';
}

export interface ParsedInput {
  readonly kind: InputKind;
  /** Personal ID (12 digits) when the input carries one. */
  readonly personalId: string | null;
  /** Other identity document numbers (old CMND, passport, VNeID account). */
  readonly otherIds: readonly { system: IdentifierSystem; value: string }[];
  /** From a QR: enough to create the person when unknown. */
  readonly demographics: Demographics | null;
  /** Name + birth date lookup (no identifier given). */
  readonly nameBirth: { readonly nameKey: string; readonly birthDate: string } | null;
  readonly card: CardInput | null;
  /** Demographics printed on the card QR (to check the card belongs to this person). */
  readonly cardDemographics: Demographics | null;
  readonly warnings: readonly Problem[];
}

interface Draft {
  kind: InputKind;
  personalId: string | null;
  otherIds: { system: IdentifierSystem; value: string }[];
  demographics: Demographics | null;
  nameBirth: { nameKey: string; birthDate: string } | null;
  card: CardInput | null;
  cardDemographics: Demographics | null;
  warnings: Problem[];
}

const draft = (kind: InputKind): Draft => ({
  kind,
  personalId: null,
  otherIds: [],
  demographics: null,
  nameBirth: null,
  card: null,
  cardDemographics: null,
  warnings: [],
});

const fromCccd = (q: CccdQr): Demographics => ({
  fullName: q.fullName,
  birthDate: q.birthDate,
  sex: q.sex,
  address: q.address || null,
});

const fromBhytQr = (q: BhytQr): Demographics => ({
  fullName: q.fullName,
  birthDate: q.birthDate,
  sex: q.sex,
  address: q.address || null,
});

/** The ID card's own birth year must agree with its personal ID (a corrupted or forged QR otherwise). */
function assertIdMatchesBirth(warnings: readonly Problem[], birthDate: string): void {
  const w = warnings.find((p) => p.code === 'PERSONAL_ID_BIRTH_YEAR_MISMATCH');
  if (w) throw checkinErrors.birthYearMismatch(Number(w.details?.fromId ?? 0), birthDate);
}

function cccdDraft(kind: InputKind, q: CccdQr, warnings: readonly Problem[]): Draft {
  assertIdMatchesBirth(warnings, q.birthDate);
  const d = draft(kind);
  d.personalId = q.personalId.value;
  if (q.oldIdNumber && /^\d{9}$/.test(q.oldIdNumber))
    d.otherIds.push({ system: 'cmnd', value: q.oldIdNumber });
  d.demographics = fromCccd(q);
  d.warnings.push(...warnings);
  return d;
}

function bhytQrCard(q: BhytQr): CardInput {
  return { code: q.card, qr: q, source: 'qr' };
}

const looksLikeQr = (text: string): boolean => text.includes('|');

function fromText(text: string, today: string): Draft {
  const r = parseIdentityText(text, { today });
  if (!r.ok) throw looksLikeQr(text) ? checkinErrors.qrUnreadable(r.errors) : ApiError.badRequest(r.errors);
  const v = r.value;
  switch (v.kind) {
    case 'cccd':
      return cccdDraft('cccdQr', v.fields, r.warnings);
    case 'bhyt': {
      const d = draft('bhytQr');
      d.card = bhytQrCard(v.fields);
      d.demographics = fromBhytQr(v.fields);
      d.cardDemographics = d.demographics;
      d.warnings.push(...r.warnings);
      return d;
    }
    case 'personalId': {
      const d = draft('personalId');
      d.personalId = v.fields.value;
      d.warnings.push(...r.warnings);
      return d;
    }
    case 'cmnd': {
      const d = draft('cmnd');
      d.otherIds.push({ system: 'cmnd', value: v.fields.value });
      return d;
    }
    case 'passport': {
      const d = draft('passport');
      d.otherIds.push({ system: 'passport', value: v.fields.value });
      return d;
    }
    case 'bhytCode':
    case 'bhxhNumber': {
      const d = draft(v.kind);
      d.card = { code: v.fields, qr: null, source: 'typed' };
      d.warnings.push(...r.warnings);
      return d;
    }
    case 'facilityCode':
      throw checkinErrors.notAPerson();
  }
}

function fromVneid(text: string, today: string): Draft {
  if (looksLikeQr(text)) {
    const r = parseCccdQr(text, { today });
    if (!r.ok) throw checkinErrors.qrUnreadable(r.errors);
    return cccdDraft('vneid', r.value, r.warnings);
  }
  const value = normalizeIdentifier(text);
  const d = draft('vneid');
  if (/^\d{12}$/.test(value)) {
    const r = parsePersonalId(value, { today });
    if (!r.ok) throw ApiError.badRequest(r.errors);
    d.personalId = r.value.value;
  } else d.otherIds.push({ system: 'vneid', value });
  return d;
}

function typedCard(text: string): CardInput {
  const r = parseBhytCode(text);
  if (!r.ok) throw ApiError.badRequest(r.errors);
  return { code: r.value, qr: null, source: 'typed' };
}

function scannedCard(text: string): {
  card: CardInput;
  demographics: Demographics | null;
  warnings: readonly Problem[];
} {
  if (!looksLikeQr(text)) return { card: typedCard(text), demographics: null, warnings: [] };
  const r = parseBhytQr(text);
  if (!r.ok) throw checkinErrors.qrUnreadable(r.errors);
  return { card: bhytQrCard(r.value), demographics: fromBhytQr(r.value), warnings: r.warnings };
}

/**
 * Turn a check-in request into what to look for: identity (one of text, VNeID, personal ID, BHYT
 * code, name + birth date — in that order of precedence) and the BHYT card (from the identity, a
 * scanned card QR, or a typed code beside an ID). Pure; throws the specific ApiError of bad input.
 */
export function parseCheckinInput(b: PreviewBody, today: string): ParsedInput {
  let d: Draft;
  if (b.text !== undefined) d = fromText(b.text, today);
  else if (b.vneidCode !== undefined) d = fromVneid(b.vneidCode, today);
  else if (b.personalId !== undefined) {
    const r = parsePersonalId(b.personalId, { ...(b.birthDate ? { birthDate: b.birthDate } : {}), today });
    if (!r.ok) throw ApiError.badRequest(r.errors);
    if (b.birthDate) assertIdMatchesBirth(r.warnings, b.birthDate);
    d = draft('personalId');
    d.personalId = r.value.value;
    d.warnings.push(...r.warnings);
  } else if (b.bhytCode !== undefined) {
    const card = typedCard(b.bhytCode);
    d = draft(card.code.kind === 'bhxhNumber' ? 'bhxhNumber' : 'bhytCode');
    d.card = card;
  } else if (b.fullName !== undefined && b.birthDate !== undefined) {
    d = draft('nameBirthDate');
    d.nameBirth = { nameKey: nameKey(b.fullName), birthDate: b.birthDate };
  } else throw checkinErrors.inputMissing();

  // A card given besides the identity document.
  if (d.card === null) {
    if (b.cardText !== undefined) {
      const s = scannedCard(b.cardText);
      d.card = s.card;
      d.cardDemographics = s.demographics;
      d.warnings.push(...s.warnings);
    } else if (b.bhytCode !== undefined && d.kind !== 'bhytCode' && d.kind !== 'bhxhNumber') {
      d.card = typedCard(b.bhytCode);
    }
  }
  if (d.demographics && d.cardDemographics && d.demographics !== d.cardDemographics) {
    if (differences(d.demographics, d.cardDemographics).length === 2) throw checkinErrors.cardOfOtherPerson();
  }
  return d;
}

/** Same birth date, or the same year when one side only knows the year. */
export function sameBirth(a: string, b: string): boolean {
  if (a === b) return true;
  return (a.length === 4 || b.length === 4) && a.slice(0, 4) === b.slice(0, 4);
}

/** Which of name and birth date differ between two descriptions of a person (name: diacritics- and order-insensitive). */
export function differences(
  a: { fullName: string; birthDate: string },
  b: { fullName: string; birthDate: string },
): ('fullName' | 'birthDate')[] {
  const out: ('fullName' | 'birthDate')[] = [];
  if (nameKey(a.fullName) !== nameKey(b.fullName)) out.push('fullName');
  if (!sameBirth(a.birthDate, b.birthDate)) out.push('birthDate');
  return out;
}
