import { test } from 'node:test';
import assert from 'node:assert/strict';
import fixtures from '../data/qr-fixtures.synthetic.json' with { type: 'json' };
import { parseBhytQr } from '../identifiers/bhyt-qr.ts';
import { assessEligibility, eligibilityCardFromQr } from './eligibility.ts';
import type { Eligibility, EligibilityInput } from './eligibility-types.ts';
import { CARD, EMERGENCY, FACILITIES, INPATIENT, code, input } from './test-support.ts';

const warningCodes = (e: Eligibility) => e.warnings.map((w) => w.code).sort();

interface Case {
  readonly name: string;
  readonly input: EligibilityInput;
  readonly warnings?: readonly string[];
  readonly check?: (e: Eligibility) => void;
}

const CASES: readonly Case[] = [
  {
    name: 'registered facility, valid card: no warnings, desk reasons',
    input: input('2026-03-02', FACILITIES.registered),
    warnings: [],
    check: (e) => {
      assert.equal(e.cardStatus, 'valid');
      assert.equal(e.benefitLevel, 4);
      assert.equal(e.fundPaysPercent, 80);
      assert.equal(e.effectivePercent, 80);
      assert.equal(e.maDoiTuongKcb, '1.1');
      assert.equal(e.baseSalary, 2_340_000);
      assert.equal(e.smallCostThreshold, 351_000);
      assert.equal(e.smallCostApplies, true);
      assert.deepEqual(e.reasons, [
        'Thẻ còn giá trị sử dụng đến ngày 31/12/2030',
        'Mức hưởng theo thẻ: 80% (mã mức hưởng 4)',
        'Đúng tuyến: đăng ký KCB ban đầu tại cơ sở này',
        'Tỷ lệ hưởng theo tuyến: 100% (Luật BHYT 25/2008/QH12 (sửa đổi 2014, 2024), Đ26)',
        'Quỹ BHYT thanh toán 80% chi phí trong phạm vi hưởng',
        'Chi phí một lần khám dưới 351.000 đồng (15% lương cơ sở 2.340.000 đồng) được quỹ thanh toán 100%',
      ]);
    },
  },
  {
    name: 'expired card: effective 0, reason with the date',
    input: input('2026-01-05', FACILITIES.registered, undefined, { validTo: '2025-12-31' }),
    warnings: ['BHYT_CARD_EXPIRED'],
    check: (e) => {
      assert.equal(e.cardStatus, 'expired');
      assert.equal(e.effectivePercent, 0);
      assert.equal(e.smallCostApplies, false);
      assert.ok(e.reasons.includes('Thẻ hết hạn ngày 31/12/2025: quỹ BHYT không thanh toán'));
    },
  },
  {
    name: 'card not yet valid',
    input: input('2026-01-05', FACILITIES.registered, undefined, { validFrom: '2026-02-01' }),
    warnings: ['BHYT_CARD_NOT_YET_VALID'],
    check: (e) => {
      assert.equal(e.cardStatus, 'notYetValid');
      assert.equal(e.effectivePercent, 0);
      assert.ok(e.reasons.includes('Thẻ chưa có giá trị sử dụng: có giá trị từ ngày 01/02/2026'));
    },
  },
  {
    name: 'card expiring in exactly 30 days → warning',
    input: input('2025-12-01', FACILITIES.registered, undefined, { validTo: '2025-12-31' }),
    warnings: ['BHYT_CARD_EXPIRING_SOON'],
    check: (e) => {
      assert.equal(e.warnings[0]?.details?.daysLeft, 30);
    },
  },
  {
    name: 'card expiring in 31 days → no warning',
    input: input('2025-11-30', FACILITIES.registered, undefined, { validTo: '2025-12-31' }),
    warnings: [],
  },
  {
    name: 'last valid day',
    input: input('2025-12-31', FACILITIES.registered, undefined, { validTo: '2025-12-31' }),
    warnings: ['BHYT_CARD_EXPIRING_SOON'],
    check: (e) => {
      assert.equal(e.cardStatus, 'valid');
    },
  },
  {
    name: 'validity unknown (typed code): treated as valid with a warning',
    input: input('2026-03-02', FACILITIES.registered, undefined, { validFrom: null, validTo: null }),
    warnings: ['BHYT_CARD_VALIDITY_UNKNOWN'],
    check: (e) => {
      assert.equal(e.cardStatus, 'valid');
    },
  },
  {
    name: 'unknown object group AK: kept, warned',
    input: input('2026-03-02', FACILITIES.registered, undefined, { code: code('AK4920123456789') }),
    warnings: ['BHYT_OBJECT_GROUP_UNKNOWN'],
    check: (e) => {
      assert.equal(e.effectivePercent, 80);
    },
  },
  {
    name: 'temporary newborn code (TE1 + PP000)',
    input: input('2026-03-02', FACILITIES.communeSame, undefined, {
      code: code('TE1920123456789'),
      initialFacilityCode: '92000',
    }),
    warnings: ['BENEFIT_RULE_UNCONFIRMED', 'BHYT_TEMPORARY_NEWBORN_CODE'],
    check: (e) => {
      assert.equal(e.routeRule, 'NEW_PRIMARY_SAME_PROVINCE');
      assert.equal(e.effectivePercent, 100);
    },
  },
  {
    name: 'TE1 card with a real registered facility is not flagged',
    input: input('2026-03-02', FACILITIES.registered, undefined, { code: code('TE1920123456789') }),
    warnings: [],
  },
  {
    name: 'only the 10-digit mã số BHXH: level unknown',
    input: input('2026-03-02', FACILITIES.registered, undefined, { code: code('0123456789') }),
    warnings: ['BHYT_BENEFIT_LEVEL_UNKNOWN'],
    check: (e) => {
      assert.equal(e.benefitLevel, null);
      assert.equal(e.fundPaysPercent, null);
      assert.equal(e.effectivePercent, 0);
    },
  },
  {
    name: 'registered facility unknown: decided without it, warned',
    input: input('2026-03-02', FACILITIES.districtSame, undefined, { initialFacilityCode: null }),
    warnings: [
      'BENEFIT_RULE_UNCONFIRMED',
      'BHYT_INITIAL_FACILITY_UNKNOWN',
      'FACILITY_TECHNICAL_LEVEL_ASSUMED',
    ],
    check: (e) => {
      assert.equal(e.routeRule, 'NEW_BASIC_FORMER_DISTRICT');
      assert.equal(e.routeStatus, 'self_referral');
    },
  },
  {
    name: 'commune station on a correct route: 100 % whatever the level',
    input: input('2026-03-02', FACILITIES.communeSame),
    warnings: ['BENEFIT_RULE_UNCONFIRMED'],
    check: (e) => {
      assert.equal(e.fullBenefitRule, 'FULL_COMMUNE_STATION');
      assert.equal(e.levelPercentApplied, 100);
      assert.equal(e.effectivePercent, 100);
      assert.ok(e.reasons.some((r) => r.startsWith('Khám chữa bệnh tại trạm y tế xã')));
    },
  },
  {
    name: 'commune station in another province (self-referral): the card level applies',
    input: input('2026-03-02', FACILITIES.communeOther),
    warnings: ['BENEFIT_RULE_UNCONFIRMED'],
    check: (e) => {
      assert.equal(e.fullBenefitRule, null);
      assert.equal(e.effectivePercent, 80);
      assert.equal(e.smallCostApplies, false);
    },
  },
  {
    name: 'emergency anywhere: 100 % of the benefit, MA_DOITUONG_KCB 2',
    input: input('2026-03-02', FACILITIES.central, EMERGENCY),
    warnings: [],
    check: (e) => {
      assert.equal(e.routeStatus, 'emergency');
      assert.equal(e.maDoiTuongKcb, '2');
      assert.equal(e.effectivePercent, 80);
      assert.equal(e.smallCostApplies, true);
    },
  },
  {
    name: 'level 3 (95 %) × 50 % = 47.5 % (MUC_HUONG needs 4 characters from 07/2026)',
    input: input('2026-07-01', { ...FACILITIES.provincialOther, technicalLevel: 'co_ban' }, undefined, {
      code: code('HT3920123456789'),
    }),
    warnings: ['BASE_SALARY_UNCONFIRMED'],
    check: (e) => {
      assert.equal(e.effectivePercent, 47.5);
      assert.equal(e.baseSalary, 2_530_000);
      assert.equal(e.smallCostThreshold, 379_500);
      assert.ok(e.reasons.includes('Quỹ BHYT thanh toán 47,5% chi phí trong phạm vi hưởng (95% × 50%)'));
    },
  },
  {
    name: 'technical level assumed for a provincial hospital: warned when it decided the rule',
    input: input('2026-03-02', FACILITIES.provincialOther, INPATIENT),
    warnings: ['BENEFIT_RULE_UNCONFIRMED', 'FACILITY_TECHNICAL_LEVEL_ASSUMED'],
  },
  {
    name: 'technical level not needed before 2025: no assumption warning',
    input: input('2024-03-01', FACILITIES.provincialOther, INPATIENT),
    warnings: [],
  },
  {
    name: 'basic level without a score: provisional, warned',
    input: input('2026-03-02', FACILITIES.privateBasicUnscored),
    warnings: ['FACILITY_SCORE_MISSING'],
    check: (e) => {
      assert.equal(e.routeRule, 'NEW_OUTPATIENT_BASIC_UNDER_50');
    },
  },
  {
    name: 'private clinic with nothing declared: former level and technical level assumed',
    input: input('2025-03-01', { code: '79006', provinceCode: '79', level: 'private_clinic' }),
    warnings: [
      'BENEFIT_RULE_UNCONFIRMED',
      'FACILITY_FORMER_LEVEL_ASSUMED',
      'FACILITY_TECHNICAL_LEVEL_ASSUMED',
    ],
  },
  {
    name: 'invalid visit date: never throws, warned',
    input: input('31/12/2025', FACILITIES.registered),
    check: (e) => {
      assert.ok(warningCodes(e).includes('VISIT_DATE_INVALID'));
    },
  },
  {
    name: 'before the first base salary row',
    input: input('2012-01-01', FACILITIES.registered, undefined, { validFrom: '2010-01-01' }),
    warnings: ['BASE_SALARY_UNKNOWN'],
    check: (e) => {
      assert.equal(e.smallCostThreshold, null);
      assert.equal(e.smallCostApplies, false);
    },
  },
  {
    name: 'same province by the 2-digit province code even with a legacy facility code',
    input: input('2024-06-01', { code: '93123', provinceCode: '92', level: 'commune_station' }),
    check: (e) => {
      assert.equal(e.routeRule, 'OLD_SAME_PROVINCE_COMMUNE_DISTRICT');
    },
  },
];

for (const c of CASES) {
  test(`eligibility: ${c.name}`, () => {
    const e = assessEligibility(c.input);
    if (c.warnings) assert.deepEqual(warningCodes(e), [...c.warnings].sort());
    c.check?.(e);
  });
}

test('5-consecutive-years rule: date reached, correct route, ceiling = 6 months of base salary', () => {
  const from = { fiveYearsFrom: '2026-01-01' };
  const before = assessEligibility(input('2025-12-31', FACILITIES.registered, undefined, from));
  assert.deepEqual(before.fiveYearsRule, {
    canApply: false,
    from: '2026-01-01',
    annualCoPaymentCeiling: 14_040_000,
    rule: 'FULL_FIVE_YEARS',
  });
  const on = assessEligibility(input('2026-01-01', FACILITIES.registered, undefined, from));
  assert.equal(on.fiveYearsRule.canApply, true);
  assert.ok(on.reasons.some((r) => r.startsWith('Đủ 5 năm liên tục từ ngày 01/01/2026')));
  const after = assessEligibility(input('2026-07-01', FACILITIES.registered, undefined, from));
  assert.equal(after.fiveYearsRule.annualCoPaymentCeiling, 15_180_000);
  const selfReferred = assessEligibility(input('2026-03-02', FACILITIES.districtOther, undefined, from));
  assert.equal(selfReferred.routeStatus, 'self_referral');
  assert.equal(selfReferred.fiveYearsRule.canApply, false);
  const none = assessEligibility(input('2026-03-02', FACILITIES.registered));
  assert.equal(none.fiveYearsRule.canApply, false);
  assert.equal(none.fiveYearsRule.from, null);
});

test('small-cost threshold follows the base salary table on each boundary', () => {
  const threshold = (d: string) => assessEligibility(input(d, FACILITIES.registered)).smallCostThreshold;
  assert.equal(threshold('2023-06-30'), 223_500);
  assert.equal(threshold('2023-07-01'), 270_000);
  assert.equal(threshold('2024-06-30'), 270_000);
  assert.equal(threshold('2024-07-01'), 351_000);
  assert.equal(threshold('2026-06-30'), 351_000);
  assert.equal(threshold('2026-07-01'), 379_500);
});

test('fixture BHYT QR → eligibility card → assessment', () => {
  const qr = parseBhytQr(fixtures.bhyt_card_qr.raw);
  assert.ok(qr.ok);
  const card = eligibilityCardFromQr(qr.value);
  assert.deepEqual(
    { ...card, code: card.code.value },
    {
      code: 'HS4920123456789',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      initialFacilityCode: '92001',
      fiveYearsFrom: '2031-01-01',
    },
  );
  const e = assessEligibility({
    card,
    visitDate: '2026-05-04',
    facility: FACILITIES.registered,
    visit: { kind: 'outpatient', hasReferral: false },
  });
  assert.equal(e.routeRule, 'REGISTERED_FACILITY');
  assert.equal(e.fiveYearsRule.canApply, false);
  assert.deepEqual(e.warnings, []);
});

test('CARD fixture is what the other tests assume', () => {
  assert.equal(CARD.code.benefitLevel, 4);
  assert.equal(CARD.initialFacilityCode, '92001');
});
