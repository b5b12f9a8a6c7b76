import { test } from 'node:test';
import assert from 'node:assert/strict';
import { communesOfProvince, findCommune } from '../codes/communes.ts';
import { parseFacilityCode } from '../identifiers/facility-code.ts';
import { generateFacilities } from './facilities.ts';
import { CANTHO_PROFILE } from './cantho.ts';

const facilities = generateFacilities({ provinceCode: '92', seed: 92 });
const byCode = new Map(facilities.map((f) => [f.code, f]));

test('facility codes are 92 + 3 digits, unique, and pass parseFacilityCode', () => {
  assert.equal(byCode.size, facilities.length);
  for (const f of facilities) {
    assert.match(f.code, /^92\d{3}$/);
    assert.notEqual(f.code, '92000', 'PP000 is the temporary-card placeholder');
    const parsed = parseFacilityCode(f.code);
    assert.ok(parsed.ok, f.code);
    assert.equal(parsed.value.provinceCode, '92');
    assert.equal(parsed.warnings.length, 0);
    assert.equal(f.provinceCode, '92');
    assert.equal(f.status, 'active');
    const commune = findCommune(f.communeCode);
    assert.ok(commune && commune.provinceCode === '92', `${f.code} commune ${f.communeCode}`);
  }
});

test('one station per commune, each under the centre of its former district', () => {
  const stations = facilities.filter((f) => f.level === 'commune_station');
  const communes = communesOfProvince('92');
  assert.equal(communes.length, 103);
  assert.deepEqual(new Set(stations.map((s) => s.communeCode)), new Set(communes.map((c) => c.code)));
  for (const s of stations) {
    const commune = findCommune(s.communeCode);
    assert.ok(commune);
    assert.ok(s.name.startsWith('Trạm Y tế '), s.name);
    assert.ok(s.name.toLowerCase().endsWith(commune.name.toLowerCase()), s.name);
    const parent = s.parentCode === null ? undefined : byCode.get(s.parentCode);
    assert.equal(parent?.level, 'district_centre', s.name);
  }
});

test('levels: one central hospital, provincial hospitals, a centre per former district, private clinics', () => {
  const count = (level: string): number => facilities.filter((f) => f.level === level).length;
  assert.equal(count('central_hospital'), 1);
  assert.ok(count('provincial_hospital') >= 6);
  assert.equal(count('district_centre'), CANTHO_PROFILE.districts.length);
  assert.ok(count('private_clinic') >= 3);
  for (const f of facilities) {
    if (f.level !== 'commune_station') assert.equal(f.parentCode, null, f.name);
  }
  const names = facilities.map((f) => f.name);
  for (const expected of [
    'Bệnh viện Đa khoa Trung ương Cần Thơ',
    'Bệnh viện Đa khoa Thành phố Cần Thơ',
    'Trung tâm Y tế khu vực Ninh Kiều',
    'Trung tâm Y tế khu vực Thốt Nốt',
  ]) {
    assert.ok(names.includes(expected), expected);
  }
  assert.equal(new Set(names).size, names.length, 'names are unique');
  for (const n of names) assert.equal(n, n.normalize('NFC'));
});

test('deterministic for a seed, different for another seed', () => {
  assert.deepEqual(generateFacilities({ provinceCode: '92', seed: 92 }), facilities);
  const other = generateFacilities({ provinceCode: '92', seed: 7 });
  assert.notDeepEqual(
    other.map((f) => f.code),
    facilities.map((f) => f.code),
  );
  assert.throws(() => generateFacilities({ provinceCode: '01', seed: 1 }), RangeError);
});

test('the profile covers exactly the 2026 communes of the province', () => {
  assert.deepEqual(
    CANTHO_PROFILE.communes.map((c) => c.code).sort(),
    communesOfProvince('92').map((c) => c.code),
  );
  const districts = new Set(CANTHO_PROFILE.districts.map((d) => d.code));
  for (const c of CANTHO_PROFILE.communes) assert.ok(districts.has(c.districtCode));
  for (const d of CANTHO_PROFILE.districts) {
    assert.ok(
      CANTHO_PROFILE.communes.some((c) => c.code === d.seatCommuneCode && c.districtCode === d.code),
      d.name,
    );
  }
});
