/** `_include=Type:param` — the resources that the matches' reference parameters point at. */
import type { Resource } from '@medplum/fhirtypes';
import { extract, referenceKey, searchParam, type IncludeSpec } from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';
import { sharedResources } from './shared-resources.ts';

/**
 * Included resources: first from `pool` (the person's own resources), then shared ones (facilities,
 * practitioners, directory). Matches themselves are not repeated.
 */
export async function includes(
  db: Queryable,
  matches: readonly Resource[],
  specs: readonly IncludeSpec[],
  pool: readonly Resource[],
): Promise<Resource[]> {
  if (specs.length === 0) return [];
  const keys = new Set<string>();
  for (const spec of specs) {
    const def = searchParam(spec.sourceType, spec.param);
    if (!def || def.type !== 'reference') continue;
    for (const m of matches) {
      if (m.resourceType !== spec.sourceType) continue;
      for (const v of extract(m, def)) {
        const k = referenceKey(v);
        if (k && (!spec.targetType || k.startsWith(`${spec.targetType}/`))) keys.add(k);
      }
    }
  }
  for (const m of matches) keys.delete(`${m.resourceType}/${m.id ?? ''}`);
  const byKey = new Map(pool.map((r) => [`${r.resourceType}/${r.id ?? ''}`, r]));
  const local = [...keys].flatMap((k) => {
    const r = byKey.get(k);
    return r ? [r] : [];
  });
  const rest = [...keys].filter((k) => !byKey.has(k));
  return [...local, ...(await sharedResources(db, rest))];
}
