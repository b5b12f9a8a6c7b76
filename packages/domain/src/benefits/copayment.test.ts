import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { copayment, type Copayment } from './copayment.ts';
import { assessEligibility } from './eligibility.ts';
import type { EligibilityInput } from './eligibility-types.ts';
import { FACILITIES, INPATIENT, code, input } from './test-support.ts';

interface Case {
  readonly name: string;
  readonly input: EligibilityInput;
  readonly total: number;
  readonly coPaidThisYear?: number;
  readonly want: Copayment;
}

const REGISTERED = input('2026-03-02', FACILITIES.registered);
const CENTRAL_INPATIENT = input('2024-06-01', FACILITIES.central, INPATIENT);
const HALF_95 = input('2026-07-01', { ...FACILITIES.provincialOther, technicalLevel: 'co_ban' }, undefined, {
  code: code('HT3920123456789'),
});
const FIVE_YEARS = input('2026-03-02', FACILITIES.registered, undefined, { fiveYearsFrom: '2025-01-01' });

const CASES: readonly Case[] = [
  {
    name: 'below the small-cost threshold (351,000 on 2026-03-02): fund pays all',
    input: REGISTERED,
    total: 350_999,
    want: { fundPays: 350_999, patientPays: 0, percent: 100, basis: 'small_cost' },
  },
  {
    name: 'at the threshold: the card level applies',
    input: REGISTERED,
    total: 351_000,
    want: { fundPays: 280_800, patientPays: 70_200, percent: 80, basis: 'percent' },
  },
  {
    name: 'zero cost',
    input: REGISTERED,
    total: 0,
    want: { fundPays: 0, patientPays: 0, percent: 100, basis: 'small_cost' },
  },
  {
    name: 'self-referral inpatient at a central hospital: 80 % × 40 % = 32 %, no small-cost rule',
    input: CENTRAL_INPATIENT,
    total: 100_000,
    want: { fundPays: 32_000, patientPays: 68_000, percent: 32, basis: 'percent' },
  },
  {
    name: '47.5 %: rounded half up to whole đồng',
    input: HALF_95,
    total: 1_000_001,
    want: { fundPays: 475_000, patientPays: 525_001, percent: 47.5, basis: 'percent' },
  },
  {
    name: '47.5 % of 10 đồng = 4.75 → 5',
    input: HALF_95,
    total: 10,
    want: { fundPays: 5, patientPays: 5, percent: 47.5, basis: 'percent' },
  },
  {
    name: 'fractional amount rounded to whole đồng first',
    input: CENTRAL_INPATIENT,
    total: 100_000.4,
    want: { fundPays: 32_000, patientPays: 68_000, percent: 32, basis: 'percent' },
  },
  {
    name: 'expired card: patient pays all',
    input: input('2026-03-02', FACILITIES.registered, undefined, { validTo: '2025-12-31' }),
    total: 100_000,
    want: { fundPays: 0, patientPays: 100_000, percent: 0, basis: 'not_covered' },
  },
  {
    name: 'self-referral outpatient at a provincial hospital before 07/2026: not covered',
    input: input('2025-03-02', FACILITIES.provincialOther),
    total: 100_000,
    want: { fundPays: 0, patientPays: 100_000, percent: 0, basis: 'not_covered' },
  },
  {
    name: '5 years: co-payment capped at the room left under 6 months of base salary',
    input: FIVE_YEARS,
    total: 1_000_000,
    coPaidThisYear: 14_040_000 - 100_000,
    want: { fundPays: 900_000, patientPays: 100_000, percent: 80, basis: 'five_years_ceiling' },
  },
  {
    name: '5 years: ceiling already passed → fund pays all',
    input: FIVE_YEARS,
    total: 1_000_000,
    coPaidThisYear: 20_000_000,
    want: { fundPays: 1_000_000, patientPays: 0, percent: 80, basis: 'five_years_ceiling' },
  },
  {
    name: '5 years: far below the ceiling → normal split',
    input: FIVE_YEARS,
    total: 1_000_000,
    coPaidThisYear: 0,
    want: { fundPays: 800_000, patientPays: 200_000, percent: 80, basis: 'percent' },
  },
  {
    name: '5 years: ignored without the year-to-date co-payments',
    input: FIVE_YEARS,
    total: 1_000_000,
    want: { fundPays: 800_000, patientPays: 200_000, percent: 80, basis: 'percent' },
  },
];

for (const c of CASES) {
  test(`copayment: ${c.name}`, () => {
    const eligibility = assessEligibility(c.input);
    const got = copayment({
      eligibility,
      totalCovered: c.total,
      ...(c.coPaidThisYear === undefined ? {} : { coPaidThisYear: c.coPaidThisYear }),
    });
    assert.deepEqual(got, c.want);
  });
}

test('copayment rejects a negative or non-finite amount', () => {
  const eligibility = assessEligibility(REGISTERED);
  for (const totalCovered of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => copayment({ eligibility, totalCovered }), RangeError);
  }
});

test('property: fundPays + patientPays = total, both whole and non-negative, fund ≤ total', () => {
  const eligibilities = [REGISTERED, CENTRAL_INPATIENT, HALF_95, FIVE_YEARS].map(assessEligibility);
  fc.assert(
    fc.property(
      fc.constantFrom(...eligibilities),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
      (eligibility, total, coPaid) => {
        const r = copayment({
          eligibility,
          totalCovered: total,
          ...(coPaid === undefined ? {} : { coPaidThisYear: coPaid }),
        });
        assert.equal(r.fundPays + r.patientPays, total);
        assert.ok(Number.isSafeInteger(r.fundPays) && Number.isSafeInteger(r.patientPays));
        assert.ok(r.fundPays >= 0 && r.patientPays >= 0);
        assert.ok(r.percent >= 0 && r.percent <= 100);
      },
    ),
  );
});
