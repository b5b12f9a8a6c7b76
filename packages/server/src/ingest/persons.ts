/**
 * Finding the person an episode belongs to, for a whole batch at once (a few queries per batch):
 * 1. the personal ID (SO_CCCD, 12 digits, structurally valid) — the strong key;
 * 2. otherwise an old CMND / passport number (SO_CCCD), a BHXH number or a BHYT card code;
 * 3. otherwise the person of an earlier send of the same episode, or of an earlier episode of the
 *    same facility patient (MA_BN, same name and birth year).
 * When nothing matches, a person is created from the episode. When the match is uncertain
 * (identifiers pointing at different persons, or no identifier at all) the episode is stored under
 * the person chosen above and a row goes to `ingest_person_review`: persons are never merged here.
 * Placeholder identifiers (all zeros, as in redacted files) are ignored.
 */
import { nameKey, parsePersonalId, todayInVietnam } from '@suckhoe/domain';
import type { Episode as FullEpisode } from '@suckhoe/domain/xml130/index';

/** What matching needs of an episode: its patient. */
type Episode = Pick<FullEpisode, 'patient'>;
import type { Queryable } from '../db/types.ts';
import { insertPersons } from '../persons/repo.ts';
import type { PersonInput } from '../persons/model.ts';

export type ReviewReason = 'no_identifier' | 'identifier_conflict';

export interface PersonMatch {
  readonly personId: string;
  readonly created: boolean;
  readonly review?: { readonly reason: ReviewReason; readonly candidates: readonly string[] };
}

export interface MatchItem {
  readonly episode: Episode;
  /** Person of an earlier send of the same (facility, MA_LK), if any. */
  readonly previousPersonId?: string;
}

interface Keys {
  readonly personalId?: string;
  /** CMND, passport, BHXH numbers and card codes, with the identifier system they are stored under. */
  readonly secondary: readonly { system: string; value: string }[];
  readonly cards: readonly { value: string; validFrom?: string; validTo?: string }[];
}

const PLACEHOLDER = /^0+$/;

function keysOf(e: Episode, today: string): Keys {
  const p = e.patient;
  const id = (p.soCccd ?? '').toUpperCase();
  let personalId: string | undefined;
  const secondary: { system: string; value: string }[] = [];
  if (/^\d{12}$/.test(id) && !PLACEHOLDER.test(id) && parsePersonalId(id, { today }).ok) personalId = id;
  else if (/^\d{9}$/.test(id) && !PLACEHOLDER.test(id)) secondary.push({ system: 'cmnd', value: id });
  else if (/^[A-Z]\d{7}$/.test(id)) secondary.push({ system: 'passport', value: id });
  const cards: { value: string; validFrom?: string; validTo?: string }[] = [];
  for (const c of p.cards) {
    const value = c.number.toUpperCase();
    const bhxh = c.maBhxh;
    if (bhxh === undefined || PLACEHOLDER.test(bhxh)) continue;
    if (value.length === 15) {
      cards.push({
        value,
        ...(c.validFrom === undefined ? {} : { validFrom: c.validFrom }),
        ...(c.validTo === undefined ? {} : { validTo: c.validTo }),
      });
      secondary.push({ system: 'bhyt', value });
    }
    secondary.push({ system: 'bhxh', value: bhxh });
  }
  if (p.maBhxh !== undefined && /^\d{10}$/.test(p.maBhxh) && !PLACEHOLDER.test(p.maBhxh)) {
    secondary.push({ system: 'bhxh', value: p.maBhxh });
  }
  const seen = new Set<string>();
  const unique = secondary.filter((s) => (seen.has(s.value) ? false : (seen.add(s.value), true)));
  return { ...(personalId === undefined ? {} : { personalId }), secondary: unique, cards };
}

interface Known {
  readonly id: string;
  readonly personalId: string | null;
}

/** Persons (active, merges followed) holding any of `values` as personal ID or identifier. */
async function lookup(q: Queryable, values: readonly string[]): Promise<Map<string, Known[]>> {
  const out = new Map<string, Known[]>();
  if (values.length === 0) return out;
  const rows = await q.query<{
    value: string;
    id: string;
    personal_id: string | null;
    status: string;
    merged_into: string | null;
  }>(
    `SELECT m.value, p.id, p.personal_id, p.status, p.merged_into FROM (
       SELECT personal_id AS value, id AS person_id FROM person WHERE personal_id = ANY($1::text[])
       UNION SELECT value, person_id FROM person_identifier WHERE value = ANY($1::text[]) AND status = 'active'
     ) m JOIN person p ON p.id = m.person_id`,
    [values],
  );
  const merged = rows.filter((r) => r.status === 'merged' && r.merged_into !== null);
  const survivors = new Map<string, Known>();
  // Merge chains (A → B → C) are followed to the active record.
  const mergedInto = new Map<string, string | null>(merged.map((r) => [r.id, r.merged_into]));
  let pending = [...new Set(merged.map((r) => r.merged_into!))];
  for (let hop = 0; hop < 5 && pending.length > 0; hop++) {
    const next = await q.query<{
      id: string;
      personal_id: string | null;
      status: string;
      merged_into: string | null;
    }>('SELECT id, personal_id, status, merged_into FROM person WHERE id = ANY($1::uuid[])', [pending]);
    pending = [];
    for (const r of next) {
      if (r.status === 'merged' && r.merged_into) {
        pending.push(r.merged_into);
        mergedInto.set(r.id, r.merged_into);
      } else {
        survivors.set(r.id, { id: r.id, personalId: r.personal_id });
        mergedInto.set(r.id, null);
      }
    }
  }
  const resolve = (id: string, via: Map<string, string | null>): Known | undefined => {
    let cur = id;
    for (let i = 0; i < 6; i++) {
      const next = via.get(cur);
      if (next === undefined || next === null) return survivors.get(cur);
      cur = next;
    }
    return undefined;
  };
  for (const r of rows) {
    const k = r.status === 'merged' ? resolve(r.id, mergedInto) : { id: r.id, personalId: r.personal_id };
    if (k === undefined) continue;
    const list = out.get(r.value) ?? [];
    if (!list.some((x) => x.id === k.id)) list.push(k);
    out.set(r.value, list);
  }
  return out;
}

function personInput(e: Episode, keys: Keys, withSecondary: boolean): PersonInput {
  const p = e.patient;
  const birth = p.ngaySinh;
  const identifiers: NonNullable<PersonInput['identifiers']> = [];
  if (withSecondary) {
    for (const s of keys.secondary) {
      if (s.system === 'cmnd' || s.system === 'passport')
        identifiers.push({ system: s.system, value: s.value });
    }
    for (const c of keys.cards)
      identifiers.push({ system: 'bhyt', value: c.value, validFrom: c.validFrom, validTo: c.validTo });
    for (const s of keys.secondary) {
      if (s.system === 'bhxh' && !keys.cards.some((c) => c.value.endsWith(s.value))) {
        identifiers.push({ system: 'bhxh', value: s.value });
      }
    }
  }
  return {
    personalId: keys.personalId ?? null,
    fullName: p.hoTen,
    birthDate: birth?.date ?? String(birth?.year ?? 1900),
    sex: p.gender,
    ethnicCode: p.maDanToc ?? null,
    identifiers,
    address: {
      provinceCode: p.maTinhCuTru ?? null,
      communeCode: p.maXaCuTru ?? null,
      line: p.diaChi ?? null,
    },
    phone: p.dienThoai ?? null,
  };
}

/** Matches (or creates) the persons of a batch of episodes of one facility, in the caller's transaction. */
export async function matchPersons(
  q: Queryable,
  facility: string,
  items: readonly MatchItem[],
): Promise<PersonMatch[]> {
  const today = todayInVietnam();
  const keys = items.map((i) => keysOf(i.episode, today));
  const values = [
    ...new Set(
      keys.flatMap((k) => [...(k.personalId ? [k.personalId] : []), ...k.secondary.map((s) => s.value)]),
    ),
  ];
  const known = await lookup(q, values);
  const maBns = [...new Set(items.map((i) => i.episode.patient.maBn))];
  const byMaBn = new Map<string, { personId: string; nameKey: string; birthYear: number }>();
  if (keys.some((k) => !k.personalId && k.secondary.length === 0)) {
    const rows = await q.query<{ ma_bn: string; person_id: string; name_key: string; birth_year: number }>(
      `SELECT DISTINCT ON (e.ma_bn) e.ma_bn, p.id AS person_id, p.name_key, p.birth_year
         FROM episode e JOIN person p ON p.id = e.person_id AND p.status = 'active'
        WHERE e.facility_code = $1 AND e.ma_bn = ANY($2::text[])
        ORDER BY e.ma_bn, e.updated_at DESC`,
      [facility, maBns],
    );
    for (const r of rows)
      byMaBn.set(r.ma_bn, { personId: r.person_id, nameKey: r.name_key, birthYear: r.birth_year });
  }

  const results: (PersonMatch | undefined)[] = new Array<PersonMatch | undefined>(items.length);
  // Persons created in this batch, by key value, so two episodes of one new person make one person.
  const pending: { input: PersonInput; indexes: number[]; values: string[] }[] = [];
  const pendingByValue = new Map<string, number>();
  const enrich: { personId: string; keys: Keys }[] = [];

  const createFor = (i: number, withSecondary: boolean, review?: PersonMatch['review']): void => {
    const k = keys[i]!;
    const vals = [
      ...(k.personalId ? [k.personalId] : []),
      ...(withSecondary ? k.secondary.map((s) => s.value) : []),
    ];
    const existing = vals.map((v) => pendingByValue.get(v)).find((x) => x !== undefined);
    if (existing !== undefined) {
      pending[existing]!.indexes.push(i);
    } else {
      const slot = pending.length;
      pending.push({ input: personInput(items[i]!.episode, k, withSecondary), indexes: [i], values: vals });
      for (const v of vals) pendingByValue.set(v, slot);
    }
    results[i] = { personId: '', created: true, ...(review ? { review } : {}) };
  };

  items.forEach((item, i) => {
    const k = keys[i]!;
    const strong = k.personalId ? (known.get(k.personalId) ?? []) : [];
    const secondary = [
      ...new Map(k.secondary.flatMap((s) => known.get(s.value) ?? []).map((p) => [p.id, p])).values(),
    ];
    if (strong.length === 1) {
      const p = strong[0]!;
      const others = secondary.filter((s) => s.id !== p.id).map((s) => s.id);
      results[i] = {
        personId: p.id,
        created: false,
        ...(others.length > 0
          ? { review: { reason: 'identifier_conflict' as const, candidates: others } }
          : {}),
      };
      if (others.length === 0) enrich.push({ personId: p.id, keys: k });
      return;
    }
    if (k.personalId !== undefined) {
      const compatible =
        secondary.length === 1 && secondary[0]!.personalId === null ? secondary[0] : undefined;
      if (compatible) {
        results[i] = { personId: compatible.id, created: false };
        enrich.push({ personId: compatible.id, keys: k });
      } else if (secondary.length > 0 || strong.length > 1) {
        createFor(i, false, {
          reason: 'identifier_conflict',
          candidates: [...strong, ...secondary].map((s) => s.id),
        });
      } else {
        createFor(i, true);
      }
      return;
    }
    if (k.secondary.length > 0) {
      if (secondary.length === 1) {
        results[i] = { personId: secondary[0]!.id, created: false };
        enrich.push({ personId: secondary[0]!.id, keys: k });
      } else if (secondary.length > 1) {
        createFor(i, false, { reason: 'identifier_conflict', candidates: secondary.map((s) => s.id) });
      } else {
        createFor(i, true);
      }
      return;
    }
    // No usable identifier: an earlier send of this episode, or the facility's own patient id.
    const e = item.episode;
    if (item.previousPersonId !== undefined) {
      results[i] = {
        personId: item.previousPersonId,
        created: false,
        review: { reason: 'no_identifier', candidates: [] },
      };
      return;
    }
    const local = byMaBn.get(e.patient.maBn);
    if (
      local &&
      local.nameKey === nameKey(e.patient.hoTen) &&
      local.birthYear === (e.patient.ngaySinh?.year ?? -1)
    ) {
      results[i] = {
        personId: local.personId,
        created: false,
        review: { reason: 'no_identifier', candidates: [] },
      };
      return;
    }
    createFor(i, false, { reason: 'no_identifier', candidates: [] });
  });

  if (pending.length > 0) {
    const ids = await insertPersons(
      q,
      pending.map((p) => p.input),
    );
    pending.forEach((p, slot) => {
      // Only the first episode of a person created here counts as creating them.
      p.indexes.forEach((i, n) => {
        results[i] = { ...results[i]!, personId: ids[slot]!, created: n === 0 };
      });
    });
  }
  await addCards(q, enrich);
  await fillCandidates(q, items, results);
  return results.map((r) => r!);
}

/** New BHYT cards seen on a matched person are added to their identifier history. */
async function addCards(q: Queryable, enrich: readonly { personId: string; keys: Keys }[]): Promise<void> {
  const rows = enrich.flatMap((e) =>
    e.keys.cards.flatMap((c) => [
      [e.personId, 'bhyt', c.value, c.validFrom ?? null, c.validTo ?? null],
      [e.personId, 'bhxh', c.value.slice(5), null, null],
    ]),
  );
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO person_identifier (person_id, system, value, valid_from, valid_to, source)
     SELECT person_id, system, value, valid_from, valid_to, 'xml130'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::date[]) AS u(person_id, system, value, valid_from, valid_to)
     ON CONFLICT DO NOTHING`,
    [0, 1, 2, 3, 4].map((c) => rows.map((r) => r[c])),
  );
}

/** For episodes without identifiers: other persons with the same name and birth year, as review candidates. */
async function fillCandidates(
  q: Queryable,
  items: readonly MatchItem[],
  results: (PersonMatch | undefined)[],
): Promise<void> {
  const want = results.flatMap((r, i) => (r?.review?.reason === 'no_identifier' ? [i] : []));
  if (want.length === 0) return;
  const rows = await q.query<{ i: number; id: string }>(
    `SELECT k.i, p.id FROM unnest($1::int[], $2::text[], $3::int[]) AS k(i, name_key, birth_year)
       JOIN LATERAL (SELECT id FROM person WHERE name_key = k.name_key AND birth_year = k.birth_year
                     AND status = 'active' ORDER BY created_at LIMIT 10) p ON true`,
    [
      want,
      want.map((i) => nameKey(items[i]!.episode.patient.hoTen)),
      want.map((i) => items[i]!.episode.patient.ngaySinh?.year ?? -1),
    ],
  );
  for (const i of want) {
    const r = results[i]!;
    const candidates = rows.filter((x) => x.i === i && x.id !== r.personId).map((x) => x.id);
    results[i] = { ...r, review: { reason: 'no_identifier', candidates } };
  }
}
