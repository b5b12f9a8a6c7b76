import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DecimalPermutation } from './permute.ts';
import { streamKey } from './prng.ts';

test('DecimalPermutation is a bijection (exhaustive for 2–5 digits)', () => {
  for (const digits of [2, 3, 4, 5]) {
    const p = new DecimalPermutation(digits, streamKey(1, `perm${digits}`));
    const seen = new Set<number>();
    for (let n = 0; n < p.size; n++) {
      const m = p.apply(n);
      assert.ok(m >= 0 && m < p.size);
      seen.add(m);
    }
    assert.equal(seen.size, p.size, `${digits} digits`);
  }
});

test('DecimalPermutation: invert(apply(n)) = n and the output keeps its width (property)', () => {
  const perms = [6, 7, 8, 10, 12].map((d) => new DecimalPermutation(d, streamKey('k', `p${d}`)));
  fc.assert(
    fc.property(
      fc.nat(perms.length - 1),
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      (i, u) => {
        const p = perms[i]!;
        const n = Math.floor(u * p.size);
        assert.equal(p.invert(p.apply(n)), n);
        assert.equal(p.format(n).length, p.digits);
      },
    ),
  );
});

test('DecimalPermutation depends on its key and rejects out-of-range input', () => {
  const a = new DecimalPermutation(8, streamKey(1, 'a'));
  const b = new DecimalPermutation(8, streamKey(2, 'a'));
  const same = Array.from({ length: 100 }, (_, i) => a.apply(i) === b.apply(i)).filter(Boolean).length;
  assert.ok(same < 3);
  assert.throws(() => a.apply(1e8), RangeError);
  assert.throws(() => a.apply(-1), RangeError);
  assert.throws(() => new DecimalPermutation(1, streamKey(1, 'a')), RangeError);
});
