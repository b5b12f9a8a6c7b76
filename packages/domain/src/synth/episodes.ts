/**
 * Synthetic KCB episodes of a generated province, as XML 130 HOSO (tables XML1–XML14), streamed:
 * the care of each household (episodes-plan.ts) is turned into visits (episodes-visit.ts) and
 * tables (episodes-hoso.ts) one household at a time, so memory stays flat. Exactly `count`
 * episodes; deterministic for (seed, province, persons, count, asOf).
 */
import { fromEpochDay, toEpochDay } from './dates.ts';
import { assembleHoso } from './episodes-hoso.ts';
import { CareNetwork } from './episodes-network.ts';
import { planExtraAcute, planHousehold, type Intent, type PlanWindow } from './episodes-plan.ts';
import { visitsFor, type EpisodeKind, type Visit } from './episodes-visit.ts';
import { DEFAULT_AS_OF, generatePersons, type SynthResident } from './persons.ts';
import { streamKey, type Seed, type StreamKey } from './prng.ts';
import type { Hoso } from '../xml130/parse/model.ts';

export interface GenerateEpisodesOptions {
  readonly provinceCode: string;
  readonly seed: Seed;
  /** Persons of the province (the same `count` given to `generatePersons`). */
  readonly personCount: number;
  /** Number of episodes to yield. */
  readonly count: number;
  /** Reference day `YYYY-MM-DD`: episodes end before it (default `DEFAULT_AS_OF`). */
  readonly asOf?: string;
}

export interface SynthEpisode {
  /** Position in the stream (0-based). */
  readonly index: number;
  /** MA_LK: unique in the stream (`OP26000000017`: type, year, index). */
  readonly maLk: string;
  /** MA_CSKCB of the facility that sends it. */
  readonly facilityCode: string;
  readonly personId: string;
  readonly kind: EpisodeKind;
  /** XML1.NGAY_VAO (`yyyyMMddHHmm`). */
  readonly admittedAt: string;
  readonly hoso: Hoso;
}

/** Care of the first persons over one year, used to size the window for the requested count. */
const PILOT_PERSONS = 3000;

function* households(options: GenerateEpisodesOptions, asOf: string): Generator<SynthResident[]> {
  let current: SynthResident[] = [];
  for (const p of generatePersons({
    provinceCode: options.provinceCode,
    count: options.personCount,
    seed: options.seed,
    asOf,
  })) {
    if (current.length > 0 && current[0]?.householdId !== p.householdId) {
      yield current;
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) yield current;
}

const PREFIX: Readonly<Record<Visit['loaiKcb'], string>> = { '01': 'OP', '03': 'IP', '04': 'DT', '06': 'LT' };

class Stream {
  produced = 0;
  readonly network: CareNetwork;
  private readonly buildKey: StreamKey;

  constructor(
    readonly options: GenerateEpisodesOptions,
    readonly window: PlanWindow,
  ) {
    this.network = new CareNetwork(options.provinceCode, options.seed);
    this.buildKey = streamKey(options.seed, `episode-build:${options.provinceCode}`);
  }

  /** The episodes of one intent, or none when they would not all fit in the count. */
  episodes(intent: Intent): SynthEpisode[] {
    const rng = this.buildKey.at(this.produced);
    const visits = visitsFor({ network: this.network, end: this.window.end }, intent, rng);
    if (this.produced + visits.length > this.options.count) return [];
    return visits.map((v) => {
      const index = this.produced++;
      const year = fromEpochDay(Math.floor(v.arrival / 1440)).slice(2, 4);
      const maLk = `${PREFIX[v.loaiKcb]}${year}${String(index).padStart(9, '0')}`;
      const hoso = assembleHoso(v, {
        maLk,
        network: this.network,
        rng: this.buildKey.child('tables').at(index),
      });
      return {
        index,
        maLk,
        facilityCode: v.facility.code,
        personId: v.person.id,
        kind: v.kind,
        admittedAt: hoso.tables.XML1?.[0]?.NGAY_VAO ?? '',
        hoso,
      };
    });
  }
}

function pilotRate(options: GenerateEpisodesOptions, asOf: string, chronicKey: StreamKey): number {
  const end = toEpochDay(asOf);
  const w: PlanWindow = { start: end - 365, end, asOf };
  const key = streamKey(options.seed, `episode-pilot:${options.provinceCode}`);
  let persons = 0;
  let intents = 0;
  const pilot = { ...options, personCount: Math.min(options.personCount, PILOT_PERSONS) };
  for (const members of households(pilot, asOf)) {
    persons += members.length;
    intents += planHousehold(members, w, key.at(members[0]?.index ?? 0), chronicKey).length;
  }
  return persons > 0 ? intents / persons : 0;
}

/**
 * Stream `count` episodes of the province's residents: acute illnesses and injuries (outpatient,
 * some admitted or in day care, some referred with XML13), hypertension and diabetes follow-ups
 * at stations and district centres, EPI vaccinations, antenatal care and deliveries with birth
 * certificates, re-exam appointments (XML14). The window before `asOf` grows (up to 10 years) when
 * more episodes are asked for than a year of care produces.
 */
export function* generateEpisodes(
  options: GenerateEpisodesOptions,
): Generator<SynthEpisode, void, undefined> {
  if (!Number.isSafeInteger(options.count) || options.count < 0)
    throw new RangeError(`count must be ≥ 0, got ${options.count}`);
  if (options.count === 0 || options.personCount <= 0) {
    if (options.count > 0) throw new RangeError('episodes need persons (personCount ≥ 1)');
    return;
  }
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const p = options.provinceCode;
  const chronicKey = streamKey(options.seed, `chronic:${p}`);
  const perPersonYear = Math.max(0.1, pilotRate(options, asOf, chronicKey));
  const perYear = perPersonYear * options.personCount * 1.03; // referrals add a second episode
  const years = Math.min(10, Math.max(1, Math.ceil(options.count / (perYear * 0.92))));
  const end = toEpochDay(asOf);
  const window: PlanWindow = { start: end - 365 * years, end, asOf };
  const keep = Math.min(1, (options.count / (perYear * years)) * 0.96);
  const s = new Stream(options, window);
  const planKey = streamKey(options.seed, `episode-plan:${p}`);
  const keepKey = streamKey(options.seed, `episode-keep:${p}`);

  for (const members of households(options, asOf)) {
    const first = members[0]?.index ?? 0;
    const keepRng = keepKey.at(first);
    for (const intent of planHousehold(members, window, planKey.at(first), chronicKey)) {
      if (!keepRng.chance(keep)) continue;
      yield* s.episodes(intent);
      if (s.produced >= options.count) return;
    }
  }
  // Top up with more acute care, person by person, until the count is reached.
  for (let pass = 1; s.produced < options.count; pass++) {
    const extraKey = streamKey(options.seed, `episode-extra:${p}`).child(pass);
    const before = s.produced;
    for (const members of households(options, asOf)) {
      for (const person of members) {
        for (const intent of planExtraAcute(person, window, extraKey.at(person.index))) {
          yield* s.episodes(intent);
          if (s.produced >= options.count) return;
        }
      }
    }
    if (s.produced === before) throw new RangeError('no person can receive care in the window');
  }
}
