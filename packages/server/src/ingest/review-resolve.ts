/**
 * Resolving one item of the person review queue, in one transaction:
 * - `link`: the episode belongs to an existing person (the current one = confirmed, nothing moves);
 * - `create`: a new person is registered from the episode's patient data (name, birth date, sex,
 *   ethnicity, address, phone; the personal ID only when it is valid and nobody holds it — contested
 *   card / BHXH numbers are not copied);
 * - `reject`: the item is closed with a reason, the episode stays where it is (e.g. the facility must
 *   correct and resend it).
 * Linking or creating moves the episode and its lines, documents and findings to that person. A person
 * ingest created only to hold this episode (nothing else left: no identifier, no other row) is then
 * marked merged into the chosen one (person_merge keeps its snapshot), so no empty duplicate stays behind.
 *
 * Concurrency: the item row is locked first (`FOR UPDATE`), then the episode, then persons. A second
 * clerk waits for the first and then sees the item resolved → 409 REVIEW_ALREADY_RESOLVED. The same
 * clerk repeating the same decision (a retried request) gets the recorded outcome again (idempotent).
 */
import { parsePersonalId, todayInVietnam } from '@suckhoe/domain';
import type { EpisodePatient } from '@suckhoe/domain/xml130/index';
import type { Db, Queryable } from '../db/types.ts';
import { ApiError } from '../http/errors.ts';
import { getPerson, insertPersons } from '../persons/repo.ts';
import type { PersonInput } from '../persons/model.ts';
import { PERSON_OWNED_TABLES } from '../persons/owned-tables.ts';
import type { Resolution } from './review-store.ts';

export type Decision =
  | { readonly kind: 'link'; readonly personId: string }
  | { readonly kind: 'create' }
  | { readonly kind: 'reject'; readonly reason: string };

export interface ResolveOutcome {
  readonly id: string;
  readonly facilityCode: string;
  readonly maLk: string;
  readonly episodeId: string;
  readonly resolution: Resolution;
  /** The person the episode belongs to now. */
  readonly personId: string;
  /** The person it belonged to before. */
  readonly previousPersonId: string;
  readonly moved: boolean;
  readonly personCreated: boolean;
  /** The emptied person ingest had created for this episode, now merged into `personId`. */
  readonly mergedPersonId: string | null;
  readonly resolvedBy: string;
  readonly resolvedAt: string;
  /** True when this request repeated a decision already recorded (nothing changed). */
  readonly replayed: boolean;
}

/** Rows that belong to one episode (episodes/store.ts writes them together). */
const EPISODE_CHILD_TABLES = [
  'episode_drug',
  'episode_service',
  'episode_lab',
  'episode_note',
  'episode_document',
  'episode_finding',
] as const;

interface LockedItem {
  id: string;
  person_id: string;
  facility_code: string;
  ma_lk: string;
  episode_id: string;
  status: string;
  resolution: Resolution | null;
  resolved_person_id: string | null;
  resolved_by: string | null;
  resolved_at: Date | string | null;
  resolution_reason: string | null;
}

const toIso = (v: Date | string | null): string =>
  v === null ? '' : v instanceof Date ? v.toISOString() : new Date(v).toISOString();

const RESOLUTION_OF = { link: 'linked', create: 'created', reject: 'rejected' } as const;

function sameDecision(item: LockedItem, d: Decision, by: string): boolean {
  if (item.resolved_by !== by || item.resolution !== RESOLUTION_OF[d.kind]) return false;
  if (d.kind === 'link') return item.resolved_person_id === d.personId;
  if (d.kind === 'reject') return item.resolution_reason === d.reason;
  return true;
}

function alreadyResolved(item: LockedItem): ApiError {
  return new ApiError(
    409,
    'REVIEW_ALREADY_RESOLVED',
    `Mục xem xét này đã được ${item.resolved_by ?? 'người khác'} xử lý lúc ${toIso(item.resolved_at)} (${item.resolution ?? item.status}); tải lại danh sách để xem kết quả.`,
    {
      status: item.status,
      resolution: item.resolution,
      resolvedBy: item.resolved_by,
      resolvedAt: toIso(item.resolved_at),
      personId: item.resolved_person_id,
    },
  );
}

/** A person from the episode's patient data (see the file comment for what is and is not copied). */
async function personFromPatient(q: Queryable, p: EpisodePatient): Promise<PersonInput> {
  const cccd = (p.soCccd ?? '').trim();
  let personalId: string | null = null;
  if (/^\d{12}$/.test(cccd) && !/^0+$/.test(cccd) && parsePersonalId(cccd, { today: todayInVietnam() }).ok) {
    const taken = await q.query('SELECT 1 FROM person WHERE personal_id = $1', [cccd]);
    if (taken.length === 0) personalId = cccd;
  }
  const b = p.ngaySinh;
  return {
    personalId,
    fullName: p.hoTen,
    birthDate: b?.date ?? String(b?.year ?? 1900),
    sex: p.gender,
    ethnicCode: p.maDanToc && /^\d{2}$/.test(p.maDanToc) ? p.maDanToc : null,
    identifiers: [],
    address: {
      provinceCode: p.maTinhCuTru ?? null,
      communeCode: p.maXaCuTru && !/^0+$/.test(p.maXaCuTru) ? p.maXaCuTru : null,
      line: p.diaChi ?? null,
    },
    phone: p.dienThoai && /^\+?\d{9,12}$/.test(p.dienThoai) ? p.dienThoai : null,
  };
}

/** Whether ingest's person holds nothing but this (moved) episode: then it is an empty duplicate. */
async function isEmptyPerson(q: Queryable, personId: string, itemId: string): Promise<boolean> {
  const [p] = await q.query<{ personal_id: string | null; status: string }>(
    'SELECT personal_id, status FROM person WHERE id = $1',
    [personId],
  );
  if (!p || p.status !== 'active' || p.personal_id !== null) return false;
  const tables = [
    ...PERSON_OWNED_TABLES.filter((t) => t !== 'ingest_person_review'),
    'person_identifier',
    'app_user',
  ];
  const [r] = await q.query<{ used: boolean }>(
    `SELECT ${tables.map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE person_id = $1)`).join(' OR ')} AS used`,
    [personId],
  );
  if (r?.used === true) return false;
  // Other open review items of this person (their episodes would already count above).
  const other = await q.query(
    "SELECT 1 FROM ingest_person_review WHERE person_id = $1 AND status = 'open' AND id <> $2 LIMIT 1",
    [personId, itemId],
  );
  return other.length === 0;
}

async function moveEpisode(q: Queryable, from: string, to: string, episodeId: string): Promise<void> {
  for (const t of EPISODE_CHILD_TABLES) {
    await q.query(`UPDATE ${t} SET person_id = $1 WHERE person_id = $2 AND episode_id = $3`, [
      to,
      from,
      episodeId,
    ]);
  }
  await q.query('UPDATE episode SET person_id = $1, updated_at = now() WHERE person_id = $2 AND id = $3', [
    to,
    from,
    episodeId,
  ]);
  // The health book of the previous person no longer shows it: bump its record version (trigger).
  await q.query('UPDATE person SET updated_at = now() WHERE id = $1', [from]);
}

async function mergeEmptyPerson(q: Queryable, emptyId: string, into: string, by: string, itemId: string) {
  const snapshot = await getPerson(q, emptyId);
  await q.query("UPDATE person SET status = 'merged', merged_into = $1, updated_at = now() WHERE id = $2", [
    into,
    emptyId,
  ]);
  await q.query(
    'INSERT INTO person_merge (survivor_id, merged_id, merged_by, reason, snapshot) VALUES ($1, $2, $3, $4, $5)',
    [into, emptyId, by, `ingest-review:${itemId}`, JSON.stringify(snapshot)],
  );
}

/**
 * Resolves item `id` for `by` (username). `facility` limits it to one facility's items (staff);
 * `undefined` = any (admin). Throws ApiError 404 / 403 / 409 / 422.
 */
export async function resolveReview(
  db: Db,
  id: string,
  decision: Decision,
  by: string,
  facility: string | undefined,
): Promise<ResolveOutcome> {
  return db.transaction(async (tx) => {
    const [item] = await tx.query<LockedItem & Record<string, unknown>>(
      `SELECT id, person_id, facility_code, ma_lk, episode_id, status, resolution, resolved_person_id,
              resolved_by, resolved_at, resolution_reason
         FROM ingest_person_review WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!item || (facility !== undefined && item.facility_code !== facility)) {
      // Another facility's item is "not found" for staff: its existence is not disclosed.
      throw new ApiError(404, 'REVIEW_NOT_FOUND', 'Không tìm thấy mục cần xem xét này.');
    }
    const base = {
      id: item.id,
      facilityCode: item.facility_code,
      maLk: item.ma_lk,
      episodeId: item.episode_id,
    };
    if (item.status !== 'open') {
      if (!sameDecision(item, decision, by)) throw alreadyResolved(item);
      return {
        ...base,
        resolution: item.resolution!,
        personId: item.resolved_person_id ?? item.person_id,
        previousPersonId: item.resolved_person_id ?? item.person_id,
        moved: false,
        personCreated: false,
        mergedPersonId: null,
        resolvedBy: item.resolved_by ?? by,
        resolvedAt: toIso(item.resolved_at),
        replayed: true,
      };
    }
    const [episode] = await tx.query<{ person_id: string; patient: EpisodePatient }>(
      'SELECT person_id, patient FROM episode WHERE id = $1 FOR UPDATE',
      [item.episode_id],
    );
    if (!episode) {
      throw new ApiError(409, 'REVIEW_EPISODE_MISSING', 'Lượt khám của mục này không còn trong hệ thống.');
    }
    const from = episode.person_id;
    let target = from;
    let created = false;
    if (decision.kind === 'link') {
      const [p] = await tx.query<{ id: string; status: string; merged_into: string | null }>(
        'SELECT id, status, merged_into FROM person WHERE id = $1 FOR UPDATE',
        [decision.personId],
      );
      if (!p) throw new ApiError(422, 'PERSON_NOT_FOUND', 'Không tìm thấy hồ sơ người được chọn.');
      if (p.status !== 'active') {
        throw new ApiError(
          422,
          'PERSON_MERGED',
          'Hồ sơ được chọn đã được gộp vào hồ sơ khác; hãy chọn hồ sơ còn hiệu lực.',
          { mergedInto: p.merged_into },
        );
      }
      target = p.id;
    } else if (decision.kind === 'create') {
      [target] = (await insertPersons(tx, [await personFromPatient(tx, episode.patient)])) as [string];
      created = true;
    }
    const moved = decision.kind !== 'reject' && target !== from;
    let mergedPersonId: string | null = null;
    if (moved) {
      await moveEpisode(tx, from, target, item.episode_id);
      if (await isEmptyPerson(tx, from, item.id)) {
        await mergeEmptyPerson(tx, from, target, by, item.id);
        mergedPersonId = from;
      }
    }
    const resolution = RESOLUTION_OF[decision.kind];
    const [done] = await tx.query<{ resolved_at: Date | string }>(
      `UPDATE ingest_person_review
          SET status = $3, resolution = $4, resolved_person_id = $5, resolution_reason = $6,
              resolved_at = now(), resolved_by = $7, person_id = $5
        WHERE person_id = $1 AND id = $2
        RETURNING resolved_at`,
      [
        item.person_id,
        item.id,
        decision.kind === 'reject' ? 'rejected' : 'resolved',
        resolution,
        target,
        decision.kind === 'reject' ? decision.reason : null,
        by,
      ],
    );
    return {
      ...base,
      resolution,
      personId: target,
      previousPersonId: from,
      moved,
      personCreated: created,
      mergedPersonId,
      resolvedBy: by,
      resolvedAt: toIso(done!.resolved_at),
      replayed: false,
    };
  });
}
