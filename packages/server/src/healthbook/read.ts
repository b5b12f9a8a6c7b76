/** Reading a person's book for the request's caller: consent applied, record loaded, book assembled. */
import type { FastifyRequest } from 'fastify';
import { assembleHealthBook, type HealthBook } from '@suckhoe/domain/healthbook/index';
import type { Queryable } from '../db/types.ts';
import { consentFilterFor, type ConsentView } from '../consent/repo.ts';
import { notFound } from '../http/errors.ts';
import { StoredBody } from '../http/stored-body.ts';
import { cacheKey, etagOf, recordVersionFor, VersionedCache } from './cache.ts';
import { loadRecord } from './load.ts';

export interface BookRequest {
  readonly personId: string;
  /** Episodes per page; null = all (export). */
  readonly limit: number | null;
  readonly before: { readonly start: string; readonly id: string } | null;
}

/** The book as the caller may see it (the caller's access to the person was granted already). */
export async function readBook(
  req: FastifyRequest,
  db: Queryable,
  r: BookRequest,
  consent?: ConsentView,
): Promise<HealthBook> {
  const view = consent ?? (await consentFilterFor(req, r.personId));
  const loaded = await loadRecord(db, r.personId, {
    hidden: [...view.hiddenEpisodes],
    blocked: view.facilityBlocked,
    limit: r.limit,
    before: r.before,
  });
  if (!loaded) throw notFound('người dân này');
  return assembleHealthBook(
    loaded.record,
    { limit: r.limit ?? Number.MAX_SAFE_INTEGER, total: loaded.total },
    { facilityBlocked: view.facilityBlocked, hiddenCount: view.hiddenCount },
  );
}

export interface CachedBook {
  /** The book as UTF-8 JSON, ready to send (and its gzip form, made once when asked for). */
  readonly body: StoredBody;
  /** A strong validator: the same for the same record version, consent view and page. */
  readonly etag: string;
  readonly episodes: number;
  readonly withheld: boolean;
}

const caches = new WeakMap<object, VersionedCache<CachedBook>>();
const CACHE_BYTES = 64 * 1024 * 1024;
const CACHE_AGE_MS = 10 * 60_000;

/**
 * The book as JSON, reused while the person's record version, the consent view and the page are
 * the same (cache.ts); assembled and stored otherwise. Cached as the bytes to send.
 */
export async function readBookJson(req: FastifyRequest, db: Queryable, r: BookRequest): Promise<CachedBook> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new VersionedCache(CACHE_BYTES, CACHE_AGE_MS)));
  const [version, view] = await Promise.all([
    recordVersionFor(req, db, r.personId),
    consentFilterFor(req, r.personId),
  ]);
  const hidden = view.hiddenEpisodes.size === 0 ? [] : [...view.hiddenEpisodes].sort();
  const key = cacheKey(r.personId, version, [
    hidden,
    view.facilityBlocked,
    view.hiddenCount,
    r.limit,
    r.before,
  ]);
  const hit = cache.get(key);
  if (hit) return hit;
  const book = await readBook(req, db, r, view);
  const body = new StoredBody(Buffer.from(JSON.stringify(book), 'utf8'));
  const entry = {
    body,
    etag: etagOf(key),
    episodes: book.episodes.items.length,
    withheld: book.consent.withheld,
  };
  cache.set(key, entry, body.size);
  return entry;
}
