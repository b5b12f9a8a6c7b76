/** Filters, sorts and pages resources for a parsed search (pure; the server supplies the candidates). */
import type { Resource } from '@medplum/fhirtypes';
import { searchParam } from './definitions.ts';
import { matches, sortKey } from './match.ts';
import type { ParsedSearch } from './query.ts';

export interface SearchResult {
  readonly total: number;
  readonly page: readonly Resource[];
}

export function filterResources(resources: readonly Resource[], s: ParsedSearch): Resource[] {
  return resources.filter((r) => r.resourceType === s.type && s.params.every((p) => matches(r, p)));
}

function compareKeys(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function sortResources(resources: Resource[], s: ParsedSearch): Resource[] {
  if (s.sort.length === 0) return resources;
  const defs = s.sort.map((x) => ({ def: searchParam(s.type, x.name), desc: x.desc }));
  return [...resources].sort((a, b) => {
    for (const { def, desc } of defs) {
      if (!def) continue;
      const c = compareKeys(sortKey(a, def), sortKey(b, def));
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}

export function runSearch(resources: readonly Resource[], s: ParsedSearch): SearchResult {
  const all = sortResources(filterResources(resources, s), s);
  return { total: all.length, page: s.summaryCount ? [] : all.slice(s.offset, s.offset + s.count) };
}
