import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findCommune } from '../codes/communes.ts';
import { parsePersonalId } from '../identifiers/personal-id.ts';
import { nameKey, normalizeText, unaccent } from '../text.ts';
import { DUPLICATE_KINDS, generateDuplicateSet, type DuplicateKind } from './duplicates.ts';
import { generatePersons } from './persons.ts';
import type { SynthPersonRecord } from './types.ts';

const persons = [...generatePersons({ provinceCode: '92', count: 5000, seed: 31 })];
const byId = new Map<string, SynthPersonRecord>(persons.map((p) => [p.id, p]));

/** Levenshtein distance on code points (small strings only). */
function distance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

function checkKind(
  kind: DuplicateKind,
  o: SynthPersonRecord,
  d: SynthPersonRecord,
  kinds: readonly DuplicateKind[],
): void {
  const only = kinds.length === 1;
  switch (kind) {
    case 'no_diacritics':
      assert.equal(d.fullName, unaccent(d.fullName));
      if (only) assert.equal(normalizeText(d.fullName), normalizeText(o.fullName));
      return;
    case 'typo':
      if (only) {
        assert.notEqual(d.fullName, o.fullName);
        assert.ok(distance(d.fullName, o.fullName) <= 2, `${o.fullName} → ${d.fullName}`);
      }
      return;
    case 'swapped_name_order':
      if (only) {
        assert.notEqual(d.fullName, o.fullName);
        assert.equal(nameKey(d.fullName), nameKey(o.fullName));
      }
      return;
    case 'wrong_id_digit': {
      assert.ok(d.personalId !== null && o.personalId !== null);
      const diff = Array.from(d.personalId).filter((c, i) => c !== o.personalId?.charAt(i)).length;
      assert.equal(diff, 1);
      assert.ok(parsePersonalId(d.personalId, { today: '2026-11-01' }).ok);
      return;
    }
    case 'missing_id':
      assert.equal(d.personalId, null);
      assert.equal(d.bhyt, null);
      return;
    case 'moved_commune':
      assert.notEqual(d.address.communeCode, o.address.communeCode);
      assert.equal(findCommune(d.address.communeCode)?.provinceCode, o.address.provinceCode);
      return;
    case 'day_month_swapped':
      assert.equal(
        d.birthDate,
        `${o.birthDate.slice(0, 4)}-${o.birthDate.slice(8, 10)}-${o.birthDate.slice(5, 7)}`,
      );
      return;
  }
}

test('each duplicate differs from its original as its label says', () => {
  const set = generateDuplicateSet({ persons, seed: 31, rate: 0.2 });
  assert.equal(set.records.length, set.links.length);
  const seen = new Set<DuplicateKind>();
  set.links.forEach((link, i) => {
    const original = byId.get(link.originalId);
    const dup = set.records[i];
    assert.ok(original && dup);
    assert.equal(dup.id, link.duplicateId);
    assert.equal(link.kind, link.kinds[0]);
    assert.equal(new Set(link.kinds).size, link.kinds.length);
    assert.equal(dup.sex, original.sex);
    assert.equal(dup.householdId, null);
    assert.ok(!('index' in dup), 'generator extras are dropped');
    for (const k of link.kinds) {
      seen.add(k);
      checkKind(k, original, dup, link.kinds);
    }
  });
  assert.deepEqual([...seen].sort(), [...DUPLICATE_KINDS].sort());
  const rate = set.links.length / persons.length;
  assert.ok(rate > 0.17 && rate < 0.23, `rate ${rate}`);
});

test('deterministic; choice of originals depends on ids, not on order', () => {
  const a = generateDuplicateSet({ persons, seed: 8, rate: 0.05 });
  assert.deepEqual(generateDuplicateSet({ persons, seed: 8, rate: 0.05 }), a);
  const reversed = generateDuplicateSet({ persons: [...persons].reverse(), seed: 8, rate: 0.05 });
  assert.deepEqual(
    new Set(reversed.links.map((l) => l.originalId)),
    new Set(a.links.map((l) => l.originalId)),
  );
  const other = generateDuplicateSet({ persons, seed: 9, rate: 0.05 });
  assert.notDeepEqual(
    other.links.map((l) => l.originalId),
    a.links.map((l) => l.originalId),
  );
  assert.throws(() => generateDuplicateSet({ persons, seed: 1, rate: 2 }), RangeError);
});

test('property: any seed, rate and kind subset gives consistent, labelled, unique records', () => {
  const sample = persons.slice(0, 300);
  fc.assert(
    fc.property(
      fc.integer(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.subarray([...DUPLICATE_KINDS], { minLength: 1 }),
      (seed, rate, kinds) => {
        const set = generateDuplicateSet({ persons: sample, seed, rate, kinds });
        assert.equal(set.records.length, set.links.length);
        assert.equal(new Set(set.records.map((r) => r.id)).size, set.records.length);
        for (const [i, link] of set.links.entries()) {
          assert.ok(link.kinds.every((k) => kinds.includes(k)));
          const o = byId.get(link.originalId);
          const d = set.records[i];
          assert.ok(o && d);
          for (const k of link.kinds) checkKind(k, o, d, link.kinds);
        }
        if (rate === 0) assert.equal(set.links.length, 0);
      },
    ),
    { numRuns: 40 },
  );
});

test('chunked calls with idOffset equal one call over all persons', () => {
  const whole = generateDuplicateSet({ persons, seed: 5, rate: 0.1 });
  const records: SynthPersonRecord[] = [];
  const links: typeof whole.links = [];
  for (let i = 0; i < persons.length; i += 700) {
    const part = generateDuplicateSet({
      persons: persons.slice(i, i + 700),
      seed: 5,
      rate: 0.1,
      idOffset: records.length,
    });
    records.push(...part.records);
    links.push(...part.links);
  }
  assert.deepEqual(records, whole.records);
  assert.deepEqual(links, whole.links);
  assert.throws(() => generateDuplicateSet({ persons, seed: 5, rate: 0.1, idOffset: -1 }), RangeError);
});
