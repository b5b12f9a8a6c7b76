import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { QUEUE_ESTIMATE_LIMITS, estimateWaitMinutes, formatTicketNumber } from './queue.ts';

const WAIT_CASES: readonly [string, Parameters<typeof estimateWaitMinutes>[0], number][] = [
  ['next in line waits nothing', { position: 1, servedLastHour: 12, defaultMinutesPerPatient: 5 }, 0],
  [
    'observed pace: 12/h = 5 min each, 3 ahead',
    { position: 4, servedLastHour: 12, defaultMinutesPerPatient: 10 },
    15,
  ],
  ['too few served: default pace', { position: 4, servedLastHour: 2, defaultMinutesPerPatient: 10 }, 30],
  ['nobody served yet: default pace', { position: 3, servedLastHour: 0, defaultMinutesPerPatient: 7 }, 14],
  [
    'very fast clinic floored at 1 min/patient',
    { position: 11, servedLastHour: 600, defaultMinutesPerPatient: 5 },
    10,
  ],
  [
    'slow default capped at 60 min/patient',
    { position: 3, servedLastHour: 0, defaultMinutesPerPatient: 600 },
    120,
  ],
  ['ceiling of a working day', { position: 1000, servedLastHour: 3, defaultMinutesPerPatient: 5 }, 480],
  [
    'bad default → fallback pace',
    { position: 3, servedLastHour: 0, defaultMinutesPerPatient: Number.NaN },
    10,
  ],
  ['position 0 or negative → no wait', { position: -4, servedLastHour: 10, defaultMinutesPerPatient: 5 }, 0],
  [
    'non-finite position → no wait',
    { position: Number.NaN, servedLastHour: 10, defaultMinutesPerPatient: 5 },
    0,
  ],
];

for (const [name, arg, want] of WAIT_CASES) {
  test(`estimateWaitMinutes: ${name}`, () => {
    assert.equal(estimateWaitMinutes(arg), want);
  });
}

test('property: wait is a whole number within bounds and never decreases with position', () => {
  const num = fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -10, max: 2000 }));
  fc.assert(
    fc.property(fc.integer({ min: -5, max: 5000 }), num, num, (position, served, dflt) => {
      const a = estimateWaitMinutes({ position, servedLastHour: served, defaultMinutesPerPatient: dflt });
      const b = estimateWaitMinutes({
        position: position + 1,
        servedLastHour: served,
        defaultMinutesPerPatient: dflt,
      });
      assert.ok(Number.isInteger(a) && a >= 0 && a <= QUEUE_ESTIMATE_LIMITS.maxWaitMinutes);
      assert.ok(b >= a);
    }),
  );
});

test('formatTicketNumber', () => {
  assert.equal(formatTicketNumber('K01', 7), 'K01-007');
  assert.equal(formatTicketNumber(' k01 ', 42), 'K01-042');
  assert.equal(formatTicketNumber('K01', 999), 'K01-999');
  assert.equal(formatTicketNumber('K01', 1234), 'K01-1234');
  for (const n of [0, -1, 1.5, Number.NaN]) assert.throws(() => formatTicketNumber('K01', n), RangeError);
  assert.throws(() => formatTicketNumber('  ', 1), RangeError);
});
