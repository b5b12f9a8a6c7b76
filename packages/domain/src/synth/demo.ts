import { nameKey, unaccent } from '../text.ts';
import type { DuplicateKind, DuplicateLink } from './duplicates.ts';
import { generateFacilities } from './facilities.ts';
import { DEFAULT_AS_OF, generatePersons } from './persons.ts';
import { streamKey, type Rng } from './prng.ts';
import type { SynthFacility, SynthPerson, SynthPersonRecord } from './types.ts';
import { synthUuid } from './uuid.ts';

export interface DemoOptions {
  /** Reference day for ages and card validity; pass today's date so that demo cards are current. */
  readonly asOf?: string;
  /** Number of generated residents (default 300). */
  readonly personCount?: number;
  /** Number of intentional probable duplicates (default 6). */
  readonly duplicateCount?: number;
}

export interface DemoProvince {
  readonly provinceCode: string;
  readonly asOf: string;
  readonly facilities: readonly SynthFacility[];
  /** Residents followed by the intentional duplicate records. */
  readonly persons: readonly SynthPersonRecord[];
  /**
   * The intentional probable duplicates: same unaccented name (any word order), birth date and
   * commune as a resident, but a missing or different personal ID, so the registry's review
   * queue has work to show.
   */
  readonly probableDuplicates: readonly DuplicateLink[];
}

const DEMO_PROVINCE = '92';

/** Variants that keep the name key, birth date and commune (the registry's probable-duplicate rule). */
const VARIANTS: readonly (readonly DuplicateKind[])[] = [
  ['missing_id', 'no_diacritics'],
  ['wrong_id_digit'],
  ['missing_id', 'swapped_name_order'],
  ['missing_id'],
  ['wrong_id_digit', 'no_diacritics'],
  ['missing_id', 'no_diacritics'],
];

function variantName(rng: Rng, fullName: string, kinds: readonly DuplicateKind[]): string {
  let name = fullName;
  if (kinds.includes('swapped_name_order')) {
    const [family = '', ...rest] = name.split(' ');
    const given = rest.pop() ?? '';
    name = [given, family, ...rest].filter(Boolean).join(' ');
  }
  if (kinds.includes('no_diacritics')) name = rng.chance(0.5) ? unaccent(name).toUpperCase() : unaccent(name);
  return name;
}

/** The personal ID with one serial digit mistyped, not colliding with anyone's. */
function mistypedId(rng: Rng, id: string, taken: ReadonlySet<string>): string {
  for (;;) {
    const pos = rng.range(6, 11);
    const digit = (Number(id.charAt(pos)) + 1 + rng.int(9)) % 10;
    const candidate = id.slice(0, pos) + String(digit) + id.slice(pos + 1);
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The small demo dataset seeded by `npm start`: all facilities of Cần Thơ, ~300 residents and a
 * handful of intentional probable duplicates. Deterministic for (seed, options).
 */
export function demoProvince(seed = 92, options: DemoOptions = {}): DemoProvince {
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const count = options.personCount ?? 300;
  const facilities = generateFacilities({ provinceCode: DEMO_PROVINCE, seed });
  const residents: SynthPerson[] = [...generatePersons({ provinceCode: DEMO_PROVINCE, count, seed, asOf })];
  const rng = streamKey(seed, 'demo-duplicates').at(0);
  const idKey = streamKey(seed, 'demo-duplicate-uuid');
  const wanted = Math.min(options.duplicateCount ?? VARIANTS.length, residents.length);

  // Candidates: adults whose (name key, birth date, commune) is unique among residents.
  const groups = new Map<string, number>();
  const keyOf = (p: SynthPersonRecord): string =>
    `${nameKey(p.fullName)}|${p.birthDate}|${p.address.communeCode}`;
  for (const p of residents) groups.set(keyOf(p), (groups.get(keyOf(p)) ?? 0) + 1);
  const candidates = residents.filter((p) => groups.get(keyOf(p)) === 1 && p.birthDate < '2008-01-01');
  const taken = new Set(residents.map((p) => p.personalId));
  const chosen = new Set<SynthPerson>();
  while (chosen.size < Math.min(wanted, candidates.length)) chosen.add(rng.pick(candidates));

  const duplicates: SynthPersonRecord[] = [];
  const links: DuplicateLink[] = [];
  [...chosen].forEach((original, i) => {
    const kinds = VARIANTS[i % VARIANTS.length] ?? ['missing_id'];
    const personalId = kinds.includes('missing_id') ? null : mistypedId(rng, original.personalId, taken);
    if (personalId !== null) taken.add(personalId);
    const record: SynthPersonRecord = {
      id: synthUuid(idKey, i),
      personalId,
      fullName: variantName(rng, original.fullName, kinds),
      birthDate: original.birthDate,
      sex: original.sex,
      ethnicCode: original.ethnicCode,
      address: { ...original.address },
      phone: rng.chance(0.5) ? original.phone : null,
      householdId: null,
      bhyt: null,
      oldCmnd: null,
    };
    const [kind = 'missing_id'] = kinds;
    duplicates.push(record);
    links.push({ originalId: original.id, duplicateId: record.id, kind, kinds });
  });

  return {
    provinceCode: DEMO_PROVINCE,
    asOf,
    facilities,
    persons: [...residents, ...duplicates],
    probableDuplicates: links,
  };
}
