/**
 * The person review queue of ingest (`ingest_person_review`, migrations 0003 + 0008), read side:
 * items with the episode's patient as the facility sent it and the persons it may belong to.
 * Writing (resolving) is in review-resolve.ts.
 */
import type { EpisodePatient } from '@suckhoe/domain/xml130/index';
import type { Queryable } from '../db/types.ts';
import type { Person } from '../persons/model.ts';
import { findPersons, hydrate, PERSON_COLS } from '../persons/repo.ts';

export const REVIEW_STATUSES = ['open', 'resolved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type Resolution = 'linked' | 'created' | 'rejected';

export interface ReviewRow {
  readonly id: string;
  readonly person_id: string;
  readonly facility_code: string;
  readonly ma_lk: string;
  readonly episode_id: string;
  readonly reason: string;
  readonly candidates: string[];
  readonly status: ReviewStatus;
  readonly created_at: Date | string;
  readonly resolved_at: Date | string | null;
  readonly resolved_by: string | null;
  readonly resolution: Resolution | null;
  readonly resolved_person_id: string | null;
  readonly resolution_reason: string | null;
  readonly patient: EpisodePatient | null;
  readonly ma_bn: string | null;
  readonly encounter_type: string | null;
  readonly admitted_at: Date | string | null;
  readonly discharged_at: Date | string | null;
  readonly main_icd: string | null;
}

export const REVIEW_SELECT = `SELECT r.id, r.person_id, r.facility_code, r.ma_lk, r.episode_id, r.reason,
    r.candidates::text[] AS candidates, r.status, r.created_at, r.resolved_at, r.resolved_by, r.resolution,
    r.resolved_person_id, r.resolution_reason,
    e.patient, e.ma_bn, e.encounter_type, e.admitted_at, e.discharged_at, e.main_icd
  FROM ingest_person_review r LEFT JOIN episode e ON e.id = r.episode_id`;

/** Where a candidate comes from: ingest's own finding, the same name + birth date, an identifier. */
export type CandidateSource = 'ingest' | 'name_birth' | 'identifier';

export interface Candidate {
  readonly person: Person;
  readonly sources: CandidateSource[];
}

export interface ReviewItem {
  readonly row: ReviewRow;
  readonly currentPerson: Person | null;
  readonly candidates: Candidate[];
}

const iso = (v: Date | string | null): string | null =>
  v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString();
export { iso as isoTime };

export interface ListFilter {
  /** `undefined` = every facility (admin). */
  readonly facility?: string | undefined;
  readonly status?: ReviewStatus | undefined;
  readonly limit: number;
  readonly offset: number;
}

export async function countReviews(db: Queryable, f: ListFilter): Promise<number> {
  const { where, params } = conditions(f);
  const [r] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ingest_person_review r ${where}`,
    params,
  );
  return r?.n ?? 0;
}

function conditions(f: ListFilter): { where: string; params: unknown[] } {
  const cond: string[] = [];
  const params: unknown[] = [];
  if (f.facility !== undefined) {
    params.push(f.facility);
    cond.push(`r.facility_code = $${params.length}`);
  }
  if (f.status !== undefined) {
    params.push(f.status);
    cond.push(`r.status = $${params.length}`);
  }
  return { where: cond.length ? `WHERE ${cond.join(' AND ')}` : '', params };
}

export async function listReviewRows(db: Queryable, f: ListFilter): Promise<ReviewRow[]> {
  const { where, params } = conditions(f);
  return db.query<ReviewRow & Record<string, unknown>>(
    `${REVIEW_SELECT} ${where} ORDER BY r.created_at, r.id LIMIT ${f.limit} OFFSET ${f.offset}`,
    params,
  );
}

export async function getReviewRow(db: Queryable, id: string): Promise<ReviewRow | undefined> {
  const [r] = await db.query<ReviewRow & Record<string, unknown>>(`${REVIEW_SELECT} WHERE r.id = $1`, [id]);
  return r;
}

async function personsById(db: Queryable, ids: readonly string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<Parameters<typeof hydrate>[1][number]>(
    `SELECT ${PERSON_COLS} FROM person p WHERE p.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map((await hydrate(db, rows)).map((p) => [p.id, p]));
}

const PLACEHOLDER = /^0+$/;

/** Identifiers of the episode worth searching for (placeholders such as all zeros are not). */
function identifiersOf(p: EpisodePatient): string[] {
  const out = new Set<string>();
  const cccd = (p.soCccd ?? '').trim();
  if (cccd !== '' && !PLACEHOLDER.test(cccd)) out.add(cccd);
  for (const c of p.cards) {
    if (c.maBhxh !== undefined && !PLACEHOLDER.test(c.maBhxh)) out.add(c.number);
  }
  if (p.maBhxh !== undefined && !PLACEHOLDER.test(p.maBhxh)) out.add(p.maBhxh);
  return [...out];
}

const CANDIDATE_LIMIT = 10;

/**
 * The persons an item may belong to: those ingest found (identifier conflicts, same name and birth
 * year), the persons registry's search by name + birth date and by each usable identifier of the
 * episode. Active persons only, the episode's current person excluded, at most 10.
 */
async function candidatesOf(db: Queryable, row: ReviewRow): Promise<Candidate[]> {
  const found = new Map<string, Set<CandidateSource>>();
  const add = (id: string, s: CandidateSource): void => {
    if (id === row.person_id) return;
    const set = found.get(id) ?? new Set<CandidateSource>();
    set.add(s);
    found.set(id, set);
  };
  for (const id of row.candidates) add(id, 'ingest');
  const p = row.patient;
  if (p !== null) {
    const birth = p.ngaySinh?.date ?? (p.ngaySinh ? String(p.ngaySinh.year) : undefined);
    if (p.hoTen.trim() !== '' && birth !== undefined) {
      const byName = await findPersons(db, {
        name: p.hoTen,
        birthDate: birth,
        limit: CANDIDATE_LIMIT,
        offset: 0,
      });
      for (const x of byName.items) add(x.id, 'name_birth');
    }
    for (const identifier of identifiersOf(p)) {
      const byId = await findPersons(db, { identifier, limit: CANDIDATE_LIMIT, offset: 0 });
      for (const x of byId.items) add(x.id, 'identifier');
    }
  }
  const persons = await personsById(db, [...found.keys()]);
  const out: Candidate[] = [];
  for (const [id, sources] of found) {
    const person = persons.get(id);
    if (person?.status === 'active') out.push({ person, sources: [...sources].sort() });
  }
  // Identifier matches first, then what ingest found, then name matches.
  const rank = (c: Candidate): number =>
    c.sources.includes('identifier') ? 0 : c.sources.includes('ingest') ? 1 : 2;
  return out
    .sort((a, b) => rank(a) - rank(b) || a.person.id.localeCompare(b.person.id))
    .slice(0, CANDIDATE_LIMIT);
}

/** Items with their current person and (for open items) their candidates. */
export async function withPersons(db: Queryable, rows: readonly ReviewRow[]): Promise<ReviewItem[]> {
  const current = await personsById(
    db,
    rows.map((r) => r.person_id),
  );
  const out: ReviewItem[] = [];
  for (const row of rows) {
    out.push({
      row,
      currentPerson: current.get(row.person_id) ?? null,
      candidates: row.status === 'open' ? await candidatesOf(db, row) : [],
    });
  }
  return out;
}
