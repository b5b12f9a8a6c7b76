import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assessEligibility } from './eligibility.ts';
import type { EligibilityFacility, EligibilityVisit } from './eligibility-types.ts';
import { matchRouteRule, type RouteFacts } from './route-match.ts';
import { ROUTE_RULES, findRouteRule } from './route-rules.ts';
import type { RouteStatus } from './types.ts';
import { EMERGENCY, FACILITIES, INPATIENT, OUTPATIENT, input, type FacilityName } from './test-support.ts';

interface Case {
  readonly date: string;
  readonly facility: FacilityName | EligibilityFacility;
  readonly visit?: EligibilityVisit;
  readonly rule: string;
  readonly percent: number;
  readonly status: RouteStatus;
  readonly effective?: number;
}

const REFERRED: EligibilityVisit = { kind: 'outpatient', hasReferral: true };
const TEMP_RESIDENT: EligibilityVisit = { kind: 'outpatient', hasReferral: false, temporaryResidence: true };
const scored = (score: number): EligibilityFacility => ({ ...FACILITIES.privateBasicUnscored, score });

/** Each rule row on dates either side of its boundaries (and of the era boundaries). */
const CASES: readonly Case[] = [
  // Any date.
  {
    date: '2024-12-31',
    facility: 'central',
    visit: EMERGENCY,
    rule: 'EMERGENCY',
    percent: 100,
    status: 'emergency',
  },
  {
    date: '2025-01-01',
    facility: 'central',
    visit: EMERGENCY,
    rule: 'EMERGENCY',
    percent: 100,
    status: 'emergency',
  },
  {
    date: '2014-06-01',
    facility: 'central',
    visit: EMERGENCY,
    rule: 'EMERGENCY',
    percent: 100,
    status: 'emergency',
  },
  {
    date: '2024-12-31',
    facility: 'registered',
    rule: 'REGISTERED_FACILITY',
    percent: 100,
    status: 'correct',
  },
  {
    date: '2025-01-01',
    facility: 'registered',
    rule: 'REGISTERED_FACILITY',
    percent: 100,
    status: 'correct',
  },
  {
    date: '2026-07-01',
    facility: 'registered',
    rule: 'REGISTERED_FACILITY',
    percent: 100,
    status: 'correct',
  },
  // Referral: old paper until 2024, new slip from 2025.
  {
    date: '2024-12-31',
    facility: 'central',
    visit: REFERRED,
    rule: 'REFERRAL_OLD',
    percent: 100,
    status: 'referral',
  },
  {
    date: '2025-01-01',
    facility: 'central',
    visit: REFERRED,
    rule: 'REFERRAL_NEW',
    percent: 100,
    status: 'referral',
  },
  // Same-province commune / district (Đ22 k4 from 2016), then the new regime.
  { date: '2015-12-31', facility: 'communeSame', rule: 'OLD_OTHER', percent: 0, status: 'self_referral' },
  {
    date: '2016-01-01',
    facility: 'communeSame',
    rule: 'OLD_SAME_PROVINCE_COMMUNE_DISTRICT',
    percent: 100,
    status: 'correct',
    effective: 100,
  },
  {
    date: '2024-12-31',
    facility: 'districtSame',
    rule: 'OLD_SAME_PROVINCE_COMMUNE_DISTRICT',
    percent: 100,
    status: 'correct',
    effective: 80,
  },
  {
    date: '2025-01-01',
    facility: 'communeSame',
    rule: 'NEW_PRIMARY_SAME_PROVINCE',
    percent: 100,
    status: 'correct',
    effective: 100,
  },
  {
    date: '2025-01-01',
    facility: 'districtSame',
    rule: 'NEW_BASIC_FORMER_DISTRICT_SAME_PROVINCE',
    percent: 100,
    status: 'correct',
  },
  // District nationwide: 70 % in 2015, 100 % from 2016, then former-district basic level.
  {
    date: '2015-12-31',
    facility: 'districtOther',
    rule: 'OLD_DISTRICT_NATIONWIDE_2015',
    percent: 70,
    status: 'self_referral',
    effective: 56,
  },
  {
    date: '2016-01-01',
    facility: 'districtOther',
    rule: 'OLD_DISTRICT_NATIONWIDE',
    percent: 100,
    status: 'self_referral',
  },
  {
    date: '2024-12-31',
    facility: 'districtOther',
    rule: 'OLD_DISTRICT_NATIONWIDE',
    percent: 100,
    status: 'self_referral',
  },
  {
    date: '2025-01-01',
    facility: 'districtOther',
    rule: 'NEW_BASIC_FORMER_DISTRICT',
    percent: 100,
    status: 'self_referral',
  },
  {
    date: '2025-01-01',
    facility: 'districtOther',
    visit: INPATIENT,
    rule: 'NEW_BASIC_FORMER_DISTRICT',
    percent: 100,
    status: 'self_referral',
  },
  // Provincial inpatient: 60 % to 2020, 100 % from 2021, then basic / specialised level.
  {
    date: '2020-12-31',
    facility: 'provincialOther',
    visit: INPATIENT,
    rule: 'OLD_PROVINCIAL_INPATIENT_2015',
    percent: 60,
    status: 'self_referral',
    effective: 48,
  },
  {
    date: '2021-01-01',
    facility: 'provincialOther',
    visit: INPATIENT,
    rule: 'OLD_PROVINCIAL_INPATIENT',
    percent: 100,
    status: 'self_referral',
  },
  {
    date: '2024-12-31',
    facility: 'provincialOther',
    visit: INPATIENT,
    rule: 'OLD_PROVINCIAL_INPATIENT',
    percent: 100,
    status: 'self_referral',
  },
  {
    date: '2025-01-01',
    facility: 'provincialOther',
    visit: INPATIENT,
    rule: 'NEW_BASIC_INPATIENT',
    percent: 100,
    status: 'self_referral',
  },
  {
    date: '2025-01-01',
    facility: 'provincialSpecialised',
    visit: INPATIENT,
    rule: 'NEW_SPECIALISED_FORMER_PROVINCIAL_INPATIENT',
    percent: 100,
    status: 'self_referral',
  },
  // Provincial outpatient: 0 % until 30/06/2026, 50 % from 01/07/2026 (NĐ 188 Đ19 k3, k4).
  {
    date: '2024-12-31',
    facility: 'provincialOther',
    rule: 'OLD_PROVINCIAL_OUTPATIENT',
    percent: 0,
    status: 'self_referral',
    effective: 0,
  },
  {
    date: '2025-01-01',
    facility: 'provincialOther',
    rule: 'NEW_OUTPATIENT_BASIC_FORMER_PROVINCIAL_0',
    percent: 0,
    status: 'self_referral',
  },
  {
    date: '2026-06-30',
    facility: 'provincialOther',
    rule: 'NEW_OUTPATIENT_BASIC_FORMER_PROVINCIAL_0',
    percent: 0,
    status: 'self_referral',
  },
  {
    date: '2026-07-01',
    facility: 'provincialOther',
    rule: 'NEW_OUTPATIENT_BASIC_FORMER_PROVINCIAL_50',
    percent: 50,
    status: 'self_referral',
    effective: 40,
  },
  {
    date: '2026-06-30',
    facility: 'provincialSpecialised',
    rule: 'NEW_OTHER',
    percent: 0,
    status: 'self_referral',
  },
  {
    date: '2026-07-01',
    facility: 'provincialSpecialised',
    rule: 'NEW_OUTPATIENT_SPECIALISED_FORMER_PROVINCIAL_50',
    percent: 50,
    status: 'self_referral',
  },
  // Central: inpatient 40 % in both regimes, outpatient 0 %.
  {
    date: '2024-12-31',
    facility: 'central',
    visit: INPATIENT,
    rule: 'OLD_CENTRAL_INPATIENT',
    percent: 40,
    status: 'self_referral',
    effective: 32,
  },
  {
    date: '2025-01-01',
    facility: 'central',
    visit: INPATIENT,
    rule: 'NEW_SPECIALISED_INPATIENT',
    percent: 40,
    status: 'self_referral',
  },
  { date: '2024-12-31', facility: 'central', rule: 'OLD_OTHER', percent: 0, status: 'self_referral' },
  { date: '2025-01-01', facility: 'central', rule: 'NEW_OTHER', percent: 0, status: 'self_referral' },
  { date: '2026-07-01', facility: 'central', rule: 'NEW_OTHER', percent: 0, status: 'self_referral' },
  // Commune station in another province; temporary residence.
  { date: '2024-12-31', facility: 'communeOther', rule: 'OLD_OTHER', percent: 0, status: 'self_referral' },
  {
    date: '2025-01-01',
    facility: 'communeOther',
    rule: 'NEW_PRIMARY_NATIONWIDE',
    percent: 100,
    status: 'self_referral',
  },
  {
    date: '2024-12-31',
    facility: 'communeOther',
    visit: TEMP_RESIDENT,
    rule: 'OLD_OTHER',
    percent: 0,
    status: 'self_referral',
  },
  {
    date: '2025-01-01',
    facility: 'communeOther',
    visit: TEMP_RESIDENT,
    rule: 'NEW_TEMPORARY_RESIDENCE',
    percent: 100,
    status: 'correct',
    effective: 100,
  },
  // Basic level by score (NĐ 188 Đ19 k1, k2).
  {
    date: '2025-06-30',
    facility: 'privateBasicUnscored',
    rule: 'NEW_OTHER',
    percent: 0,
    status: 'self_referral',
  },
  {
    date: '2025-07-01',
    facility: 'privateBasicUnscored',
    rule: 'NEW_OUTPATIENT_BASIC_UNDER_50',
    percent: 100,
    status: 'self_referral',
  },
  {
    date: '2025-07-01',
    facility: scored(49.5),
    rule: 'NEW_OUTPATIENT_BASIC_UNDER_50',
    percent: 100,
    status: 'self_referral',
  },
  { date: '2026-06-30', facility: scored(50), rule: 'NEW_OTHER', percent: 0, status: 'self_referral' },
  {
    date: '2026-07-01',
    facility: scored(50),
    rule: 'NEW_OUTPATIENT_BASIC_50_70',
    percent: 50,
    status: 'self_referral',
  },
  {
    date: '2026-07-01',
    facility: scored(69.9),
    rule: 'NEW_OUTPATIENT_BASIC_50_70',
    percent: 50,
    status: 'self_referral',
  },
  { date: '2026-07-01', facility: scored(70), rule: 'NEW_OTHER', percent: 0, status: 'self_referral' },
  {
    date: '2026-07-01',
    facility: scored(70),
    visit: INPATIENT,
    rule: 'NEW_BASIC_INPATIENT',
    percent: 100,
    status: 'self_referral',
  },
  // Before the first era: only the undated rows.
  { date: '2014-12-31', facility: 'central', rule: 'NO_RULE', percent: 0, status: 'self_referral' },
];

for (const c of CASES) {
  const facility = typeof c.facility === 'string' ? FACILITIES[c.facility] : c.facility;
  const name =
    typeof c.facility === 'string' ? c.facility : `${c.facility.code} score ${String(c.facility.score)}`;
  test(`route ${c.date} ${name} ${(c.visit ?? OUTPATIENT).kind}${c.visit?.hasReferral ? ' +referral' : ''}${c.visit?.temporaryResidence ? ' +temporary' : ''} → ${c.rule}`, () => {
    const e = assessEligibility(input(c.date, facility, c.visit ?? OUTPATIENT));
    assert.equal(e.routeRule, c.rule);
    assert.equal(e.routeBenefitPercent, c.percent);
    assert.equal(e.routeStatus, c.status);
    if (c.effective !== undefined) assert.equal(e.effectivePercent, c.effective);
  });
}

test('every route rule row is exercised by the case table', () => {
  const covered = new Set(CASES.map((c) => c.rule));
  const missing = ROUTE_RULES.map((r) => r.id).filter((id) => !covered.has(id));
  assert.deepEqual(missing, []);
});

test('route rule table: unique ids, ordered dates, sources, percents, hints', () => {
  const ids = ROUTE_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of ROUTE_RULES) {
    assert.match(r.id, /^[A-Z0-9_]+$/);
    if (r.validFrom !== null && r.validTo !== null) assert.ok(r.validFrom <= r.validTo, r.id);
    assert.ok(r.source.document.length > 0, r.id);
    assert.ok(r.then.routePercent >= 0 && r.then.routePercent <= 100, r.id);
    assert.ok(r.then.reason.length > 0, r.id);
    assert.ok(r.then.maDoiTuongKcb === null || /^\d+(\.\d+)?$/.test(r.then.maDoiTuongKcb), r.id);
    assert.equal(findRouteRule(r.id), r);
  }
  assert.equal(findRouteRule('NOPE'), undefined);
});

test('catch-all rows have no conditions and no reachable row after them', () => {
  const overlaps = (a: { validFrom: string | null; validTo: string | null }, b: typeof a) =>
    (a.validFrom === null || b.validTo === null || a.validFrom <= b.validTo) &&
    (b.validFrom === null || a.validTo === null || b.validFrom <= a.validTo);
  for (const id of ['OLD_OTHER', 'NEW_OTHER']) {
    const i = ROUTE_RULES.findIndex((r) => r.id === id);
    const row = ROUTE_RULES[i];
    assert.ok(row, id);
    assert.deepEqual(row.when, {}, id);
    for (const later of ROUTE_RULES.slice(i + 1))
      assert.ok(!overlaps(row, later), `${later.id} unreachable after ${id}`);
  }
});

const isoDate = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const facts = fc.record<RouteFacts>({
  visitKind: fc.constantFrom('outpatient', 'inpatient', 'emergency'),
  atRegisteredFacility: fc.boolean(),
  hasReferral: fc.boolean(),
  temporaryResidence: fc.boolean(),
  sameProvince: fc.boolean(),
  line: fc.constantFrom('central', 'provincial', 'district', 'commune'),
  technicalLevel: fc.constantFrom('ban_dau', 'co_ban', 'chuyen_sau'),
  score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
});

test('property: from 2015 on, every visit matches a rule with a percent in 0–100', () => {
  fc.assert(
    fc.property(isoDate, facts, (date, f) => {
      const m = matchRouteRule(ROUTE_RULES, f, date);
      assert.ok(m, `no rule for ${date}`);
      assert.ok(m.rule.then.routePercent >= 0 && m.rule.then.routePercent <= 100);
      if (f.visitKind === 'emergency') assert.equal(m.rule.id, 'EMERGENCY');
    }),
  );
});

test('property: the route percent of a self-referral never exceeds that of the registered facility', () => {
  fc.assert(
    fc.property(isoDate, facts, (date, f) => {
      const here = matchRouteRule(ROUTE_RULES, f, date);
      const home = matchRouteRule(ROUTE_RULES, { ...f, atRegisteredFacility: true }, date);
      assert.ok(here && home);
      assert.ok(here.rule.then.routePercent <= home.rule.then.routePercent);
    }),
  );
});
