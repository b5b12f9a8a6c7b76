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
