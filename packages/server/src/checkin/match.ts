import { problem, type Problem } from '@suckhoe/domain';
import { checkinErrors } from './errors.ts';
import { differences, type Demographics, type ParsedInput } from './input.ts';
import type { Candidate } from './repo.ts';

const IDENTITY_SYSTEMS = new Set(['personalId', 'cmnd', 'passport', 'vneid', 'cancelledPersonalId']);
const CARD_SYSTEMS = new Set(['bhyt', 'bhxh', 'bhytTemp']);

export interface Difference {
  field: 'fullName' | 'birthDate';
  record: string | null;
  document: string;
}

export interface PersonDecision {
  /** The registry's person, or null: create one from `create`. */
  readonly person: Candidate | null;
  readonly create: Demographics | null;
  readonly differences: readonly Difference[];
  readonly warnings: readonly Problem[];
}

/** Values of the input that identify the person, and those that identify the card. */
export function lookupKeys(p: ParsedInput): { identity: string[]; card: string[] } {
  const identity = [...(p.personalId ? [p.personalId] : []), ...p.otherIds.map((i) => i.value)];
  const card = p.card ? [p.card.code.value, ...(p.card.code.bhxhNumber ? [p.card.code.bhxhNumber] : [])] : [];
  return { identity: [...new Set(identity)], card: [...new Set(card)] };
}

const holds = (c: Candidate, keys: readonly string[], systems: ReadonlySet<string>): boolean =>
  keys.length > 0 &&
  ((systems.has('personalId') && c.personal_id !== null && keys.includes(c.personal_id)) ||
    c.identifiers.some((i) => systems.has(i.system) && keys.includes(i.value)));

/**
 * Who the input is, among the candidates found by its keys — or refuse:
 * - the identity document's numbers on two records, or the card's on two: IDENTIFIERS_OF_SEVERAL_PERSONS;
 * - the card on a different record than the identity document (or on a record with another personal
 *   ID): BHYT_CARD_OF_OTHER_PERSON;
 * - a QR whose numbers are on a record with a different name AND birth date: CCCD_PERSON_MISMATCH /
 *   BHYT_CARD_PERSON_MISMATCH (one of the two differing is reported, for the desk to correct);
 * - nobody found and nothing to create the person from: PERSON_NOT_FOUND; several for name + birth
 *   date: PERSON_AMBIGUOUS.
 */
export function decidePerson(p: ParsedInput, candidates: readonly Candidate[]): PersonDecision {
  if (p.nameBirth) {
    if (candidates.length === 0) throw checkinErrors.personNotFound();
    if (candidates.length > 1) throw checkinErrors.personAmbiguous(candidates.length);
    return { person: candidates[0]!, create: null, differences: [], warnings: [] };
  }
  const keys = lookupKeys(p);
  const byIdentity = candidates.filter((c) => holds(c, keys.identity, IDENTITY_SYSTEMS));
  const byCard = candidates.filter((c) => holds(c, keys.card, CARD_SYSTEMS));
  if (byIdentity.length > 1 || byCard.length > 1) throw checkinErrors.identifiersOfSeveralPersons();
  const a = byIdentity[0];
  const b = byCard[0];
  if (a && b && a.id !== b.id) throw checkinErrors.cardOfOtherPerson();
  if (!a && b && p.personalId && b.personal_id !== null && b.personal_id !== p.personalId) {
    throw checkinErrors.cardOfOtherPerson();
  }
  const person = a ?? b ?? null;
  if (!person) {
    if (!p.demographics) throw checkinErrors.personNotFound();
    return { person: null, create: p.demographics, differences: [], warnings: [] };
  }
  const record = { fullName: person.full_name, birthDate: person.birth_date };
  if (p.cardDemographics && p.cardDemographics !== p.demographics) {
    if (differences(record, p.cardDemographics).length === 2) throw checkinErrors.cardOfOtherPerson();
  }
  const out: Difference[] = [];
  const warnings: Problem[] = [];
  if (p.demographics) {
    const diff = differences(record, p.demographics);
    if (diff.length === 2) {
      throw p.kind === 'bhytQr' ? checkinErrors.bhytCardPersonMismatch() : checkinErrors.cccdPersonMismatch();
    }
    for (const field of diff) out.push({ field, record: record[field], document: p.demographics[field] });
    if (out.length > 0) {
      warnings.push(
        problem(
          'PERSON_DETAILS_DIFFER',
          `Thông tin trên giấy tờ khác hồ sơ (${out.map((d) => (d.field === 'fullName' ? 'họ tên' : 'ngày sinh')).join(', ')}); hãy kiểm tra và cập nhật hồ sơ nếu cần.`,
          out[0]!.field,
        ),
      );
    }
  }
  return { person, create: null, differences: out, warnings };
}
