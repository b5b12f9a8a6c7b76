import { z } from 'zod';
import { findCommune } from '@suckhoe/domain';
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
      const r = await findPersons(db, query);
      return { items: r.items.map(withCommuneName), total: r.total };
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
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/persons/:person',
    {
      config: { roles: READERS },
      schema: {
        tags: ['persons'],
        summary: 'Một người (theo mã nền tảng hoặc số định danh cá nhân)',
        params: personRef,
        response: { 200: personOut },
      },
    },
    async (req) => {
      const p = await getPerson(db, req.params.person);
      if (!p) throw notFound('người dân này');
      return withCommuneName(p);
    },
  );
};
