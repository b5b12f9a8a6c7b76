/** Per-field checks driven by the registry: required, size, type, date formats, code lists, patterns, order. */
import { CODE_LISTS, type CodeEntry } from '../registry/codes.ts';
import { PATTERNS } from '../registry/patterns.ts';
import type { FieldSpec, TableId, TableSpec } from '../registry/types.ts';
import type { FindingCollector, Params } from '../rules/findings.ts';
import type { RuleId } from '../rules/index.ts';
import { describeCondition, holds } from './conditions.ts';
import { DECIMAL, INTEGER, compareTimes, decimals, isBirth, isDate, isDateTime, items } from './values.ts';

export interface CheckContext {
  readonly findings: FindingCollector;
  readonly hoso?: number;
}

type Rec = Readonly<Record<string, string | undefined>>;

const codeMaps = new Map<string, ReadonlyMap<string, CodeEntry>>();
function codeMap(id: keyof typeof CODE_LISTS): ReadonlyMap<string, CodeEntry> {
  let map = codeMaps.get(id);
  if (map === undefined) {
    map = new Map(CODE_LISTS[id].codes.map((c: CodeEntry) => [c.code, c]));
    codeMaps.set(id, map);
  }
  return map;
}

const regexes = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = regexes.get(source);
  if (re === undefined) {
    re = new RegExp(source);
    regexes.set(source, re);
  }
  return re;
}

const ORDERED_TYPES = new Set(['date', 'datetime', 'dateOrDatetime', 'birth']);

function formatOk(field: FieldSpec, part: string): boolean {
  switch (field.type) {
    case 'int':
      return INTEGER.test(part);
    case 'decimal':
      return DECIMAL.test(part);
    case 'date':
      return isDate(part);
    case 'datetime':
      return isDateTime(part);
    case 'dateOrDatetime':
      return isDate(part) || isDateTime(part);
    case 'birth':
      return isBirth(part);
    case 'text':
    case 'code':
      return true;
  }
}

const FORMAT_RULE = {
  int: 'NOT_AN_INTEGER',
  decimal: 'NOT_A_DECIMAL',
  date: 'INVALID_DATE',
  datetime: 'INVALID_DATETIME',
  dateOrDatetime: 'INVALID_DATE_OR_DATETIME',
  birth: 'INVALID_BIRTH_DATE',
} as const;

function report(
  ctx: CheckContext,
  table: TableId,
  field: string,
  record: number,
  rule: RuleId,
  params?: Params,
): void {
  ctx.findings.add(
    rule,
    { table, field, record, ...(ctx.hoso === undefined ? {} : { hoso: ctx.hoso }) },
    params,
  );
}

function checkField(table: TableId, field: FieldSpec, rec: Rec, record: number, ctx: CheckContext): void {
  const raw = rec[field.name] ?? '';
  const value =
    raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
  if (value === '') {
    const req = field.required;
    if (req === true) report(ctx, table, field.name, record, 'FIELD_REQUIRED');
    else if (req !== undefined && req !== false && req.when === undefined) {
      report(
        ctx,
        table,
        field.name,
        record,
        req.severity === 'warning' ? 'FIELD_EMPTY_TOLERATED' : 'FIELD_REQUIRED',
      );
    } else if (req !== undefined && req !== false && req.when !== undefined && holds(req.when, rec)) {
      report(
        ctx,
        table,
        field.name,
        record,
        req.severity === 'warning' ? 'FIELD_EXPECTED_IF' : 'FIELD_REQUIRED_IF',
        { condition: describeCondition(req.when) },
      );
    }
    return;
  }
  if (field.max !== null && raw.length > field.max)
    report(ctx, table, field.name, record, 'FIELD_TOO_LONG', { length: raw.length, max: field.max });
  if (
    field.type === 'text' ||
    (field.type === 'code' && field.codes === undefined && field.pattern === undefined)
  )
    return;
  const parts = field.multi === true ? items(value) : [value];
  for (const part of parts) {
    if (field.type !== 'code') {
      if (!formatOk(field, part)) {
        report(ctx, table, field.name, record, FORMAT_RULE[field.type], { value: part });
        continue;
      }
      if (field.type === 'decimal' && field.scale !== undefined && decimals(part) > field.scale) {
        report(ctx, table, field.name, record, 'TOO_MANY_DECIMALS', { value: part, scale: field.scale });
      }
    }
    if (field.codes !== undefined) {
      const list = CODE_LISTS[field.codes];
      const map = codeMap(field.codes);
      const entry = map.get(part) ?? (field.type === 'int' ? map.get(String(Number(part))) : undefined);
      if (entry === undefined) {
        report(
          ctx,
          table,
          field.name,
          record,
          list.strength === 'closed' ? 'CODE_NOT_IN_LIST' : 'CODE_NOT_IN_CATALOGUE',
          { value: part, list: field.codes },
        );
      } else if (entry.deprecated === true)
        report(ctx, table, field.name, record, 'CODE_DEPRECATED', { value: part });
    }
    if (field.pattern !== undefined) {
      const pattern = PATTERNS[field.pattern];
      if (!regex(pattern.regex).test(part)) {
        report(
          ctx,
          table,
          field.name,
          record,
          pattern.severity === 'error' ? 'PATTERN_MISMATCH' : 'PATTERN_WARNING',
          {
            value: part,
            expected: pattern.expected,
            pattern: field.pattern,
          },
        );
      }
    }
  }
  if (field.notBefore !== undefined && ORDERED_TYPES.has(field.type) && formatOk(field, value)) {
    for (const other of field.notBefore) {
      const otherValue = (rec[other] ?? '').trim();
      if (otherValue !== '' && /^\d{8}(\d{4})?$/.test(otherValue) && compareTimes(value, otherValue) < 0) {
        report(ctx, table, field.name, record, 'DATE_ORDER', { value, other, otherValue });
      }
    }
  }
}

/** Checks every field of every record of one table. */
export function checkRecords(spec: TableSpec, records: readonly Rec[], ctx: CheckContext): void {
  records.forEach((rec, index) => {
    for (const field of spec.fields) checkField(spec.id, field, rec, index, ctx);
  });
}
