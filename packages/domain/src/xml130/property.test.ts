import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  TABLE_IDS,
  decodeBase64,
  encodeBase64,
  envelopeReader,
  parseEnvelope,
  parseTable,
  toEpisode,
  validateEnvelope,
  validateHoso,
  type ParseResult,
} from './index.ts';
import { decodeBase64Portable } from './parse/base64.ts';
import { SAMPLE_FILES, readSample } from './test-support.ts';

/** Reading must never throw and never report an internal error, whatever the input. */
function sane<T>(r: ParseResult<T>): void {
  assert.ok(!r.errors.some((e) => e.rule === 'INTERNAL_ERROR'), JSON.stringify(r.errors));
  assert.equal(r.ok, r.errors.length === 0);
}

const tableId = fc.constantFrom(...TABLE_IDS);
const sample = readSample(SAMPLE_FILES.inpatient);
const sampleText = new TextDecoder().decode(sample);

test('random bytes never throw (envelope and every table)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), tableId, (bytes, table) => {
      sane(parseEnvelope(bytes));
      sane(parseTable(table, bytes));
    }),
    { numRuns: 400 },
  );
});

test('random XML-ish strings never throw', () => {
  const token = fc.constantFrom(
    '<',
    '>',
    '</',
    '/>',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<?xml version="1.0"?>',
    '&',
    '&amp;',
    '&#',
    ';',
    '"',
    '=',
    ' ',
    'GIAMDINHHS',
    'HOSO',
    'FILEHOSO',
    'LOAIHOSO',
    'NOIDUNGFILE',
    'TONG_HOP',
    'MA_LK',
    'XML1',
    'PD94bWwg',
    '<!DOCTYPE',
    'é',
    '\u0000',
  );
  fc.assert(
    fc.property(
      fc.array(fc.oneof(token, fc.string({ maxLength: 5 })), { maxLength: 60 }),
      tableId,
      (parts, table) => {
        const text = parts.join('');
        sane(parseEnvelope(text));
        sane(parseTable(table, text));
      },
    ),
    { numRuns: 500 },
  );
});

test('mutated real envelopes (cuts, byte flips, insertions) never throw; validation and toEpisode hold up', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: sample.length }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: sample.length - 1 }), fc.integer({ min: 0, max: 255 })), {
        maxLength: 5,
      }),
      (cut, flips) => {
        const bytes = Uint8Array.from(sample.subarray(0, cut)); // a copy: Buffer.slice is a view
        for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
        const r = parseEnvelope(bytes);
        sane(r);
        if (r.value !== undefined) {
          validateEnvelope(r.value, { senderFacility: '94170' });
          for (const h of r.value.hoso) toEpisode(h);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('mutated decoded inner documents never throw and validate without throwing', () => {
  const inner = sampleText
    .match(/<NOIDUNGFILE>([^<]*)</g)!
    .map((m) => new TextDecoder().decode(Buffer.from(m.slice(13, -1), 'base64')));
  fc.assert(
    fc.property(
      fc.nat(inner.length - 1),
      fc.nat(),
      fc.string({ maxLength: 3 }),
      tableId,
      (i, at, insert, table) => {
        const doc = inner[i]!;
        const pos = at % (doc.length + 1);
        const r = parseTable(table, doc.slice(0, pos) + insert + doc.slice(pos));
        sane(r);
        if (r.value !== undefined) validateHoso({ tables: { [table]: r.value.records } });
      },
    ),
    { numRuns: 300 },
  );
});

test('streaming with random chunk sizes gives the same HOSO as one piece', () => {
  const whole = parseEnvelope(sample);
  assert.ok(whole.ok);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 40 }), (sizes) => {
      const reader = envelopeReader();
      let at = 0;
      let i = 0;
      const hoso = [];
      while (at < sample.length) {
        const size = sizes[i++ % sizes.length]!;
        reader.write(sample.subarray(at, at + size));
        hoso.push(...reader.drain());
        at += size;
      }
      assert.deepEqual(reader.end().errors, []);
      hoso.push(...reader.drain());
      assert.deepEqual(
        hoso.map((h) => h.tables),
        whole.value.hoso.map((h) => h.tables),
      );
    }),
    { numRuns: 60 },
  );
});

test('base64: encode/decode round trip; portable decoder agrees with the native one', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const text = encodeBase64(bytes);
      assert.equal(text, Buffer.from(bytes).toString('base64'));
      const decoded = decodeBase64(text);
      assert.ok(decoded.ok);
      assert.deepEqual([...decoded.bytes], [...bytes]);
      const portable = decodeBase64Portable(text);
      assert.ok(portable.ok);
      assert.deepEqual([...portable.bytes], [...bytes]);
    }),
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (text) => {
      const decoded = decodeBase64(text);
      const clean = text.replace(/[ \t\r\n]/g, '');
      const valid = /^[A-Za-z0-9+/]*={0,2}$/.test(clean) && clean.length % 4 === 0;
      assert.equal(decoded.ok, valid, JSON.stringify(text));
    }),
    { numRuns: 500 },
  );
});
