/**
 * Test helpers (imported by *.test.ts only, never by production code): sample files and fast-check
 * arbitraries that generate registry-conformant records for any table.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { hasInvalidXmlChars } from './parse/entities.ts';
import { CODE_LISTS } from './registry/codes.ts';
import { REGISTRY, type Registry, type TableId } from './registry/index.ts';
import { PATTERNS } from './registry/patterns.ts';
import type { FieldSpec } from './registry/types.ts';

/** shared/samples/xml130 — five levels up from packages/domain/src/xml130/. */
export const SAMPLES = new URL('../../../../../shared/samples/xml130/', import.meta.url);
export const REAL = new URL('real-redacted/', SAMPLES);

export const SAMPLE_FILES = {
  inpatient: 'sample01_inpatient_delivery_XML1-2-3-4-5-7-8-9-14',
  followUp: 'sample03_outpatient_followup_XML1-2-3-4-14',
  negative: 'sample04_NEGATIVE_outpatient_missing_XML2',
} as const;

export function readSample(name: string): Uint8Array {
  return readFileSync(new URL(`${name}.xml`, REAL));
}

/** The decoded inner documents next to a sample: table id → text. */
export function readDecoded(name: string): Map<TableId, string> {
  const dir = new URL(`${name}.decoded/`, REAL);
  const out = new Map<TableId, string>();
  for (const file of readdirSync(dir))
    out.set(file.replace('.xml', '') as TableId, readFileSync(new URL(file, dir), 'utf8'));
  return out;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const dateArb = fc
  .record({
    y: fc.integer({ min: 1930, max: 2035 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}${pad(m, 2)}${pad(d, 2)}`);
const timeArb = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }) })
  .map(({ h, mi }) => `${pad(h, 2)}${pad(mi, 2)}`);
const dateTimeArb = fc.tuple(dateArb, timeArb).map(([d, t]) => d + t);

/** Free text: Vietnamese letters, XML specials, line breaks, tabs, surrounding spaces. */
const textArb = (max: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 6 }),
        fc.constantFrom(
          'Nguyễn',
          'Đặng',
          'Thị',
          'ẩ',
          ' ',
          '&',
          '<',
          '>',
          '"',
          "'",
          ';',
          '\n',
          '\r\n',
          '\t',
          ']]>',
          '&amp;',
        ),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''))
    .filter((s) => s.length <= max && !hasInvalidXmlChars(s) && !/[\uD800-\uDFFF]/u.test(s));

function digits(maxLength: number): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: 10 ** Math.min(maxLength, 9) - 1 }).map(String);
}

function decimalArb(field: FieldSpec): fc.Arbitrary<string> {
  const max = field.max ?? 15;
  const scale = field.scale ?? 2;
  return fc
    .tuple(
      digits(Math.max(1, Math.min(9, max - scale - 1))),
      fc.option(fc.integer({ min: 0, max: 10 ** scale - 1 }), { nil: undefined }),
    )
    .map(([int, frac]) => (frac === undefined ? int : `${int}.${pad(frac, scale)}`))
    .filter((s) => s.length <= max);
}

function singleValue(field: FieldSpec): fc.Arbitrary<string> {
  if (field.codes !== undefined) return fc.constantFrom(...CODE_LISTS[field.codes].codes.map((c) => c.code));
  if (field.pattern !== undefined) {
    if (field.pattern === 'MA_BHXH') return fc.stringMatching(/^\d{10}$/).filter((s) => !/^0+$/.test(s));
    if (field.pattern === 'THANG') return fc.integer({ min: 1, max: 12 }).map((m) => pad(m, 2));
    return fc
      .stringMatching(new RegExp(PATTERNS[field.pattern].regex))
      .filter((s) => field.max === null || s.length <= field.max);
  }
  switch (field.type) {
    case 'text':
      return textArb(Math.min(field.max ?? 200, 200));
    case 'code':
      return fc
        .stringMatching(/^[A-Z0-9][A-Z0-9./_-]{0,11}$/)
        .filter((s) => field.max === null || s.length <= field.max);
    case 'int':
      return digits(field.max ?? 9);
    case 'decimal':
      return decimalArb(field);
    case 'date':
      return dateArb;
    case 'datetime':
      return dateTimeArb;
    case 'dateOrDatetime':
      return fc.oneof(dateArb, dateTimeArb);
    case 'birth':
      return fc.oneof(
        dateTimeArb,
        dateArb.map((d) => `${d.slice(0, 4)}00000000`),
        dateArb.map((d) => `${d}0000`),
      );
  }
}

/** A value in canonical (already normalised) form, or empty. */
export function valueArb(field: FieldSpec): fc.Arbitrary<string> {
  const one = singleValue(field);
  const filled =
    field.multi === true && field.type !== 'text'
      ? fc
          .array(one, { minLength: 1, maxLength: 3 })
          .map((xs) => xs.join(';'))
          .filter((s) => field.max === null || s.length <= field.max)
      : one;
  return fc.oneof({ arbitrary: filled, weight: 4 }, { arbitrary: fc.constant(''), weight: 1 });
}

/** A record of `table` with every field present (canonical values). */
export function recordArb(
  table: TableId,
  registry: Registry = REGISTRY,
): fc.Arbitrary<Record<string, string>> {
  const spec = registry.tables[table];
  const shape: Record<string, fc.Arbitrary<string>> = {};
  for (const field of spec.fields) shape[field.name] = valueArb(field);
  return fc.record(shape, { noNullPrototype: true });
}
