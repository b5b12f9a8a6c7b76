/**
 * Reuse of assembled books and FHIR views while the person's record is unchanged: entries are keyed
 * by person, the record version (person_record_version, bumped by triggers on every table the views
 * read — migration 0005) and everything else the result depends on (consent view, page, options).
 * One small indexed query per read tells whether an entry is still good, so a cache works the same
 * with several servers. Bounded by total size (least recently used out first) and by age (facility
 * names and the registry's reference tables are not versioned: entries live at most `maxAgeMs`).
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/types.ts';
import { takeFact } from '../auth/person-facts.ts';

/** The person's record version (0 when nothing was ever written). */
export async function recordVersion(db: Queryable, personId: string): Promise<number> {
  const [r] = await db.query<{ version: number }>(
    'SELECT version FROM person_record_version WHERE person_id = $1::uuid',
    [personId],
    {
      name: 'healthbook_record_version',
    },
  );
  return r?.version ?? 0;
}

/**
 * The record version for a read in this request: the one the access check read with the care
 * relationship (auth/person-facts.ts, taken once), else from the database.
 */
export async function recordVersionFor(
  req: FastifyRequest,
  db: Queryable,
  personId: string,
): Promise<number> {
  return takeFact(req, personId, 'version') ?? recordVersion(db, personId);
}

/** Switch for measurements (bench/healthbook.ts reads cold with it off); always on in the server. */
export const cacheSettings = { enabled: true };

interface Entry<T> {
  readonly value: T;
  readonly size: number;
  readonly at: number;
}

export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxAgeMs: number,
  ) {}

  get(key: string): T | undefined {
    if (!cacheSettings.enabled) return undefined;
    const e = this.entries.get(key);
    if (!e || Date.now() - e.at > this.maxAgeMs) {
      if (e) this.delete(key);
      this.misses++;
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e.value;
  }

  set(key: string, value: T, size: number): void {
    if (!cacheSettings.enabled || size > this.maxBytes / 4) return;
    this.delete(key);
    this.entries.set(key, { value, size, at: Date.now() });
    this.bytes += size;
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= e.size;
  }
}

/** The cache key of a read: person, version, and what else the result depends on. */
export const cacheKey = (personId: string, version: number, parts: readonly unknown[]): string =>
  `${personId}:${version}:${JSON.stringify(parts)}`;

/** A strong ETag for a response cached under `key` (the key holds the record version and the view). */
export const etagOf = (key: string): string =>
  `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
