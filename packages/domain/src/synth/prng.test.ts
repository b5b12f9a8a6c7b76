import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fmix32, hashString, streamKey } from './prng.ts';
import { synthUuid } from './uuid.ts';
import { WeightedTable } from './weighted.ts';

const take = (n: number, f: () => number): number[] => Array.from({ length: n }, f);

test('same seed and path → same stream; other seed, label or index → different stream', () => {
  const a = streamKey(42, 'person').at(7);
  const b = streamKey(42, 'person').at(7);
  assert.deepEqual(
    take(20, () => a.u32()),
    take(20, () => b.u32()),
  );
  const first = (seed: number | string, label: string, i: number): number[] => {
    const r = streamKey(seed, label).at(i);
    return take(4, () => r.u32());
  };
  assert.notDeepEqual(first(42, 'person', 7), first(43, 'person', 7));
  assert.notDeepEqual(first(42, 'person', 7), first(42, 'household', 7));
  assert.notDeepEqual(first(42, 'person', 7), first(42, 'person', 8));
  assert.notDeepEqual(
    first(42, 'person', 7),
    first('42', 'person', 7),
    'number and string seeds are distinct',
  );
  assert.notDeepEqual(first(1, 'x', 2 ** 32), first(1, 'x', 0), 'indexes above 2^32 differ');
});

test('fmix32 is a bijection on a sample and hashString spreads', () => {
  const seen = new Set<number>();
  for (let i = 0; i < 100_000; i++) seen.add(fmix32(i));
  assert.equal(seen.size, 100_000);
  assert.notDeepEqual(hashString('a'), hashString('b'));
});

test('float is in [0, 1) with a plausible mean; int and range stay in bounds (property)', () => {
  const r = streamKey(1, 'f').at(0);
  const xs = take(50_000, () => r.float());
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1e6 }),
      fc.integer({ min: -50, max: 50 }),
      fc.nat(100),
      (i, lo, span) => {
        const rng = streamKey('p', 'range').at(i);
        const v = rng.range(lo, lo + span);
        assert.ok(Number.isInteger(v) && v >= lo && v <= lo + span);
      },
    ),
  );
});

test('WeightedTable draws in proportion to weights', () => {
  const t = new WeightedTable([
    ['a', 1],
    ['b', 3],
    ['c', 0],
  ]);
  const r = streamKey(3, 'w').at(0);
  const counts = { a: 0, b: 0, c: 0 };
  for (let i = 0; i < 40_000; i++) counts[t.pick(r) as 'a' | 'b' | 'c']++;
  assert.equal(counts.c, 0);
  assert.ok(Math.abs(counts.b / 40_000 - 0.75) < 0.01, JSON.stringify(counts));
  assert.throws(() => new WeightedTable([]), RangeError);
});

test('synthUuid has the UUID v4 layout and is unique per index', () => {
  const key = streamKey(9, 'uuid');
  const ids = new Set<string>();
  for (let i = 0; i < 50_000; i++) {
    const id = synthUuid(key, i);
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    ids.add(id);
  }
  assert.equal(ids.size, 50_000);
  assert.notEqual(synthUuid(streamKey(9, 'uuid'), 5), synthUuid(streamKey(10, 'uuid'), 5));
  assert.throws(() => synthUuid(key, 2 ** 32), RangeError);
});
