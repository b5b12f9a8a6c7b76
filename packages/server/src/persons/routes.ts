import { z } from 'zod';
import { findCommune, normalizeText } from '@suckhoe/domain';
import { ApiError, notFound } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import { requirePrincipal } from '../auth/guard.ts';
import { findPersons, getPerson, insertPersons } from './repo.ts';
import { normalizeIdentifier } from './model.ts';
import { listProbableDuplicates, markDistinct, mergePersons } from './duplicates.ts';
import { personInputSchema, personRef, personSchema } from './schemas.ts';
import { validatePersonInput } from './validate.ts';

const READERS = ['clinician', 'registrar', 'station_staff', 'facility_admin'] as const;
const REVIEWERS = ['registrar', 'facility_admin'] as const;

/** Text typed into one search box: an identifier when it has digits in ID shape, else a name. */
function looksLikeIdentifier(q: string): boolean {
  const v = normalizeIdentifier(q);
  return (
    /^\d{8,12}$/.test(v) ||
    /^[A-Z]{2}\d{13}$/.test(v) ||
    /^[A-Z]{2}\d[A-Z0-9]{12}$/.test(v) ||
    /^[A-Z]\d{7}$/.test(v)
  );
}

const withCommuneName = <T extends { address: { communeCode: string | null } }>(p: T) => ({
  ...p,
  address: {
    ...p.address,
    communeName: p.address.communeCode ? (findCommune(p.address.communeCode)?.fullName ?? null) : null,
  },
});

/**
 * What a search result shows: enough to pick the right person at the desk (name, birth date, sex,
 * identifiers with their validity, province/commune) — not the phone number or street address,
 * which need the person's record (care relationship or break-glass).
 */
const listFields = <
  T extends Parameters<typeof withCommuneName>[0] & {
    phone: string | null;
    address: { line: string | null };
  },
>(
  p: T,
) => {
  const out = withCommuneName(p);
  return { ...out, phone: null, address: { ...out.address, line: null } };
};

const personOut = personSchema.extend({
  address: personSchema.shape.address.extend({ communeName: z.string().nullable() }),
});

export const personRoutes: Capability = async (app, { db }) => {
  app.get(
    '/api/v1/persons',
    {
      config: { roles: READERS },
      schema: {
        tags: ['persons'],
        summary:
          'Tìm người dân theo mã định danh (CCCD, CMND, mã thẻ BHYT, mã số BHXH, hộ chiếu) hoặc họ tên + ngày sinh',
        querystring: z
          .object({
            q: z.string().trim().min(1).max(100).optional(),
            identifier: z.string().trim().min(1).max(40).optional(),
            name: z.string().trim().min(1).max(100).optional(),
            birthDate: z
              .string()
              .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Ngày sinh dạng YYYY-MM-DD hoặc YYYY')
              .optional(),
            communeCode: z
              .string()
              .regex(/^\d{5}$/)
              .optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
            offset: z.coerce.number().int().min(0).max(10_000).default(0),
          })
          .refine((q) => Boolean(q.q ?? q.identifier ?? q.name), {
            message: 'Cần nhập mã định danh hoặc họ tên để tìm',
          }),
        response: { 200: z.object({ items: z.array(personOut), total: z.number() }) },
      },
    },
    async (req) => {
      const { q, ...rest } = req.query;
      const query = { ...rest };
      if (q) {
        if (looksLikeIdentifier(q)) query.identifier = q;
        else query.name = q;
      }
      // A name of punctuation only ("%", "'") would match everyone: refuse it rather than list the registry.
      if (!query.identifier && query.name && !normalizeText(query.name).trim()) {
        throw new ApiError(400, 'SEARCH_TEXT_EMPTY', 'Cần nhập họ tên (chữ cái) hoặc mã định danh để tìm.');
      }
      const r = await findPersons(db, query);
      // Audited as a search: by identifier it names the person(s) found (a targeted look-up the
      // citizen sees in their access log); by name it records one event with counts only.
      const criteria = (['identifier', 'name', 'birthDate', 'communeCode'] as const).filter((k) => query[k]);
      await req.audit(
        query.identifier && r.items.length > 0
          ? r.items.map((p) => ({
              action: 'search' as const,
              resource: 'Person',
              personId: p.id,
              details: { criteria },
            }))
          : { action: 'search', resource: 'Person', details: { criteria, resultCount: r.total } },
      );
      return { items: r.items.map(listFields), total: r.total };
    },
  );

  app.post(
    '/api/v1/persons',
    {
      config: { roles: READERS },
      schema: {
        tags: ['persons'],
        summary: 'Thêm người dân vào danh mục (không bao giờ tạo trùng số định danh)',
        body: personInputSchema,
        response: {
          201: personOut.extend({
            warnings: z.array(
              z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      const input = {
        ...req.body,
        personalId: req.body.personalId ? normalizeIdentifier(req.body.personalId) : null,
      };
      const { errors, warnings } = validatePersonInput(input);
      if (errors.length > 0) throw ApiError.badRequest(errors);
      const values = [input.personalId, ...(input.identifiers ?? []).map((i) => i.value)].filter(
        (v): v is string => Boolean(v),
      );
      for (const v of values) {
        const existing = await findPersons(db, { identifier: v, limit: 1, offset: 0 });
        const hit = existing.items[0];
        if (hit) {
          throw new ApiError(
            409,
            'PERSON_EXISTS',
            `Đã có người mang mã ${normalizeIdentifier(v)} trong danh mục.`,
            {
              id: hit.id,
            },
          );
        }
      }
      const id = await db.transaction(async (tx) => (await insertPersons(tx, [input]))[0]!);
      await req.audit({ action: 'create', resource: 'Person', resourceId: id, personId: id });
      const person = (await getPerson(db, id))!;
      return reply.status(201).send({ ...withCommuneName(person), warnings });
    },
  );

  app.get(
    '/api/v1/persons/duplicates',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags: ['persons'],
        summary: 'Hồ sơ có thể trùng (cùng họ tên không dấu, ngày sinh, xã) chờ xem xét',
        querystring: z.object({
          provinceCode: z
            .string()
            .regex(/^\d{2}$/)
            .optional(),
          communeCode: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const r = await listProbableDuplicates(db, req.query);
      await req.audit({ action: 'search', resource: 'PersonDuplicates', details: { resultCount: r.total } });
      return {
        items: r.items.map((d) => ({ ...d, a: withCommuneName(d.a), b: withCommuneName(d.b) })),
        total: r.total,
      };
    },
  );

  app.post(
    '/api/v1/persons/merge',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags: ['persons'],
        summary: 'Gộp hai hồ sơ (giữ lịch sử của cả hai)',
        body: z.object({ survivorId: z.uuid(), mergedId: z.uuid(), reason: z.string().max(500).optional() }),
        response: { 200: personOut },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      const merged = await mergePersons(
        db,
        req.body.survivorId,
        req.body.mergedId,
        p.username,
        req.body.reason ?? null,
      );
      await req.audit([
        { action: 'merge', resource: 'Person', resourceId: req.body.mergedId, personId: req.body.survivorId },
        { action: 'merge', resource: 'Person', resourceId: req.body.survivorId, personId: req.body.mergedId },
      ]);
      return withCommuneName(merged);
    },
  );

  app.post(
    '/api/v1/persons/distinct',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags: ['persons'],
        summary: 'Đánh dấu hai hồ sơ là hai người khác nhau',
        body: z.object({ a: z.uuid(), b: z.uuid() }),
      },
    },
    async (req, reply) => {
      await markDistinct(db, req.body.a, req.body.b, requirePrincipal(req).username);
      await req.audit([
        { action: 'update', resource: 'PersonDistinct', resourceId: req.body.b, personId: req.body.a },
        { action: 'update', resource: 'PersonDistinct', resourceId: req.body.a, personId: req.body.b },
      ]);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/persons/:person',
    {
      // Staff read a person's record through a care relationship of their facility (or break-glass);
      // citizens their own; analysts only by break-glass. Audited as `read` by the guard.
      config: { roles: [...READERS, 'citizen', 'analyst'], person: { access: 'read' } },
      schema: {
        tags: ['persons'],
        summary:
          'Một người (theo mã nền tảng hoặc số định danh cá nhân); cần quan hệ điều trị hoặc lý do truy cập khẩn cấp',
        params: personRef,
        response: { 200: personOut },
      },
    },
    async (req) => {
      const p = await getPerson(db, req.personAccess!.personId);
      if (!p) throw notFound('người dân này');
      return withCommuneName(p);
    },
  );
};
