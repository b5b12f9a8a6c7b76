/**
 * A FHIR search query string as structured data: parameters (each a list of ORed values; repeated
 * parameters are ANDed), and the result parameters `_count`, `_offset`, `_sort`, `_include`,
 * `_summary=count`, `_total`. Unknown parameters are reported, not ignored silently.
 */
import { searchParam, type SearchParamDef } from './definitions.ts';

export interface ParsedParam {
  readonly def: SearchParamDef;
  readonly modifier: string | null;
  /** Comma-separated values (OR); escaped commas (`\,`) are kept. */
  readonly values: readonly string[];
}

export interface IncludeSpec {
  readonly sourceType: string;
  readonly param: string;
  readonly targetType: string | null;
}

export interface ParsedSearch {
  readonly type: string;
  readonly params: readonly ParsedParam[];
  /** Chained `patient.identifier` / `subject:Patient.identifier` values. */
  readonly patientIdentifier: readonly string[];
  readonly count: number;
  readonly offset: number;
  readonly sort: readonly { readonly name: string; readonly desc: boolean }[];
  readonly include: readonly IncludeSpec[];
  /**
   * `_revinclude=Type:param`: resources of `Type` whose reference parameter `param` points at a
   * match. Only on Patient (the person's own resources, e.g. `Encounter:subject`).
   */
  readonly revinclude: readonly IncludeSpec[];
  readonly summaryCount: boolean;
  readonly unknown: readonly string[];
}

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;

/** Parameters that only shape the result or the response format (accepted, some ignored). */
const RESULT_PARAMS = new Set([
  '_count',
  '_offset',
  '_sort',
  '_include',
  '_revinclude',
  '_summary',
  '_total',
  '_format',
  '_pretty',
  '_elements',
]);

function splitValues(v: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '\\' && v[i + 1] === ',') {
      cur += ',';
      i++;
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.filter((x) => x !== '');
}

const list = (v: string | readonly string[] | undefined): string[] =>
  v === undefined ? [] : typeof v === 'string' ? [v] : [...v];

export function parseSearch(
  type: string,
  query: Readonly<Record<string, string | readonly string[] | undefined>>,
): ParsedSearch {
  const params: ParsedParam[] = [];
  const unknown: string[] = [];
  const patientIdentifier: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (RESULT_PARAMS.has(key)) continue;
    const chain = /^(patient|subject)(?::Patient)?\.identifier$/.exec(key);
    if (chain) {
      for (const v of list(raw)) patientIdentifier.push(...splitValues(v));
      continue;
    }
    const parts = key.split(':');
    const name = parts[0] ?? '';
    const modifier = parts[1] ?? null;
    const def = searchParam(type, name);
    if (!def) {
      unknown.push(key);
      continue;
    }
    for (const v of list(raw)) params.push({ def, modifier, values: splitValues(v) });
  }
  const count = Number(list(query._count)[0] ?? DEFAULT_COUNT);
  const offset = Number(list(query._offset)[0] ?? 0);
  const sort = list(query._sort)
    .flatMap((s) => s.split(','))
    .filter(Boolean)
    .map((s) => (s.startsWith('-') ? { name: s.slice(1), desc: true } : { name: s, desc: false }));
  const include = list(query._include).map((s): IncludeSpec => {
    const parts = s.split(':');
    const sourceType = parts[0] ?? '';
    const param = parts[1] ?? '';
    const targetType = parts[2] ?? null;
    return { sourceType, param, targetType };
  });
  const revinclude = list(query._revinclude).map((s): IncludeSpec => {
    const [sourceType = '', param = ''] = s.split(':');
    return { sourceType, param, targetType: type };
  });
  for (const r of revinclude) {
    const def = searchParam(r.sourceType, r.param);
    const points = def?.type === 'reference' && (!def.targets || def.targets.includes(type));
    if (type !== 'Patient' || !points) unknown.push(`_revinclude=${r.sourceType}:${r.param}`);
  }
  for (const s of sort) if (!searchParam(type, s.name)) unknown.push(`_sort=${s.name}`);
  for (const i of include) {
    const def = searchParam(i.sourceType, i.param);
    if (!def || def.type !== 'reference') unknown.push(`_include=${i.sourceType}:${i.param}`);
  }
  return {
    type,
    params,
    patientIdentifier,
    count: Number.isInteger(count) && count >= 0 ? Math.min(count, MAX_COUNT) : DEFAULT_COUNT,
    offset: Number.isInteger(offset) && offset >= 0 ? offset : 0,
    sort,
    include,
    revinclude,
    summaryCount: list(query._summary)[0] === 'count',
    unknown,
  };
}

/** Values of a parameter as given (all occurrences, all ORed values). */
export const valuesOf = (s: ParsedSearch, name: string): string[] =>
  s.params.filter((p) => p.def.name === name).flatMap((p) => p.values);
