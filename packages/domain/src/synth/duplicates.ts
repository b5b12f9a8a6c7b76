import { communesOfProvince } from '../codes/communes.ts';
import { unaccent } from '../text.ts';
import { communePlaces, drawAddressLine } from './addresses.ts';
import { streamKey, type Rng, type Seed } from './prng.ts';
import { findProvinceProfile, provinceModel } from './province-model.ts';
import type { SynthPersonRecord } from './types.ts';
import { typoWord } from './typos.ts';
import { synthUuid } from './uuid.ts';
import { WeightedTable } from './weighted.ts';

/** How a near-duplicate record differs from the original. */
export type DuplicateKind =
  | 'no_diacritics'
  | 'typo'
  | 'swapped_name_order'
  | 'wrong_id_digit'
  | 'missing_id'
  | 'moved_commune'
  | 'day_month_swapped';

export const DUPLICATE_KINDS: readonly DuplicateKind[] = [
  'no_diacritics',
  'typo',
  'swapped_name_order',
  'wrong_id_digit',
  'missing_id',
  'moved_commune',
  'day_month_swapped',
];

/** A true link: `duplicateId` is the same human as `originalId`. */
export interface DuplicateLink {
  readonly originalId: string;
  readonly duplicateId: string;
  /** The main difference. */
  readonly kind: DuplicateKind;
  /** All differences applied (first = `kind`). */
  readonly kinds: readonly DuplicateKind[];
}

export interface DuplicateSet {
  readonly records: SynthPersonRecord[];
  readonly links: DuplicateLink[];
}

export interface GenerateDuplicateSetOptions {
  readonly persons: Iterable<SynthPersonRecord>;
  readonly seed: Seed;
  /** Share of persons that get a near-duplicate (0–1). */
  readonly rate: number;
  /** Restrict to these kinds (default: all). */
  readonly kinds?: readonly DuplicateKind[];
  /** Probability of a second, different perturbation on the same record (default 0.3). */
  readonly secondKindRate?: number;
  /**
   * Number of duplicate records produced by earlier calls on earlier persons (default 0), so that a
   * large population can be processed in chunks: the ids then continue where the last chunk stopped
   * and the result equals that of one call over all persons.
   */
  readonly idOffset?: number;
}

const KIND_WEIGHTS: Readonly<Record<DuplicateKind, number>> = {
  no_diacritics: 25,
  typo: 20,
  swapped_name_order: 8,
  wrong_id_digit: 12,
  missing_id: 20,
  moved_commune: 10,
  day_month_swapped: 5,
};

function applicable(kind: DuplicateKind, p: SynthPersonRecord): boolean {
  switch (kind) {
    case 'no_diacritics':
      return unaccent(p.fullName) !== p.fullName;
    case 'typo':
      return p.fullName.split(' ').some((w) => Array.from(w).length >= 2);
    case 'swapped_name_order':
      return p.fullName.split(' ').length >= 2;
    case 'wrong_id_digit':
    case 'missing_id':
      return p.personalId !== null;
    case 'moved_commune':
      return communesOfProvince(p.address.provinceCode).length > 1;
    case 'day_month_swapped': {
      const month = Number(p.birthDate.slice(5, 7));
      const day = Number(p.birthDate.slice(8, 10));
      return p.birthDate.length === 10 && day <= 12 && day !== month;
    }
  }
}

const CONFLICTS: ReadonlySet<string> = new Set(['wrong_id_digit|missing_id', 'missing_id|wrong_id_digit']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function changeDigit(rng: Rng, id: string): string {
  const pos = rng.range(6, id.length - 1);
  const old = Number(id.charAt(pos));
  const digit = (old + 1 + rng.int(9)) % 10;
  return id.slice(0, pos) + String(digit) + id.slice(pos + 1);
}

function apply(rng: Rng, kind: DuplicateKind, rec: Mutable<SynthPersonRecord>): void {
  switch (kind) {
    case 'no_diacritics': {
      const plain = unaccent(rec.fullName);
      rec.fullName = rng.chance(0.5) ? plain.toUpperCase() : plain;
      return;
    }
    case 'typo': {
      const words = rec.fullName.split(' ');
      const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => Array.from(w).length >= 2);
      const chosen = candidates.length > 1 ? rng.pick(candidates.slice(1)) : rng.pick(candidates);
      words[chosen[1]] = typoWord(rng, chosen[0]);
      rec.fullName = words.join(' ');
      return;
    }
    case 'swapped_name_order': {
      const [family = '', ...rest] = rec.fullName.split(' ');
      const given = rest.pop() ?? '';
      // "Nguyễn Văn An" typed given-name first: "An Nguyễn Văn".
      rec.fullName = [given, family, ...rest].filter(Boolean).join(' ');
      return;
    }
    case 'wrong_id_digit':
      if (rec.personalId !== null) rec.personalId = changeDigit(rng, rec.personalId);
      rec.bhyt = null;
      return;
    case 'missing_id':
      rec.personalId = null;
      rec.oldCmnd = null;
      rec.bhyt = null;
      return;
    case 'moved_commune': {
      const province = rec.address.provinceCode;
      const others = communesOfProvince(province).filter((c) => c.code !== rec.address.communeCode);
      const target = rng.pick(others);
      let line = rec.address.line;
      if (findProvinceProfile(province)) {
        const commune = provinceModel(province).communeByCode.get(target.code);
        if (commune) line = drawAddressLine(rng, communePlaces(rng, commune));
      }
      rec.address = { provinceCode: province, communeCode: target.code, line };
      return;
    }
    case 'day_month_swapped':
      rec.birthDate = `${rec.birthDate.slice(0, 5)}${rec.birthDate.slice(8, 10)}-${rec.birthDate.slice(5, 7)}`;
      return;
  }
}

/**
 * A labelled set of near-duplicate records for measuring person matching: for a share `rate` of
 * the given persons, a second record of the same human as typed elsewhere (no diacritics, a typo,
 * name order, a wrong or missing ID, a move, day and month swapped), with the list of true links.
 * Deterministic for (seed, persons); which persons are chosen depends only on their ids.
 */
export function generateDuplicateSet(options: GenerateDuplicateSetOptions): DuplicateSet {
  if (!(options.rate >= 0 && options.rate <= 1))
    throw new RangeError(`rate must be within 0–1, got ${options.rate}`);
  const allowed = options.kinds ?? DUPLICATE_KINDS;
  const secondRate = options.secondKindRate ?? 0.3;
  const key = streamKey(options.seed, 'duplicate');
  const idKey = streamKey(options.seed, 'duplicate-uuid');
  const idOffset = options.idOffset ?? 0;
  if (!Number.isSafeInteger(idOffset) || idOffset < 0)
    throw new RangeError(`idOffset must be a non-negative integer, got ${idOffset}`);
  const records: SynthPersonRecord[] = [];
  const links: DuplicateLink[] = [];
  for (const person of options.persons) {
    const rng = key.child(person.id).at(0);
    if (!rng.chance(options.rate)) continue;
    const possible = allowed.filter((k) => applicable(k, person));
    if (possible.length === 0) continue;
    const table = new WeightedTable(possible.map((k) => [k, KIND_WEIGHTS[k]] as const));
    const first = table.pick(rng);
    const kinds: DuplicateKind[] = [first];
    if (rng.chance(secondRate)) {
      const rest = possible.filter((k) => k !== first && !CONFLICTS.has(`${first}|${k}`));
      if (rest.length > 0) kinds.push(rng.pick(rest));
    }
    const rec: Mutable<SynthPersonRecord> = {
      ...person,
      id: synthUuid(idKey, idOffset + records.length),
      address: { ...person.address },
      householdId: null,
      phone: rng.chance(0.5) ? person.phone : null,
      bhyt: rng.chance(0.4) ? person.bhyt : null,
      oldCmnd: rng.chance(0.3) ? person.oldCmnd : null,
    };
    // Accents go last, so that a typo in a record typed without accents has none either.
    for (const k of kinds) if (k !== 'no_diacritics') apply(rng, k, rec);
    if (kinds.includes('no_diacritics')) apply(rng, 'no_diacritics', rec);
    // Keep only the fields of a person record (drop generator extras such as `index`).
    const clean: SynthPersonRecord = {
      id: rec.id,
      personalId: rec.personalId,
      fullName: rec.fullName,
      birthDate: rec.birthDate,
      sex: rec.sex,
      ethnicCode: rec.ethnicCode,
      address: rec.address,
      phone: rec.phone,
      householdId: rec.householdId,
      bhyt: rec.bhyt,
      oldCmnd: rec.oldCmnd,
    };
    records.push(clean);
    links.push({ originalId: person.id, duplicateId: clean.id, kind: first, kinds });
  }
  return { records, links };
}
