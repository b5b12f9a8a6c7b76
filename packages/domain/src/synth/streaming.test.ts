import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePersons } from './persons.ts';

test('streaming 200,000 persons keeps memory flat and reports the rate', (t) => {
  const heap = (): number => process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let n = 0;
  let peak = 0;
  let base = 0;
  for (const p of generatePersons({ provinceCode: '92', count: 200_000, seed: 'stream' })) {
    n += p.personalId.length === 12 ? 1 : 0;
    if (n === 20_000) base = heap();
    if (n % 20_000 === 0) peak = Math.max(peak, heap());
  }
  const seconds = (performance.now() - t0) / 1000;
  assert.equal(n, 200_000);
  // 200k person objects would take > 150 MB if they were kept; allow GC noise only.
  assert.ok(peak - base < 64 * 1024 * 1024, `heap grew by ${((peak - base) / 1048576).toFixed(1)} MB`);
  t.diagnostic(`generatePersons: ${Math.round(n / seconds)} persons/s`);
});
