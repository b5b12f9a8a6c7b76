/** In-memory evaluation of FHIR search parameters over resources (R4 semantics, common subset). */
import { normalizeText } from '../../text.ts';
import { dateRange } from '../datatypes.ts';
import type { SearchParamDef } from './definitions.ts';
import type { ParsedParam } from './query.ts';

type Json = unknown;

/** Values at a dotted path, arrays flattened at every step. */
export function valuesAt(resource: Json, path: string): Json[] {
  let cur: Json[] = [resource];
  for (const seg of path.split('.')) {
    const next: Json[] = [];
    for (const v of cur) {
      if (v === null || typeof v !== 'object') continue;
      const x = (v as Record<string, Json>)[seg];
      if (x === undefined || x === null) continue;
      if (Array.isArray(x)) next.push(...(x as Json[]));
      else next.push(x);
    }
    cur = next;
  }
  return cur;
}

export const extract = (resource: Json, def: SearchParamDef): Json[] =>
  def.paths.flatMap((p) => valuesAt(resource, p));

interface Token {
  system?: string;
  code: string;
  text?: string;
}

function tokens(v: Json): Token[] {
  if (typeof v === 'string') return [{ code: v }];
  if (typeof v === 'boolean' || typeof v === 'number') return [{ code: String(v) }];
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, Json>;
  if (Array.isArray(o.coding)) {
    const text = typeof o.text === 'string' ? o.text : undefined;
    const cs = (o.coding as Json[]).flatMap(tokens);
    return text ? [...cs, { code: '', text }] : cs;
  }
  const system = typeof o.system === 'string' ? o.system : undefined;
  const code = typeof o.code === 'string' ? o.code : typeof o.value === 'string' ? o.value : undefined;
  const display = typeof o.display === 'string' ? o.display : undefined;
  return code !== undefined
    ? [{ ...(system ? { system } : {}), code, ...(display ? { text: display } : {}) }]
    : [];
}

function tokenMatch(value: string, modifier: string | null, ts: Token[]): boolean {
  if (modifier === 'text') {
    const q = normalizeText(value);
    return ts.some((t) => t.text !== undefined && normalizeText(t.text).includes(q));
  }
  const bar = value.indexOf('|');
  const hit = (t: Token): boolean => {
    if (bar < 0) return t.code === value;
    const system = value.slice(0, bar);
    const code = value.slice(bar + 1);
    if (system === '') return t.system === undefined && t.code === code;
    if (code === '') return t.system === system;
    return t.system === system && t.code === code;
  };
  const any = ts.some((t) => t.code !== '' && hit(t));
  return modifier === 'not' ? !any : any;
}

function strings(v: Json): string[] {
  if (typeof v === 'string') return [v];
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, Json>;
  return ['text', 'family', 'given', 'line', 'city', 'district', 'state', 'country', 'postalCode', 'name']
    .flatMap((k) => (Array.isArray(o[k]) ? (o[k] as Json[]) : o[k] === undefined ? [] : [o[k]]))
    .filter((x): x is string => typeof x === 'string');
}

function stringMatch(value: string, modifier: string | null, vs: string[]): boolean {
  const q = normalizeText(value);
  if (modifier === 'exact') return vs.some((s) => s === value);
  return vs.some((s) => {
    const n = normalizeText(s);
    if (modifier === 'contains') return n.includes(q);
    // Default: starts-with, also at each word (Vietnamese given names come after the family name).
    return n.startsWith(q) || n.split(' ').some((w, i, all) => all.slice(i).join(' ').startsWith(q));
  });
}

function ranges(v: Json): [number, number][] {
  if (typeof v === 'string') {
    const r = dateRange(v);
    return r ? [[r[0], r[1]]] : [];
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, Json>;
    const s = typeof o.start === 'string' ? dateRange(o.start) : null;
    const e = typeof o.end === 'string' ? dateRange(o.end) : null;
    if (s || e) return [[s ? s[0] : -Infinity, e ? e[1] : Infinity]];
  }
  return [];
}

export const DATE_PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'] as const;

/** Parses `ge2024-01-01` into prefix and range; null when the value is not a date. */
export function parseDateValue(value: string): { prefix: string; range: readonly [number, number] } | null {
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.+)$/.exec(value);
  const r = m ? dateRange(m[2] ?? '') : null;
  return m && r ? { prefix: m[1] ?? 'eq', range: r } : null;
}

function dateMatch(value: string, rs: [number, number][]): boolean {
  const d = parseDateValue(value);
  if (!d) return false;
  const [ps, pe] = d.range;
  return rs.some(([ts, te]) => {
    switch (d.prefix) {
      case 'ne':
        return !(ts >= ps && te <= pe);
      case 'gt':
        return te > pe;
      case 'lt':
        return ts < ps;
      case 'ge':
        return te > ps;
      case 'le':
        return ts < pe;
      case 'sa':
        return ts >= pe;
      case 'eb':
        return te <= ps;
      case 'ap':
        return ts < pe && te > ps;
      default:
        return ts >= ps && te <= pe;
    }
  });
}

/** `Type/id` of a reference value (absolute URLs reduced to their last two segments). */
export function referenceKey(v: Json): string | null {
  const r =
    typeof v === 'string'
      ? v
      : v && typeof v === 'object'
        ? (v as Record<string, Json>).reference
        : undefined;
  if (typeof r !== 'string') return null;
  const m = /([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(r);
  return m ? `${m[1] ?? ''}/${m[2] ?? ''}` : null;
}

function referenceMatch(
  value: string,
  def: SearchParamDef,
  modifier: string | null,
  keys: string[],
): boolean {
  const v = referenceKey(value);
  if (v !== null) return keys.includes(v);
  const types = modifier && /^[A-Z]/.test(modifier) ? [modifier] : (def.targets ?? []);
  return keys.some(
    (k) => types.some((t) => k === `${t}/${value}`) || (types.length === 0 && k.endsWith(`/${value}`)),
  );
}

/** Whether a resource matches one parameter (any of its ORed values). */
export function matches(resource: Json, p: ParsedParam): boolean {
  const raw = extract(resource, p.def);
  if (p.modifier === 'missing') {
    const missing = raw.length === 0;
    return p.values.some((v) => (v === 'true') === missing);
  }
  switch (p.def.type) {
    case 'token': {
      const ts = raw.flatMap(tokens);
      if (p.modifier === 'not') return p.values.every((v) => tokenMatch(v, 'not', ts));
      return p.values.some((v) => tokenMatch(v, p.modifier, ts));
    }
    case 'string':
      return p.values.some((v) => stringMatch(v, p.modifier, raw.flatMap(strings)));
    case 'date':
      return p.values.some((v) => dateMatch(v, raw.flatMap(ranges)));
    case 'reference': {
      const keys = raw.map(referenceKey).filter((k): k is string => k !== null);
      return p.values.some((v) => referenceMatch(v, p.def, p.modifier, keys));
    }
  }
}

/** A sortable key of a resource for a parameter: the first date (epoch ms) or the first string/token. */
export function sortKey(resource: Json, def: SearchParamDef): number | string | null {
  const raw = extract(resource, def);
  if (def.type === 'date') {
    const r = raw.flatMap(ranges)[0];
    return r ? r[0] : null;
  }
  const first = raw[0];
  if (def.type === 'token') return first === undefined ? null : (tokens(first)[0]?.code ?? null);
  if (def.type === 'reference') return referenceKey(first);
  return strings(first)[0] ?? null;
}
