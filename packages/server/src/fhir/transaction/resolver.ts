/**
 * Resolves every reference of a bundle before anything is mapped: to entries of the bundle (by
 * fullUrl, `Type/id` of PUT entries, or identifier), else to stored resources (literal `Type/id`,
 * conditional `Type?identifier=…`, logical references by identifier alone). The domain mappers
 * then resolve synchronously.
 */
import type { Identifier, Reference, Resource } from '@medplum/fhirtypes';
import type { ImportContext, Resolved } from '@suckhoe/domain/fhir/import/index';
import type { Queryable } from '../../db/types.ts';
import type { Assigned } from './assign.ts';
import { lookupIdentifiers, lookupLiterals } from './lookup.ts';

const LITERAL = /^(?:https?:\/\/[^?]*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

interface RefLike {
  reference?: string;
  type?: string;
  identifier?: Identifier;
}

/** Every Reference-shaped object inside a resource (skips `contained`). */
export function referencesOf(value: unknown, out: RefLike[] = []): RefLike[] {
  if (Array.isArray(value)) {
    for (const v of value) referencesOf(v, out);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const isRef =
      typeof o.reference === 'string' ||
      (o.identifier !== null &&
        typeof o.identifier === 'object' &&
        !Array.isArray(o.identifier) &&
        typeof (o.identifier as Identifier).value === 'string');
    if (isRef) out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'contained' && k !== 'identifier') referencesOf(v, out);
  }
  return out;
}

const idKey = (system: string | null | undefined, value: string) => `${system ?? ''}|${value}`;

function conditionalIdentifiers(q: string): { system: string | null; value: string }[] {
  const out: { system: string | null; value: string }[] = [];
  for (const [k, v] of new URLSearchParams(q)) {
    if (k !== 'identifier') continue;
    const bar = v.indexOf('|');
    out.push(
      bar < 0 ? { system: null, value: v } : { system: v.slice(0, bar) || null, value: v.slice(bar + 1) },
    );
  }
  return out;
}

export class BundleResolver implements ImportContext {
  private readonly byUrl = new Map<string, Resolved>();
  private readonly byIdentifier = new Map<string, Resolved[]>();
  private readonly stored = new Map<string, Resolved>();
  private readonly storedByIdentifier = new Map<string, Resolved[]>();

  constructor(
    private readonly db: Queryable,
    assigned: readonly Assigned[],
  ) {
    for (const a of assigned) {
      const r: Resolved = {
        type: a.entry.type,
        id: a.id,
        ...(a.personId ? { personId: a.personId } : {}),
        ...(a.facilityCode ? { facilityCode: a.facilityCode } : {}),
      };
      if (a.entry.fullUrl) this.byUrl.set(a.entry.fullUrl, r);
      if (a.entry.urlId) this.byUrl.set(`${a.entry.type}/${a.entry.urlId}`, r);
      for (const i of (a.entry.resource as Resource & { identifier?: Identifier[] }).identifier ?? []) {
        if (!i.value) continue;
        for (const k of [idKey(i.system, i.value), idKey(null, i.value)]) {
          const l = this.byIdentifier.get(k);
          if (l) l.push(r);
          else this.byIdentifier.set(k, [r]);
        }
      }
    }
  }

  /** Look up, in a few batched queries, everything the bundle refers to that is not in the bundle. */
  async prepare(resources: readonly Resource[]): Promise<void> {
    const literals = new Set<string>();
    const identifiers = new Map<string, { type: string | null; system: string | null; value: string }>();
    for (const ref of resources.flatMap((r) => referencesOf(r))) {
      if (ref.reference) {
        if (this.byUrl.has(ref.reference) || ref.reference.startsWith('#')) continue;
        const q = ref.reference.indexOf('?');
        if (q > 0) {
          const type = ref.reference.slice(0, q);
          for (const i of conditionalIdentifiers(ref.reference.slice(q + 1))) {
            if (!this.inBundle(type, i.system, i.value))
              identifiers.set(`${type}:${idKey(i.system, i.value)}`, { type, ...i });
          }
          continue;
        }
        const m = LITERAL.exec(ref.reference);
        if (m && !this.byUrl.has(`${m[1] ?? ''}/${m[2] ?? ''}`)) literals.add(`${m[1] ?? ''}/${m[2] ?? ''}`);
      } else if (ref.identifier?.value) {
        const type = ref.type ?? null;
        const { system, value } = ref.identifier;
        if (!this.inBundle(type, system ?? null, value))
          identifiers.set(`${type ?? ''}:${idKey(system, value)}`, { type, system: system ?? null, value });
      }
    }
    for (const [k, v] of await lookupLiterals(this.db, [...literals])) this.stored.set(k, v);
    const byType = new Map<string | null, { system: string | null; value: string }[]>();
    for (const i of identifiers.values()) {
      const l = byType.get(i.type);
      if (l) l.push(i);
      else byType.set(i.type, [i]);
    }
    for (const [type, ids] of byType) {
      for (const i of ids) {
        const found = await lookupIdentifiers(this.db, type, [i]);
        this.storedByIdentifier.set(`${type ?? ''}:${idKey(i.system, i.value)}`, found);
      }
    }
  }

  private inBundle(type: string | null, system: string | null, value: string): Resolved | undefined {
    return this.byIdentifier.get(idKey(system, value))?.find((r) => type === null || r.type === type);
  }

  resolve(ref: Reference | undefined, types?: readonly string[]): Resolved | null {
    if (!ref) return null;
    const ok = (r: Resolved | undefined | null): Resolved | null =>
      r && (!types || types.includes(r.type)) ? r : null;
    if (ref.reference) {
      const direct = ok(this.byUrl.get(ref.reference));
      if (direct) return direct;
      const q = ref.reference.indexOf('?');
      if (q > 0) {
        const type = ref.reference.slice(0, q);
        for (const i of conditionalIdentifiers(ref.reference.slice(q + 1))) {
          const r =
            ok(this.inBundle(type, i.system, i.value)) ??
            ok(this.storedByIdentifier.get(`${type}:${idKey(i.system, i.value)}`)?.[0]);
          if (r) return r;
        }
        return null;
      }
      const m = LITERAL.exec(ref.reference);
      if (!m) return null;
      const key = `${m[1] ?? ''}/${m[2] ?? ''}`;
      return ok(this.byUrl.get(key)) ?? ok(this.stored.get(key));
    }
    const i = ref.identifier;
    if (i?.value) {
      const type = ref.type ?? null;
      const candidates = [
        ...(this.byIdentifier.get(idKey(i.system, i.value)) ?? []),
        ...(this.storedByIdentifier.get(`${type ?? ''}:${idKey(i.system, i.value)}`) ?? []),
      ];
      return (
        candidates.find((r) => (type === null || r.type === type) && (!types || types.includes(r.type))) ??
        null
      );
    }
    return null;
  }
}
