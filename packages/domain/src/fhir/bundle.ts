/** Bundles of the FHIR API: searchset (with paging links), transaction/batch responses, $everything. */
import type { Bundle, BundleEntry, BundleLink, OperationOutcome, Resource } from '@medplum/fhirtypes';

export interface SearchsetInput {
  readonly base: string;
  /** Path and query of this page without `_offset` and `_count` (e.g. `Observation?patient=…`). */
  readonly selfPath: string;
  readonly total: number;
  readonly offset: number;
  readonly count: number;
  readonly matches: readonly Resource[];
  readonly included?: readonly Resource[];
  readonly outcome?: OperationOutcome;
  readonly timestamp?: string;
}

const withPaging = (base: string, path: string, offset: number, count: number): string =>
  `${base}/${path}${path.includes('?') ? '&' : '?'}_count=${count}&_offset=${offset}`;

export function searchset(i: SearchsetInput): Bundle {
  const link: BundleLink[] = [{ relation: 'self', url: withPaging(i.base, i.selfPath, i.offset, i.count) }];
  if (i.count > 0) {
    link.push({ relation: 'first', url: withPaging(i.base, i.selfPath, 0, i.count) });
    if (i.offset > 0)
      link.push({
        relation: 'previous',
        url: withPaging(i.base, i.selfPath, Math.max(0, i.offset - i.count), i.count),
      });
    if (i.offset + i.count < i.total)
      link.push({ relation: 'next', url: withPaging(i.base, i.selfPath, i.offset + i.count, i.count) });
    const last = Math.max(0, Math.floor((i.total - 1) / i.count) * i.count);
    link.push({ relation: 'last', url: withPaging(i.base, i.selfPath, last, i.count) });
  }
  const entry: BundleEntry[] = [
    ...i.matches.map((r) => ({
      fullUrl: `${i.base}/${r.resourceType}/${r.id ?? ''}`,
      resource: r,
      search: { mode: 'match' as const },
    })),
    ...(i.included ?? []).map((r) => ({
      fullUrl: `${i.base}/${r.resourceType}/${r.id ?? ''}`,
      resource: r,
      search: { mode: 'include' as const },
    })),
    ...(i.outcome ? [{ resource: i.outcome, search: { mode: 'outcome' as const } }] : []),
  ];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(i.timestamp ? { timestamp: i.timestamp } : {}),
    total: i.total,
    link,
    ...(entry.length ? { entry } : {}),
  };
}

/** A resource already serialised: its type and id (for `fullUrl`) and its JSON text. */
export interface SerialisedResource {
  readonly resourceType: string;
  readonly id: string;
  readonly json: string;
}

/**
 * The same searchset as `searchset`, as JSON text, from resources serialised once (a cached view
 * re-serves its resources without walking their objects again): byte for byte what
 * `JSON.stringify(searchset(…))` gives for the same resources.
 */
export function searchsetText(
  i: Omit<SearchsetInput, 'matches' | 'included'> & {
    readonly matches: readonly SerialisedResource[];
    readonly included?: readonly SerialisedResource[];
  },
): string {
  const { outcome, matches, included, ...rest } = i;
  const head = JSON.stringify(searchset({ ...rest, matches: [] }));
  const parts: string[] = [];
  const entry = (r: SerialisedResource, mode: 'match' | 'include') =>
    `{"fullUrl":${JSON.stringify(`${i.base}/${r.resourceType}/${r.id}`)},"resource":${r.json},"search":{"mode":"${mode}"}}`;
  for (const r of matches) parts.push(entry(r, 'match'));
  for (const r of included ?? []) parts.push(entry(r, 'include'));
  if (outcome) parts.push(`{"resource":${JSON.stringify(outcome)},"search":{"mode":"outcome"}}`);
  if (parts.length === 0) return head;
  return `${head.slice(0, -1)},"entry":[${parts.join(',')}]}`;
}

/** A resource's serialised form (the id is the one `searchset` puts in `fullUrl`). */
export const serialised = (r: Resource): SerialisedResource => ({
  resourceType: r.resourceType,
  id: r.id ?? '',
  json: JSON.stringify(r),
});
