import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGE_BANDS } from './age.ts';
import { ageOn } from './dates.ts';
import { DEFAULT_AS_OF, generatePersons } from './persons.ts';

/** One pass over 100,000 persons; all statistics gathered at once. */
const N = 100_000;
const stats = {
  noCard: 0,
  male: 0,
  ageBands: new Array<number>(AGE_BANDS.length).fill(0),
  under6: 0,
  under6WithTe: 0,
  age60: 0,
  kinh: 0,
  khmer: 0,
  nguyen: 0,
  birthplace: new Map<string, number>(),
  communes: new Map<string, number>(),
  groups: new Map<string, number>(),
  cmnd: 0,
  expired: 0,
};
const personalIds = new Set<string>();
const bhxh = new Set<string>();
const ids = new Set<string>();
const cmnds = new Set<string>();
const inc = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};
for (const p of generatePersons({ provinceCode: '92', count: N, seed: 2026 })) {
  personalIds.add(p.personalId);
  ids.add(p.id);
  const age = ageOn(p.birthDate, DEFAULT_AS_OF);
  stats.ageBands[Math.min(Math.floor(age / 5), AGE_BANDS.length - 1)]! += 1;
  if (age >= 60) stats.age60++;
  if (p.sex === 'male') stats.male++;
  if (p.ethnicCode === '01') stats.kinh++;
  if (p.ethnicCode === '05') stats.khmer++;
  if (p.fullName.startsWith('Nguyễn ')) stats.nguyen++;
  inc(stats.birthplace, p.personalId.slice(0, 3));
  inc(stats.communes, p.address.communeCode);
  if (p.oldCmnd !== null) {
    stats.cmnd++;
    cmnds.add(p.oldCmnd);
  }
  if (age < 6) stats.under6++;
  if (p.bhyt === null) stats.noCard++;
  else {
    bhxh.add(p.bhyt.bhxhNumber);
    inc(stats.groups, p.bhyt.objectGroup);
    if (age < 6 && p.bhyt.objectGroup === 'TE') stats.under6WithTe++;
    if (p.bhyt.validTo < DEFAULT_AS_OF) stats.expired++;
  }
}
const share = (n: number): number => n / N;

test('100k persons: personal IDs, BHXH numbers, old CMND numbers and ids are unique', () => {
  assert.equal(personalIds.size, N);
  assert.equal(ids.size, N);
  assert.equal(bhxh.size, N - stats.noCard);
  assert.equal(cmnds.size, stats.cmnd);
});

test('about 8–10 % have no BHYT card; children under 6 hold TE cards; a few cards expired', () => {
  assert.ok(share(stats.noCard) >= 0.08 && share(stats.noCard) <= 0.1, `no card ${share(stats.noCard)}`);
  assert.ok(stats.under6WithTe / stats.under6 > 0.98);
  const expired = stats.expired / (N - stats.noCard);
  assert.ok(expired > 0.01 && expired < 0.05, `expired ${expired}`);
  for (const g of ['DN', 'GD', 'HS', 'TE', 'HT', 'HN', 'CN', 'CB', 'SV', 'HC', 'BT', 'DT']) {
    assert.ok((stats.groups.get(g) ?? 0) > 0, `group ${g} present`);
  }
});

test('sex ratio close to Vietnam (≈ 99 men per 100 women overall, male births dominate)', () => {
  assert.ok(share(stats.male) > 0.48 && share(stats.male) < 0.52, `male ${share(stats.male)}`);
});

test('age pyramid: each 5-year band within a few points of the national structure', () => {
  const total = AGE_BANDS.reduce((s, [, w]) => s + w, 0);
  AGE_BANDS.forEach(([from, w], i) => {
    const got = share(stats.ageBands[i] ?? 0);
    const want = w / total;
    assert.ok(
      Math.abs(got - want) < 0.012,
      `ages ${from}–${from + 4}: ${got.toFixed(3)} vs ${want.toFixed(3)}`,
    );
  });
  const under15 = share((stats.ageBands[0] ?? 0) + (stats.ageBands[1] ?? 0) + (stats.ageBands[2] ?? 0));
  assert.ok(under15 > 0.2 && under15 < 0.27, `under 15: ${under15}`);
  assert.ok(share(stats.age60) > 0.11 && share(stats.age60) < 0.18, `60+: ${share(stats.age60)}`);
});

test('ethnicity, names and birth registration look like Cần Thơ', () => {
  assert.ok(share(stats.kinh) > 0.82 && share(stats.kinh) < 0.95, `Kinh ${share(stats.kinh)}`);
  assert.ok(share(stats.khmer) > 0.04 && share(stats.khmer) < 0.15, `Khmer ${share(stats.khmer)}`);
  assert.ok(share(stats.nguyen) > 0.28 && share(stats.nguyen) < 0.4, `Nguyễn ${share(stats.nguyen)}`);
  const local =
    (stats.birthplace.get('092') ?? 0) +
    (stats.birthplace.get('093') ?? 0) +
    (stats.birthplace.get('094') ?? 0);
  assert.ok(share(local) > 0.88, `born in the three legacy provinces ${share(local)}`);
  for (const code of ['092', '093', '094']) assert.ok(share(stats.birthplace.get(code) ?? 0) > 0.15, code);
  for (const code of ['086', '087', '089', '091']) assert.ok((stats.birthplace.get(code) ?? 0) > 0, code);
  const abroad = [...stats.birthplace].filter(([k]) => !k.startsWith('0')).reduce((s, [, n]) => s + n, 0);
  assert.ok(abroad > 0 && share(abroad) < 0.01, `abroad ${abroad}`);
  assert.ok(share(stats.cmnd) > 0.1 && share(stats.cmnd) < 0.35, `old CMND ${share(stats.cmnd)}`);
});

test('all 103 communes are populated, in proportion to their population', () => {
  assert.equal(stats.communes.size, 103);
  // Phường Ninh Kiều (≈ 120k) is far larger than Xã Phong Nẫm (≈ 6k).
  assert.ok((stats.communes.get('31135') ?? 0) > 5 * (stats.communes.get('31537') ?? 0));
});
