import type { BhytQr } from '../identifiers/bhyt-qr.ts';
import { isIsoDate, toSlashDmy } from '../identifiers/dates.ts';
import { problem, type Problem } from '../problem.ts';
import { baseSalaryOn } from './base-salary.ts';
import { checkCard } from './card-checks.ts';
import { formatSource } from './dated.ts';
import type { Eligibility, EligibilityCard, EligibilityInput, FiveYearsStatus } from './eligibility-types.ts';
import { resolveFacts } from './facts.ts';
import { formatPercent, formatVnd } from './format.ts';
import { communeStationRuleOn, fiveYearsRuleOn, smallCostRuleOn } from './full-benefit-rules.ts';
import { matchRouteRule } from './route-match.ts';
import { ROUTE_RULES } from './route-rules.ts';
import type { Confidence, RouteStatus } from './types.ts';

/** The card part of a parsed BHYT QR, as `assessEligibility` takes it. */
export function eligibilityCardFromQr(qr: BhytQr): EligibilityCard {
  return {
    code: qr.card,
    validFrom: qr.validFrom,
    validTo: qr.validTo,
    initialFacilityCode: qr.initialFacilityCode,
    fiveYearsFrom: qr.fiveYearsFrom,
  };
}

const NO_RULE = 'NO_RULE';

/** Fund share in percent, 2 decimals (95 × 50 % = 47.5). */
function multiplyPercent(levelPercent: number, routePercent: number): number {
  return Math.round(levelPercent * routePercent) / 100;
}

function uniqueByCode(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.code) ? false : (seen.add(p.code), true)));
}

/**
 * BHYT eligibility and benefit for one visit, from the dated rule tables (route rules, base salary,
 * full-benefit rules). Pure and total: never throws; doubtful inputs give warnings.
 */
export function assessEligibility(input: EligibilityInput): Eligibility {
  const { visitDate } = input;
  const warnings: Problem[] = [];
  if (!isIsoDate(visitDate)) {
    warnings.push(
      problem('VISIT_DATE_INVALID', `Ngày khám "${visitDate}" không hợp lệ (dạng YYYY-MM-DD).`, 'visitDate'),
    );
  }
  const card = checkCard(input.card, visitDate);
  warnings.push(...card.warnings);
  const reasons = [...card.reasons];
  const valid = card.status === 'valid';

  // Route.
  const resolved = resolveFacts(input);
  warnings.push(...resolved.warnings);
  const match = matchRouteRule(ROUTE_RULES, resolved.facts, visitDate);
  let routeStatus: RouteStatus = 'self_referral';
  let routeRule = NO_RULE;
  let routeRuleConfidence: Confidence = 'unconfirmed';
  let routePercent = 0;
  let maDoiTuongKcb: string | null = null;
  if (match) {
    const { rule } = match;
    ({ routeStatus, routePercent, maDoiTuongKcb } = rule.then);
    routeRule = rule.id;
    routeRuleConfidence = rule.confidence;
    for (const field of match.decidingFields) {
      const assumed = resolved.assumptions.get(field);
      if (assumed) warnings.push(assumed);
    }
    if (rule.confidence === 'unconfirmed') {
      warnings.push(
        problem(
          'BENEFIT_RULE_UNCONFIRMED',
          `Quy tắc ${rule.id} chưa được đối chiếu với văn bản gốc; hãy kiểm tra lại mức hưởng theo tuyến.`,
          'routeRule',
          { rule: rule.id },
        ),
      );
    }
    reasons.push(rule.then.reason);
    reasons.push(`Tỷ lệ hưởng theo tuyến: ${formatPercent(routePercent)} (${formatSource(rule.source)})`);
  } else {
    warnings.push(
      problem(
        'BENEFIT_RULE_NOT_FOUND',
        'Không có quy tắc mức hưởng theo tuyến cho ngày khám này; hãy xác định thủ công.',
        'routeRule',
        { visitDate },
      ),
    );
    reasons.push('Không xác định được mức hưởng theo tuyến cho ngày khám này');
  }
  const onCorrectRoute = (statuses: readonly RouteStatus[]) => valid && statuses.includes(routeStatus);

  // Level percent, commune-station exemption, effective percent.
  const level = input.card.code.fundPaysPercent;
  const commune = communeStationRuleOn(visitDate);
  const communeApplies =
    commune !== undefined &&
    commune.facilityLevels.includes(input.facility.level) &&
    onCorrectRoute(commune.routeStatuses);
  const levelPercentApplied = communeApplies ? 100 : (level ?? 0);
  if (communeApplies && level !== 100) {
    reasons.push('Khám chữa bệnh tại trạm y tế xã: quỹ thanh toán 100% chi phí trong phạm vi hưởng');
  }
  const effectivePercent = valid ? multiplyPercent(levelPercentApplied, routePercent) : 0;
  if (valid) {
    const detail =
      routePercent === 100 || effectivePercent === 0
        ? ''
        : ` (${formatPercent(levelPercentApplied)} × ${formatPercent(routePercent)})`;
    reasons.push(
      `Quỹ BHYT thanh toán ${formatPercent(effectivePercent)} chi phí trong phạm vi hưởng${detail}`,
    );
  }

  // Base salary and the thresholds derived from it.
  const salary = baseSalaryOn(visitDate);
  if (!salary) {
    warnings.push(
      problem(
        'BASE_SALARY_UNKNOWN',
        'Không có mức lương cơ sở cho ngày khám này; không tính được ngưỡng 15% lương cơ sở.',
        'visitDate',
      ),
    );
  } else if (salary.confidence === 'unconfirmed') {
    warnings.push(
      problem(
        'BASE_SALARY_UNCONFIRMED',
        `Mức lương cơ sở ${formatVnd(salary.amount)} đồng áp dụng từ ${salary.validFrom === null ? '' : toSlashDmy(salary.validFrom)} chưa được xác nhận bằng văn bản.`,
        'baseSalary',
        { rule: salary.id, amount: salary.amount },
      ),
    );
  }
  const baseSalary = salary?.amount ?? null;

  const small = smallCostRuleOn(visitDate);
  let smallCostThreshold: number | null = null;
  let smallCostApplies = false;
  if (small && baseSalary !== null) {
    const threshold = Math.round((baseSalary * small.percentOfBaseSalary) / 100);
    smallCostThreshold = threshold;
    smallCostApplies = onCorrectRoute(small.routeStatuses);
    if (smallCostApplies && effectivePercent < 100) {
      reasons.push(
        `Chi phí một lần khám dưới ${formatVnd(threshold)} đồng (${formatPercent(small.percentOfBaseSalary)} lương cơ sở ${formatVnd(baseSalary)} đồng) được quỹ thanh toán 100%`,
      );
    }
  }

  const fiveYearsRule = fiveYearsStatus(
    input.card.fiveYearsFrom ?? null,
    visitDate,
    baseSalary,
    onCorrectRoute,
  );
  if (fiveYearsRule.canApply && fiveYearsRule.from !== null && effectivePercent < 100) {
    const ceiling =
      fiveYearsRule.annualCoPaymentCeiling === null
        ? ''
        : ` vượt ${formatVnd(fiveYearsRule.annualCoPaymentCeiling)} đồng`;
    reasons.push(
      `Đủ 5 năm liên tục từ ngày ${toSlashDmy(fiveYearsRule.from)}: phần cùng chi trả trong năm${ceiling} được quỹ thanh toán`,
    );
  }

  return {
    visitDate,
    cardStatus: card.status,
    benefitLevel: input.card.code.benefitLevel,
    fundPaysPercent: level,
    routeStatus,
    routeRule,
    routeRuleConfidence,
    routeBenefitPercent: routePercent,
    fullBenefitRule: communeApplies ? commune.id : null,
    levelPercentApplied,
    effectivePercent,
    baseSalary,
    smallCostThreshold,
    smallCostApplies,
    fiveYearsRule,
    maDoiTuongKcb,
    warnings: uniqueByCode(warnings),
    reasons,
  };
}

function fiveYearsStatus(
  from: string | null,
  visitDate: string,
  baseSalary: number | null,
  onCorrectRoute: (statuses: readonly RouteStatus[]) => boolean,
): FiveYearsStatus {
  const rule = fiveYearsRuleOn(visitDate);
  const since = from !== null && isIsoDate(from) ? from : null;
  return {
    canApply:
      rule !== undefined && since !== null && since <= visitDate && onCorrectRoute(rule.routeStatuses),
    from: since,
    annualCoPaymentCeiling: rule && baseSalary !== null ? baseSalary * rule.monthsOfBaseSalary : null,
    rule: rule?.id ?? null,
  };
}
