import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, addMonths, addYears, ageOn, fromEpochDay, isIsoDate, toEpochDay } from './dates.ts';

test('epoch-day conversion agrees with Date (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
      const iso = fromEpochDay(day);
      assert.equal(iso, new Date(day * 86_400_000).toISOString().slice(0, 10));
      assert.equal(toEpochDay(iso), day);
      assert.ok(isIsoDate(iso));
    }),
  );
});

test('month arithmetic clamps to month length; ages count completed years', () => {
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
  assert.equal(addMonths('2025-03-15', -15), '2023-12-15');
  assert.equal(addYears('2024-02-29', 1), '2025-02-28');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(ageOn('2000-07-02', '2026-07-01'), 25);
  assert.equal(ageOn('2000-07-01', '2026-07-01'), 26);
  assert.ok(!isIsoDate('2025-02-29'));
  assert.ok(!isIsoDate('2025-13-01'));
});
