import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePersonalId } from '../identifiers/personal-id.ts';
import { nameKey } from '../text.ts';
import { demoProvince } from './demo.ts';

const demo = demoProvince();

test('demo: all facilities, ~300 residents plus a handful of duplicates', () => {
  assert.equal(demo.provinceCode, '92');
  assert.ok(demo.facilities.length > 140);
  assert.equal(demo.probableDuplicates.length, 6);
  assert.equal(demo.persons.length, 306);
  assert.equal(new Set(demo.persons.map((p) => p.id)).size, demo.persons.length);
  const ids = demo.persons.map((p) => p.personalId).filter((x) => x !== null);
  assert.equal(new Set(ids).size, ids.length, 'personal IDs stay unique');
  for (const id of ids) assert.ok(parsePersonalId(id, { today: demo.asOf }).ok, id);
});

test('demo: the probable-duplicate pairs are exactly the intended ones (registry rule)', () => {
  // The registry's rule: same unaccented name (any order), birth date and commune; IDs differ or one is missing.
  const found = new Set<string>();
  const groups = new Map<string, typeof demo.persons>();
  for (const p of demo.persons) {
    const k = `${nameKey(p.fullName)}|${p.birthDate}|${p.address.communeCode}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const members of groups.values()) {
    for (const a of members) {
      for (const b of members) {
        if (
          a.id < b.id &&
          (a.personalId === null || b.personalId === null || a.personalId !== b.personalId)
        ) {
          found.add([a.id, b.id].sort().join('|'));
        }
      }
    }
  }
  const intended = new Set(
    demo.probableDuplicates.map((l) => [l.originalId, l.duplicateId].sort().join('|')),
  );
  assert.deepEqual(found, intended);
  assert.ok(demo.probableDuplicates.some((l) => l.kinds.includes('missing_id')));
  assert.ok(demo.probableDuplicates.some((l) => l.kinds.includes('wrong_id_digit')));
});

test('demo: deterministic; options change it', () => {
  assert.deepEqual(demoProvince(), demo);
  const other = demoProvince(7, { asOf: '2026-03-01', personCount: 50, duplicateCount: 2 });
  assert.equal(other.persons.length, 52);
  assert.equal(other.asOf, '2026-03-01');
  assert.notDeepEqual(other.facilities, demo.facilities);
});
