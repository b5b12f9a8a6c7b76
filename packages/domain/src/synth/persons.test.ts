import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findCommune } from '../codes/communes.ts';
import { findEthnicGroup } from '../codes/ethnic-groups.ts';
import { findBhytObjectGroup } from '../codes/bhyt-object-groups.ts';
import { parseBhytCode } from '../identifiers/bhyt-code.ts';
import { parseFacilityCode } from '../identifiers/facility-code.ts';
import { parsePersonalId } from '../identifiers/personal-id.ts';
import { ageOn, isIsoDate } from './dates.ts';
import { generateFacilities } from './facilities.ts';
import { DEFAULT_AS_OF, generatePersons, type SynthResident } from './persons.ts';

const ASOF = DEFAULT_AS_OF;
const take = (seed: number | string, count: number, startIndex = 0): SynthResident[] => [
  ...generatePersons({ provinceCode: '92', count, seed, startIndex }),
];

/** Every check a generated person must pass; returns the problems found. */
function checkPerson(p: SynthResident, facilityCodes: ReadonlyMap<string, string>, asOf = ASOF): string[] {
  const out: string[] = [];
  const id = parsePersonalId(p.personalId, { birthDate: p.birthDate, sex: p.sex, today: asOf });
  if (!id.ok) out.push(`personalId ${p.personalId}: ${id.errors.map((e) => e.code).join()}`);
  else {
    const unexpected = id.warnings.filter((w) => w.code !== 'PERSONAL_ID_ABROAD_COUNTRY_UNVERIFIED');
    if (unexpected.length > 0) out.push(`personalId warnings ${unexpected.map((w) => w.code).join()}`);
  }
  if (!isIsoDate(p.birthDate) || p.birthDate > asOf) out.push(`birthDate ${p.birthDate}`);
  if (
    p.fullName !== p.fullName.normalize('NFC') ||
    !/^\p{Lu}\p{Ll}*( \p{Lu}\p{Ll}*){1,5}$/u.test(p.fullName)
  ) {
    out.push(`fullName ${p.fullName}`);
  }
  const commune = findCommune(p.address.communeCode);
  if (!commune || commune.provinceCode !== '92' || p.address.provinceCode !== '92') out.push('commune');
  if (p.address.line.trim() === '' || p.address.line !== p.address.line.normalize('NFC')) out.push('line');
  if (!/^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/.test(p.phone)) out.push(`phone ${p.phone}`);
  if (!findEthnicGroup(p.ethnicCode)) out.push(`ethnic ${p.ethnicCode}`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(p.id)) out.push('id');
  if (p.oldCmnd !== null && (!/^\d{9}$/.test(p.oldCmnd) || p.birthDate >= '1990'))
    out.push(`cmnd ${p.oldCmnd}`);
  if (p.bhyt) {
    const c = p.bhyt;
    const parsed = parseBhytCode(c.code, { initialFacilityCode: c.initialFacilityCode });
    if (!parsed.ok) out.push(`bhyt ${c.code}: ${parsed.errors.map((e) => e.code).join()}`);
    else {
      if (parsed.warnings.length > 0) out.push(`bhyt warnings ${parsed.warnings.map((w) => w.code).join()}`);
      if (parsed.value.bhxhNumber !== c.bhxhNumber || parsed.value.objectGroup !== c.objectGroup)
        out.push('bhyt parts');
      if (parsed.value.benefitLevel !== findBhytObjectGroup(c.objectGroup)?.typicalBenefitLevel)
        out.push('level');
      if (parsed.value.provinceCode !== '92' || parsed.value.temporary) out.push('bhyt province/temporary');
    }
    if (!parseFacilityCode(c.initialFacilityCode).ok) out.push(`dkbd ${c.initialFacilityCode}`);
    const level = facilityCodes.get(c.initialFacilityCode);
    if (level !== 'commune_station' && level !== 'district_centre') out.push(`dkbd level ${String(level)}`);
    if (!(isIsoDate(c.validFrom) && isIsoDate(c.validTo) && c.validFrom <= c.validTo)) out.push('validity');
    if (c.fiveYearsFrom !== null && (!isIsoDate(c.fiveYearsFrom) || c.fiveYearsFrom < p.birthDate))
      out.push('5y');
    const age = ageOn(p.birthDate, asOf);
    if (age < 6 !== (c.objectGroup === 'TE')) out.push(`TE/age ${c.objectGroup} ${age}`);
    if (c.objectGroup === 'HT' && age < 60) out.push('HT under 60');
    if ((c.objectGroup === 'HS' && age >= 18) || (c.objectGroup === 'SV' && (age < 18 || age > 22)))
      out.push('HS/SV');
  }
  return out;
}

const facilityLevels = new Map(
  generateFacilities({ provinceCode: '92', seed: 92 }).map((f) => [f.code, f.level]),
);

test('20,000 persons: every identifier valid (parsePersonalId, parseBhytCode, parseFacilityCode, findCommune)', () => {
  const problems: string[] = [];
  for (const p of generatePersons({ provinceCode: '92', count: 20_000, seed: 92 })) {
    for (const issue of checkPerson(p, facilityLevels)) problems.push(`#${p.index} ${issue}`);
  }
  assert.deepEqual(problems.slice(0, 20), []);
});

test('deterministic: same seed → same persons; another seed → different persons', () => {
  const a = take(92, 500);
  assert.deepEqual(take(92, 500), a);
  const b = take(93, 500);
  assert.notDeepEqual(
    b.map((p) => p.personalId),
    a.map((p) => p.personalId),
  );
  assert.equal(new Set([...a, ...b].map((p) => p.id)).size, 1000);
  assert.deepEqual(
    a.map((p) => p.index),
    a.map((_, i) => i),
  );
});

test('startIndex yields exactly the same persons as the full stream', () => {
  const full = take(5, 400);
  assert.deepEqual(take(5, 100, 250), full.slice(250, 350));
  assert.deepEqual(take(5, 1, 399), full.slice(399));
  assert.deepEqual(take(5, 0, 10), []);
});

test('households: 1–6 persons sharing an address; children carry a parent family name', () => {
  const persons = take(11, 5000);
  const households = new Map<string, SynthResident[]>();
  for (const p of persons) households.set(p.householdId, [...(households.get(p.householdId) ?? []), p]);
  const complete = [...households.values()].slice(0, -1); // the last one may be cut off
  for (const members of complete) {
    assert.ok(members.length >= 1 && members.length <= 6);
    const first = members[0]!;
    for (const m of members) assert.deepEqual(m.address, first.address);
    const heads = members.filter((m) => m.householdRole === 'head' || m.householdRole === 'single');
    assert.equal(heads.length, 1);
    const parents = members.filter((m) => m.householdRole === 'head' || m.householdRole === 'spouse');
    for (const child of members.filter((m) => m.householdRole === 'child')) {
      const family = child.fullName.split(' ')[0];
      assert.ok(
        parents.some((p) => p.fullName.split(' ')[0] === family),
        `${child.fullName} in ${first.householdId}`,
      );
    }
  }
  const mean = persons.length / households.size;
  assert.ok(mean > 2.9 && mean < 3.8, `mean household size ${mean}`);
});

test('a different reference day moves ages and cards, and stays valid', () => {
  const asOf = '2026-02-15';
  const levels = new Map(generateFacilities({ provinceCode: '92', seed: 4 }).map((f) => [f.code, f.level]));
  for (const p of generatePersons({ provinceCode: '92', count: 2000, seed: 4, asOf })) {
    assert.deepEqual(checkPerson(p, levels, asOf), [], `#${p.index}`);
  }
  assert.throws(
    () => [...generatePersons({ provinceCode: '92', count: 1, seed: 1, asOf: '2026-02-30' })],
    RangeError,
  );
  assert.throws(() => [...generatePersons({ provinceCode: '99', count: 1, seed: 1 })], RangeError);
  assert.throws(() => [...generatePersons({ provinceCode: '92', count: -1, seed: 1 })], RangeError);
});

test('property: any seed yields valid persons', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.string({ maxLength: 12 })), fc.nat(5000), (seed, start) => {
      const levels = new Map(generateFacilities({ provinceCode: '92', seed }).map((f) => [f.code, f.level]));
      for (const p of generatePersons({ provinceCode: '92', count: 15, seed, startIndex: start })) {
        assert.deepEqual(checkPerson(p, levels), [], `seed ${String(seed)} #${p.index}`);
      }
    }),
    { numRuns: 25 },
  );
});
