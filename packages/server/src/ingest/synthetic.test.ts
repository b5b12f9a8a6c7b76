/** The synthetic episodes used by tests and the benchmark are valid XML 130 by the domain's rules. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEnvelope, validateEnvelope } from '@suckhoe/domain/xml130/index';
import { syntheticEnvelope, syntheticHoso } from './synthetic.ts';

test('benchmark episodes: 8 drugs, 8 services, 4 labs, no error and no warning', () => {
  const r = parseEnvelope(syntheticEnvelope(0, 40, { facility: '92999' }));
  assert.ok(r.ok, r.errors.map((e) => e.message).join('; '));
  const v = validateEnvelope(r.value, { senderFacility: '92999' });
  assert.deepEqual(v.errors, []);
  assert.deepEqual([...r.warnings, ...v.warnings], []);
  for (const h of r.value.hoso) {
    assert.equal(h.tables.XML2?.length, 8);
    assert.equal(h.tables.XML3?.length, 8);
    assert.equal(h.tables.XML4?.length, 4);
  }
  assert.equal(new Set(r.value.hoso.map((h) => h.maLk)).size, 40);
});

test('all-table episodes carry XML1 … XML15 (no XML12) and validate', () => {
  const r = parseEnvelope(syntheticEnvelope(0, 10, { facility: '92999', allTables: true }));
  assert.ok(r.ok);
  const v = validateEnvelope(r.value, { senderFacility: '92999' });
  assert.deepEqual(v.errors, []);
  const tables = Object.keys(r.value.hoso[0]!.tables).sort();
  assert.deepEqual(tables, [
    'XML1',
    'XML10',
    'XML11',
    'XML13',
    'XML14',
    'XML15',
    'XML2',
    'XML3',
    'XML4',
    'XML5',
    'XML6',
    'XML7',
    'XML8',
    'XML9',
  ]);
});

test('deterministic per seed and index; patients can repeat', () => {
  assert.deepEqual(syntheticHoso(7, { facility: '92999' }), syntheticHoso(7, { facility: '92999' }));
  const a = syntheticHoso(3, { facility: '92999', patients: 2 }).tables.XML1![0]!;
  const b = syntheticHoso(5, { facility: '92999', patients: 2 }).tables.XML1![0]!;
  assert.equal(a.SO_CCCD, b.SO_CCCD);
  assert.notEqual(a.MA_LK, b.MA_LK);
});
