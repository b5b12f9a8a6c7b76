import { normaliseNumericCode } from '../codes/validity.ts';
import { compactCode } from '../identifiers/clean.ts';
import { problem, type Problem } from '../problem.ts';
import type { EligibilityInput } from './eligibility-types.ts';
import { facilityDefaults } from './facility-defaults.ts';
import type { PredicateField, RouteFacts } from './route-match.ts';
import type { Confidence, FormerLevel, TechnicalLevel } from './types.ts';

/** Route facts plus what was assumed to get them (reported only if the outcome depended on it). */
export interface ResolvedFacts {
  readonly facts: RouteFacts;
  /** Problems to report when the given predicate field decided the outcome. */
  readonly assumptions: ReadonlyMap<PredicateField, Problem>;
  /** Problems to report whatever the outcome. */
  readonly warnings: readonly Problem[];
}

const LEVEL_NAMES: Readonly<Record<TechnicalLevel, string>> = {
  ban_dau: 'cấp ban đầu',
  co_ban: 'cấp cơ bản',
  chuyen_sau: 'cấp chuyên sâu',
};
const LINE_NAMES: Readonly<Record<FormerLevel, string>> = {
  central: 'tuyến trung ương',
  provincial: 'tuyến tỉnh',
  district: 'tuyến huyện',
  commune: 'tuyến xã',
};

const upperCode = (text: string | null | undefined): string => compactCode(text ?? '').toUpperCase();

/** Compute the facts the route rules test, from the check-in input. Never throws. */
export function resolveFacts(input: EligibilityInput): ResolvedFacts {
  const { card, facility, visit } = input;
  const warnings: Problem[] = [];
  const assumptions = new Map<PredicateField, Problem>();

  let defaults = facilityDefaults(facility.level);
  if (!defaults) {
    warnings.push(
      problem(
        'FACILITY_LEVEL_UNKNOWN',
        'Loại cơ sở khám chữa bệnh không có trong danh mục; tạm coi như phòng khám, hãy cập nhật danh mục cơ sở.',
        'facility.level',
        { level: facility.level },
      ),
    );
    defaults = facilityDefaults('private_clinic');
  }
  const technicalLevel: TechnicalLevel = facility.technicalLevel ?? defaults?.technicalLevel ?? 'ban_dau';
  const technicalConfidence: Confidence = defaults?.technicalLevelConfidence ?? 'unconfirmed';
  if (facility.technicalLevel === undefined && technicalConfidence === 'unconfirmed') {
    assumptions.set(
      'technicalLevel',
      problem(
        'FACILITY_TECHNICAL_LEVEL_ASSUMED',
        `Cơ sở chưa khai báo cấp chuyên môn kỹ thuật; tạm coi là ${LEVEL_NAMES[technicalLevel]}. Hãy cập nhật danh mục cơ sở.`,
        'facility.technicalLevel',
        { assumed: technicalLevel },
      ),
    );
  }
  const line: FormerLevel = facility.formerLevel ?? defaults?.formerLevel ?? 'commune';
  const lineConfidence: Confidence = defaults?.formerLevelConfidence ?? 'unconfirmed';
  if (facility.formerLevel === undefined && lineConfidence === 'unconfirmed') {
    assumptions.set(
      'line',
      problem(
        'FACILITY_FORMER_LEVEL_ASSUMED',
        `Cơ sở chưa khai báo tuyến trước năm 2025; tạm coi là ${LINE_NAMES[line]}. Hãy cập nhật danh mục cơ sở.`,
        'facility.formerLevel',
        { assumed: line },
      ),
    );
  }
  const score =
    typeof facility.score === 'number' && Number.isFinite(facility.score) && facility.score >= 0
      ? facility.score
      : null;
  if (score === null && technicalLevel === 'co_ban') {
    assumptions.set(
      'score',
      problem(
        'FACILITY_SCORE_MISSING',
        'Cơ sở cấp cơ bản chưa công bố điểm; tạm coi như cơ sở tạm xếp cấp cơ bản (dưới 50 điểm).',
        'facility.score',
      ),
    );
  }

  const initial = upperCode(card.initialFacilityCode);
  const known = /^[0-9A-Z]{5}$/.test(initial);
  if (!known) {
    const unknownInitial = problem(
      'BHYT_INITIAL_FACILITY_UNKNOWN',
      'Chưa rõ nơi đăng ký KCB ban đầu của thẻ; không xác định được đúng tuyến, hãy tra cứu trên cổng BHXH.',
      'card.initialFacilityCode',
    );
    assumptions.set('atRegisteredFacility', unknownInitial);
    assumptions.set('sameProvince', unknownInitial);
  }
  const here = upperCode(facility.code);
  const provinces = new Set([here.slice(0, 2), normaliseNumericCode(facility.provinceCode, 2) ?? '']);
  const facts: RouteFacts = {
    visitKind: visit.kind,
    atRegisteredFacility: known && initial === here,
    hasReferral: visit.hasReferral,
    temporaryResidence: visit.temporaryResidence === true,
    sameProvince: known && provinces.has(initial.slice(0, 2)),
    line,
    technicalLevel,
    score,
  };
  return { facts, assumptions, warnings };
}
