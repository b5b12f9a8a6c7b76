import { isValidOn } from '../codes/validity.ts';
import type { RoutePredicate, RouteRule, ScoreRange } from './route-rules.ts';
import type { FormerLevel, TechnicalLevel, VisitKind } from './types.ts';

/** The facts of one visit that the route rules are written against (see `RoutePredicate`). */
export interface RouteFacts {
  readonly visitKind: VisitKind;
  readonly atRegisteredFacility: boolean;
  readonly hasReferral: boolean;
  readonly temporaryResidence: boolean;
  readonly sameProvince: boolean;
  readonly line: FormerLevel;
  readonly technicalLevel: TechnicalLevel;
  /** Published facility score; null = not scored / provisionally classified. */
  readonly score: number | null;
}

export type PredicateField = keyof RoutePredicate;

type Matchers = {
  readonly [K in PredicateField]-?: (want: NonNullable<RoutePredicate[K]>, facts: RouteFacts) => boolean;
};

function inScoreRange(range: ScoreRange, score: number | null): boolean {
  if (score === null) return range.unscored;
  return (range.min === null || score >= range.min) && (range.below === null || score < range.below);
}

/** How each predicate field is tested against the facts; one entry per field. */
const MATCHERS: Matchers = {
  visitKind: (want, f) => want.includes(f.visitKind),
  atRegisteredFacility: (want, f) => want === f.atRegisteredFacility,
  hasReferral: (want, f) => want === f.hasReferral,
  temporaryResidence: (want, f) => want === f.temporaryResidence,
  sameProvince: (want, f) => want === f.sameProvince,
  line: (want, f) => want.includes(f.line),
  technicalLevel: (want, f) => want.includes(f.technicalLevel),
  score: (want, f) => inScoreRange(want, f.score),
};

function holds(predicate: RoutePredicate, key: PredicateField, facts: RouteFacts): boolean {
  const want = predicate[key];
  if (want === undefined) return true;
  // TypeScript cannot correlate MATCHERS[key] with predicate[key]; the mapped `Matchers` type guarantees it.
  const matcher = MATCHERS[key] as (w: typeof want, f: RouteFacts) => boolean;
  return matcher(want, facts);
}

/** Whether every condition of a predicate holds for the facts. */
export function predicateHolds(predicate: RoutePredicate, facts: RouteFacts): boolean {
  return (Object.keys(MATCHERS) as PredicateField[]).every((key) => holds(predicate, key, facts));
}

export interface RouteMatch {
  readonly rule: RouteRule;
  /**
   * Predicate fields of the rows examined up to and including the match: the facts the outcome
   * depended on (used to warn when one of them was assumed rather than known).
   */
  readonly decidingFields: ReadonlySet<PredicateField>;
}

/** First rule valid on `onDate` whose predicate holds; undefined when no row covers the date. */
export function matchRouteRule(
  rules: readonly RouteRule[],
  facts: RouteFacts,
  onDate: string,
): RouteMatch | undefined {
  const deciding = new Set<PredicateField>();
  for (const rule of rules) {
    if (!isValidOn(rule, onDate)) continue;
    for (const key of Object.keys(rule.when) as PredicateField[]) deciding.add(key);
    if (predicateHolds(rule.when, facts)) return { rule, decidingFields: deciding };
  }
  return undefined;
}
