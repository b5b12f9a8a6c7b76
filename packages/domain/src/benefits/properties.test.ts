import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { listBhytObjectGroups } from '../codes/bhyt-object-groups.ts';
import { parseBhytCode } from '../identifiers/bhyt-code.ts';
import { copayment } from './copayment.ts';
import { assessEligibility } from './eligibility.ts';
import type { EligibilityFacility, EligibilityInput } from './eligibility-types.ts';
import { findRouteRule } from './route-rules.ts';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const letters = fc
  .array(fc.integer({ min: 65, max: 90 }), { minLength: 2, maxLength: 2 })
  .map((a) => String.fromCharCode(...a));
const group = fc.oneof(fc.constantFrom(...listBhytObjectGroups().map((g) => g.code)), letters);
const cardText = fc.oneof(
  fc
    .tuple(group, fc.integer({ min: 0, max: 9 }), digits(2), digits(10))
    .map(([g, l, p, n]) => `${g}${l}${p}${n}`),
  digits(10),
);
const isoDate = fc
  .date({ min: new Date('2012-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const maybeDate = fc.oneof(isoDate, fc.constant(null), fc.string({ maxLength: 12 }));
const facilityCode = fc.oneof(
  fc.constantFrom('92001', '92002', '79001', '01001', '92000'),
  digits(5),
  fc.string({ maxLength: 6 }),
);
const facility = fc.record<EligibilityFacility>(
  {
    code: facilityCode,
    provinceCode: fc.oneof(fc.constantFrom('92', '79', '01'), fc.string({ maxLength: 3 })),
    level: fc.constantFrom(
      'central_hospital',
      'provincial_hospital',
      'district_centre',
      'commune_station',
      'private_clinic',
    ),
    technicalLevel: fc.constantFrom('ban_dau', 'co_ban', 'chuyen_sau'),
    score: fc.oneof(fc.double({ min: -10, max: 110 }), fc.integer({ min: 0, max: 100 })),
    formerLevel: fc.constantFrom('central', 'provincial', 'district', 'commune'),
  },
  { requiredKeys: ['code', 'provinceCode', 'level'] },
);

const eligibilityInput = fc
  .record({
    text: cardText,
    validFrom: maybeDate,
    validTo: maybeDate,
    initialFacilityCode: fc.oneof(facilityCode, fc.constant(null)),
    fiveYearsFrom: maybeDate,
    visitDate: fc.oneof(isoDate, isoDate, isoDate, fc.string({ maxLength: 12 })),
    facility,
    kind: fc.constantFrom('outpatient', 'inpatient', 'emergency'),
    hasReferral: fc.boolean(),
    temporaryResidence: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((r): EligibilityInput | null => {
    const parsed = parseBhytCode(r.text);
    if (!parsed.ok) return null;
    return {
      card: {
        code: parsed.value,
        validFrom: r.validFrom,
        validTo: r.validTo,
        initialFacilityCode: r.initialFacilityCode,
        fiveYearsFrom: r.fiveYearsFrom,
      },
      visitDate: r.visitDate,
      facility: r.facility,
      visit: {
        kind: r.kind,
        hasReferral: r.hasReferral,
        ...(r.temporaryResidence === undefined ? {} : { temporaryResidence: r.temporaryResidence }),
      },
    };
  })
  .filter((x): x is EligibilityInput => x !== null);

test('property: never throws for any parsed card; percents within 0–100; consistent result', () => {
  fc.assert(
    fc.property(eligibilityInput, (inp) => {
      const e = assessEligibility(inp);
      for (const p of [e.effectivePercent, e.routeBenefitPercent, e.levelPercentApplied]) {
        assert.ok(p >= 0 && p <= 100, String(p));
      }
      assert.ok(e.effectivePercent <= e.levelPercentApplied);
      assert.ok(e.effectivePercent <= e.routeBenefitPercent);
      if (e.cardStatus !== 'valid') assert.equal(e.effectivePercent, 0);
      assert.ok(e.routeRule === 'NO_RULE' || findRouteRule(e.routeRule) !== undefined);
      assert.ok(e.reasons.length >= 2);
      const codes = e.warnings.map((w) => w.code);
      assert.equal(new Set(codes).size, codes.length);
      for (const w of e.warnings) assert.match(w.code, /^[A-Z][A-Z0-9_]+$/);
      if (e.smallCostThreshold !== null) assert.ok(Number.isSafeInteger(e.smallCostThreshold));
    }),
    { numRuns: 500 },
  );
});

test('property: copayment of any assessment splits the total exactly', () => {
  fc.assert(
    fc.property(eligibilityInput, fc.integer({ min: 0, max: 10_000_000_000 }), (inp, total) => {
      const r = copayment({ eligibility: assessEligibility(inp), totalCovered: total });
      assert.equal(r.fundPays + r.patientPays, total);
      assert.ok(r.fundPays >= 0 && r.patientPays >= 0);
    }),
  );
});
