/**
 * What care each member of a household gets in a time window: acute illnesses and injuries,
 * hypertension / diabetes follow-ups, childhood EPI vaccinations, antenatal care and deliveries.
 * Pure and deterministic: the same household, window and streams give the same plan.
 */
import { ageOn, fromEpochDay, toEpochDay } from './dates.ts';
import {
  ACUTE_CONDITIONS,
  ACUTE_RATE,
  CHRONIC_MANAGED_SHARE,
  ageGroup,
  chronicPrevalence,
  type AcuteCondition,
  type ChronicKind,
} from './episodes-conditions.ts';
import type { VaccineKey } from './episodes-catalogue.ts';
import type { SynthResident } from './persons.ts';
import type { Rng, StreamKey } from './prng.ts';
import { WeightedTable } from './weighted.ts';

export type IntentKind = 'acute' | 'chronic' | 'vaccination' | 'antenatal' | 'delivery';

/** One piece of care to turn into one episode (two when it involves a referral). */
export interface Intent {
  readonly person: SynthResident;
  /** Epoch day of the visit or admission. */
  readonly day: number;
  readonly kind: IntentKind;
  readonly acute?: AcuteCondition;
  readonly chronic?: ChronicKind;
  /** Chronic follow-up at the district centre (with labs) rather than the commune station. */
  readonly atCentre?: boolean;
  readonly vaccines?: readonly VaccineKey[];
  readonly vaccineIcd?: string;
  /** Delivery: the newborn (a member of the household) and the father when known. */
  readonly newborn?: SynthResident;
  readonly father?: SynthResident | null;
  readonly caesarean?: boolean;
}

/** EPI visits: age in days, vaccines given together, ICD-10 Z code (station-programmes.md §2.2). */
export const EPI_VISITS: readonly (readonly [days: number, vaccines: readonly VaccineKey[], icd: string])[] =
  [
    [7, ['bcg'], 'Z23.2'],
    [61, ['penta', 'bopv'], 'Z27.1'],
    [91, ['penta', 'bopv'], 'Z27.1'],
    [122, ['penta', 'bopv'], 'Z27.1'],
    [152, ['ipv'], 'Z24.0'],
    [274, ['measles', 'ipv'], 'Z24.4'],
    [365, ['je'], 'Z24.1'],
    [379, ['je'], 'Z24.1'],
    [548, ['dpt', 'mr'], 'Z27.8'],
    [730, ['je'], 'Z24.1'],
  ];
const EPI_COVERAGE = 0.95;
const CAESAREAN_SHARE = 0.36;

const ACUTE_TABLES = [0, 1, 2, 3].map(
  (g) =>
    new WeightedTable(
      ACUTE_CONDITIONS.filter((c) => (c.weights[g] ?? 0) > 0).map((c) => [c, c.weights[g] ?? 0] as const),
    ),
);

function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(rng.normal(lambda, Math.sqrt(lambda))));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.float();
  while (p > limit) {
    k++;
    p *= rng.float();
  }
  return k;
}

export interface PlanWindow {
  /** First epoch day (inclusive) and last (exclusive). */
  readonly start: number;
  readonly end: number;
  /** Reference day `YYYY-MM-DD` (ages). */
  readonly asOf: string;
}

/** Chronic conditions of a person: stable whatever the window (drawn from the person's own stream). */
export function chronicOf(person: SynthResident, chronicKey: StreamKey, asOf: string): ChronicKind | null {
  const age = ageOn(person.birthDate, asOf);
  const prev = chronicPrevalence(age);
  const rng = chronicKey.at(person.index);
  const htn = rng.chance(prev.htn);
  const dm = rng.chance(prev.dm);
  if (!rng.chance(CHRONIC_MANAGED_SHARE) || (!htn && !dm)) return null;
  return htn && dm ? 'both' : htn ? 'htn' : 'dm';
}

function acuteIntents(
  p: SynthResident,
  born: number,
  w: PlanWindow,
  rng: Rng,
  out: Intent[],
  atLeast = 0,
): void {
  const from = Math.max(w.start, born);
  if (from >= w.end) return;
  const years = (w.end - from) / 365;
  const age = ageOn(p.birthDate, w.asOf);
  const rate = ACUTE_RATE[ageGroup(age)] * (p.bhyt ? 1 : 0.5);
  const n = Math.max(atLeast, poisson(rng, rate * years));
  for (let i = 0; i < n; i++) {
    const day = from + rng.int(w.end - from);
    const ageThen = ageOn(p.birthDate, fromEpochDay(day));
    const table = ACUTE_TABLES[ageGroup(ageThen)];
    if (!table) continue;
    let condition = table.pick(rng);
    for (let tries = 0; condition.sex && condition.sex !== p.sex && tries < 5; tries++)
      condition = table.pick(rng);
    if (condition.sex && condition.sex !== p.sex) continue;
    out.push({ person: p, day, kind: 'acute', acute: condition });
  }
}

function chronicIntents(
  p: SynthResident,
  chronic: ChronicKind,
  w: PlanWindow,
  rng: Rng,
  out: Intent[],
): void {
  let day = w.start + rng.int(30);
  let visit = rng.int(3);
  while (day < w.end) {
    out.push({ person: p, day, kind: 'chronic', chronic, atCentre: visit % 3 === 0 });
    day += 28 + rng.int(8);
    visit++;
  }
}

function vaccinationIntents(p: SynthResident, born: number, w: PlanWindow, rng: Rng, out: Intent[]): void {
  for (const [days, vaccines, icd] of EPI_VISITS) {
    const day = born + days + rng.int(12);
    const given = rng.chance(EPI_COVERAGE);
    if (given && day >= w.start && day < w.end) {
      out.push({ person: p, day, kind: 'vaccination', vaccines, vaccineIcd: icd });
    }
  }
}

/** The mother of a household member born in the window, if she is in the household. */
function motherOf(child: SynthResident, members: readonly SynthResident[]): SynthResident | null {
  const born = toEpochDay(child.birthDate);
  const roles =
    child.householdRole === 'child'
      ? ['head', 'spouse']
      : child.householdRole === 'grandchild'
        ? ['child']
        : [];
  for (const m of members) {
    if (m.sex !== 'female' || !roles.includes(m.householdRole)) continue;
    const ageAtBirth = (born - toEpochDay(m.birthDate)) / 365.25;
    if (ageAtBirth >= 16 && ageAtBirth <= 49) return m;
  }
  return null;
}

function fatherOf(mother: SynthResident, members: readonly SynthResident[]): SynthResident | null {
  const partnerRoles = mother.householdRole === 'child' ? [] : ['head', 'spouse'];
  return (
    members.find((m) => m.sex === 'male' && partnerRoles.includes(m.householdRole) && m !== mother) ?? null
  );
}

function maternityIntents(members: readonly SynthResident[], w: PlanWindow, rng: Rng, out: Intent[]): void {
  for (const child of members) {
    const born = toEpochDay(child.birthDate);
    if (born < w.start - 280 || born >= w.end + 200) continue;
    const mother = motherOf(child, members);
    if (!mother) continue;
    if (born >= w.start && born < w.end) {
      out.push({
        person: mother,
        day: born,
        kind: 'delivery',
        newborn: child,
        father: fatherOf(mother, members),
        caesarean: rng.chance(CAESAREAN_SHARE),
      });
    }
    for (const before of [196, 119, 42]) {
      const day = born - before + rng.int(10);
      if (day >= w.start && day < w.end) out.push({ person: mother, day, kind: 'antenatal' });
    }
  }
}

/**
 * The care of one household in the window, in time order per person. `rng` is the household's
 * stream for this window; `chronicKey` fixes who has a managed chronic condition.
 */
export function planHousehold(
  members: readonly SynthResident[],
  w: PlanWindow,
  rng: Rng,
  chronicKey: StreamKey,
): Intent[] {
  const out: Intent[] = [];
  for (const p of members) {
    const born = toEpochDay(p.birthDate);
    acuteIntents(p, born, w, rng, out);
    const chronic = chronicOf(p, chronicKey, w.asOf);
    if (chronic) chronicIntents(p, chronic, w, rng, out);
    if (w.end - born < 800) vaccinationIntents(p, born, w, rng, out);
  }
  maternityIntents(members, w, rng, out);
  return out.sort((a, b) => a.person.index - b.person.index || a.day - b.day || kindOrder(a) - kindOrder(b));
}

const KIND_ORDER: Readonly<Record<IntentKind, number>> = {
  delivery: 0,
  antenatal: 1,
  vaccination: 2,
  chronic: 3,
  acute: 4,
};
const kindOrder = (i: Intent): number => KIND_ORDER[i.kind];

/** Acute intents only, at least one when the person lives in the window (tops up the count). */
export function planExtraAcute(p: SynthResident, w: PlanWindow, rng: Rng): Intent[] {
  const out: Intent[] = [];
  acuteIntents(p, toEpochDay(p.birthDate), w, rng, out, 1);
  return out.sort((a, b) => a.day - b.day);
}
