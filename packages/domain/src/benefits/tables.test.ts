import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_SALARIES, baseSalaryOn } from './base-salary.ts';
import { daysBetween } from './calendar.ts';
import { FACILITY_DEFAULTS, facilityDefaults } from './facility-defaults.ts';
import { formatPercent, formatVnd } from './format.ts';
import { listFullBenefitRules, smallCostRuleOn } from './full-benefit-rules.ts';

test('base salary table: contiguous, increasing, only the last row open', () => {
  BASE_SALARIES.forEach((row, i) => {
    const next = BASE_SALARIES[i + 1];
    assert.ok(row.validFrom !== null, row.id);
    if (next === undefined) {
      assert.equal(row.validTo, null, row.id);
      return;
    }
    assert.ok(row.validTo !== null && next.validFrom !== null, row.id);
    assert.equal(daysBetween(row.validTo, next.validFrom), 1, `${row.id} → ${next.id}`);
    assert.ok(next.amount > row.amount, next.id);
  });
  assert.equal(new Set(BASE_SALARIES.map((r) => r.id)).size, BASE_SALARIES.length);
});

const SALARY_CASES: readonly [string, number | undefined, string | undefined][] = [
  ['2013-06-30', undefined, undefined],
  ['2013-07-01', 1_150_000, 'LCS_2013_07'],
  ['2023-06-30', 1_490_000, 'LCS_2019_07'],
  ['2023-07-01', 1_800_000, 'LCS_2023_07'],
  ['2024-06-30', 1_800_000, 'LCS_2023_07'],
  ['2024-07-01', 2_340_000, 'LCS_2024_07'],
  ['2026-06-30', 2_340_000, 'LCS_2024_07'],
  ['2026-07-01', 2_530_000, 'LCS_2026_07'],
];
for (const [date, amount, id] of SALARY_CASES) {
  test(`base salary on ${date}`, () => {
    const row = baseSalaryOn(date);
    assert.equal(row?.amount, amount);
    assert.equal(row?.id, id);
  });
}

test('the 2026 base salary is flagged unconfirmed, the 2024 one is not', () => {
  assert.equal(baseSalaryOn('2026-07-01')?.confidence, 'unconfirmed');
  assert.equal(baseSalaryOn('2024-07-01')?.confidence, 'secondary');
});

test('full-benefit rules: unique ids, sources, 15 % and 6 months', () => {
  const rows = listFullBenefitRules();
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
  for (const r of rows) {
    assert.ok(r.source.document.length > 0);
    assert.ok(!r.routeStatuses.includes('self_referral'), r.id);
  }
  assert.equal(smallCostRuleOn('2026-01-01')?.percentOfBaseSalary, 15);
});

test('facility defaults cover every facility level once', () => {
  const levels = FACILITY_DEFAULTS.map((r) => r.level);
  assert.equal(new Set(levels).size, 5);
  assert.equal(facilityDefaults('commune_station')?.technicalLevel, 'ban_dau');
});

test('calendar and formatting helpers', () => {
  assert.equal(daysBetween('2024-12-31', '2025-01-01'), 1);
  assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
  assert.equal(daysBetween('2023-02-28', '2023-03-01'), 1);
  assert.equal(daysBetween('2025-01-01', '2024-01-01'), -366);
  assert.equal(daysBetween('2025-02-30', '2025-03-01'), null);
  assert.equal(formatVnd(351_000), '351.000');
  assert.equal(formatVnd(2_530_000), '2.530.000');
  assert.equal(formatVnd(999), '999');
  assert.equal(formatPercent(47.5), '47,5%');
  assert.equal(formatPercent(80), '80%');
});
