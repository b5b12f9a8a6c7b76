import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { ROLE_NAMES } from '@suckhoe/domain';
import { ApiError, notFound } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import { forbidden, requirePrincipal } from '../auth/guard.ts';
import type { Principal } from '../auth/tokens.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys.ts';
import {
  FACILITY_LEVELS,
  getFacility,
  insertFacilities,
  listFacilities,
  setCertificate,
  updateFacility,
} from './repo.ts';

const code = z.string().regex(/^[0-9A-Z]{5}$/, 'Mã cơ sở gồm đúng 5 ký tự (chữ in hoa hoặc số)');
const facilitySchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(FACILITY_LEVELS),
  provinceCode: z.string(),
  communeCode: z.string().nullable(),
  parentCode: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  acceptUnsigned: z.boolean(),
  certificateSha256: z.string().nullable(),
});
const params = z.object({ code });

/** Admins act on every facility; facility admins only on their own (the guard checks `facilityParam` first). */
function assertManages(p: Principal, facilityCode: string): void {
  if (p.roles.includes('admin')) return;
  if (p.roles.includes('facility_admin') && p.facilityCode === facilityCode) return;
  throw forbidden();
}

export const facilityRoutes: Capability = async (app, { db }) => {
  app.get(
    '/api/v1/facilities',
    {
      config: { roles: ROLE_NAMES },
      schema: {
        tags: ['facilities'],
        summary: 'Danh sách cơ sở khám chữa bệnh',
        querystring: z.object({
          provinceCode: z
            .string()
            .regex(/^\d{2}$/)
            .optional(),
          communeCode: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
          level: z.enum(FACILITY_LEVELS).optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(facilitySchema), total: z.number() }) },
      },
    },
    // `%` and `_` typed in the search box are text, not LIKE wildcards.
    async (req) => listFacilities(db, { ...req.query, q: req.query.q?.replace(/[\\%_]/g, (c) => `\\${c}`) }),
  );

  app.post(
    '/api/v1/facilities',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['facilities'],
        summary: 'Thêm cơ sở',
        body: z.object({
          code,
          name: z.string().min(3).max(300),
          level: z.enum(FACILITY_LEVELS),
          provinceCode: z.string().regex(/^\d{2}$/),
          communeCode: z
            .string()
            .regex(/^\d{5}$/)
            .nullable()
            .optional(),
          parentCode: code.nullable().optional(),
          acceptUnsigned: z.boolean().optional(),
        }),
        response: { 201: facilitySchema },
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (!b.code.startsWith(b.provinceCode)) {
        throw new ApiError(
          400,
          'FACILITY_CODE_PROVINCE_MISMATCH',
          'Hai ký tự đầu của mã cơ sở phải là mã tỉnh.',
        );
      }
      if (await getFacility(db, b.code)) {
        throw new ApiError(409, 'FACILITY_EXISTS', `Cơ sở mã ${b.code} đã tồn tại.`);
      }
      if (b.parentCode && !(await getFacility(db, b.parentCode))) {
        throw new ApiError(400, 'FACILITY_PARENT_UNKNOWN', `Không có cơ sở cấp trên mã ${b.parentCode}.`);
      }
      await insertFacilities(db, [b]);
      return reply.status(201).send((await getFacility(db, b.code))!);
    },
  );

  app.get(
    '/api/v1/facilities/:code',
    {
      config: { roles: ROLE_NAMES },
      schema: { tags: ['facilities'], summary: 'Một cơ sở', params, response: { 200: facilitySchema } },
    },
    async (req) =>
      (await getFacility(db, req.params.code)) ?? Promise.reject(notFound(`cơ sở ${req.params.code}`)),
  );

  app.patch(
    '/api/v1/facilities/:code',
    {
      config: { roles: ['admin', 'facility_admin'], facilityParam: 'code' },
      schema: {
        tags: ['facilities'],
        summary: 'Sửa thông tin cơ sở',
        params,
        body: z
          .object({
            name: z.string().min(3).max(300),
            level: z.enum(FACILITY_LEVELS),
            communeCode: z
              .string()
              .regex(/^\d{5}$/)
              .nullable(),
            parentCode: code.nullable(),
            acceptUnsigned: z.boolean(),
            status: z.enum(['active', 'inactive']),
          })
          .partial()
          .strict(),
        response: { 200: facilitySchema },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      assertManages(p, req.params.code);
      if (
        (req.body.level !== undefined || req.body.acceptUnsigned !== undefined) &&
        !p.roles.includes('admin')
      ) {
        throw forbidden();
      }
      return (
        (await updateFacility(db, req.params.code, req.body)) ??
        Promise.reject(notFound(`cơ sở ${req.params.code}`))
      );
    },
  );

  app.put(
    '/api/v1/facilities/:code/certificate',
    {
      config: { roles: ['admin', 'facility_admin'], facilityParam: 'code' },
      schema: {
        tags: ['facilities'],
        summary: 'Đăng ký chứng thư số (PEM) mà chữ ký XML của cơ sở phải khớp',
        params,
        body: z.object({ certificatePem: z.string().min(100).max(20_000) }),
        response: {
          200: z.object({
            code: z.string(),
            certificateSha256: z.string(),
            subject: z.string(),
            validTo: z.string(),
          }),
        },
      },
    },
    async (req) => {
      assertManages(requirePrincipal(req), req.params.code);
      let cert: X509Certificate;
      try {
        cert = new X509Certificate(req.body.certificatePem);
      } catch {
        throw new ApiError(
          400,
          'CERTIFICATE_INVALID',
          'Chứng thư số không đọc được (cần định dạng PEM X.509).',
        );
      }
      const sha = cert.fingerprint256.replace(/:/g, '').toLowerCase();
      if (!(await setCertificate(db, req.params.code, cert.toString(), sha)))
        throw notFound(`cơ sở ${req.params.code}`);
      await req.audit({ action: 'update', resource: 'FacilityCertificate', resourceId: req.params.code });
      return {
        code: req.params.code,
        certificateSha256: sha,
        subject: cert.subject,
        validTo: new Date(cert.validTo).toISOString(),
      };
    },
  );

  app.post(
    '/api/v1/facilities/:code/api-keys',
    {
      config: { roles: ['admin', 'facility_admin'], facilityParam: 'code' },
      schema: {
        tags: ['facilities'],
        summary: 'Tạo khóa API cho hệ thống HIS của cơ sở (chỉ hiển thị một lần)',
        params,
        body: z.object({ label: z.string().max(100).optional() }).optional(),
        response: { 201: z.object({ id: z.string(), apiKey: z.string(), prefix: z.string() }) },
      },
    },
    async (req, reply) => {
      const p = requirePrincipal(req);
      assertManages(p, req.params.code);
      if (!(await getFacility(db, req.params.code))) throw notFound(`cơ sở ${req.params.code}`);
      const key = await createApiKey(db, req.params.code, p.username, req.body?.label ?? null);
      await req.audit({
        action: 'create',
        resource: 'ApiKey',
        resourceId: key.id,
        details: { facility: req.params.code },
      });
      return reply.status(201).send(key);
    },
  );

  app.get(
    '/api/v1/facilities/:code/api-keys',
    {
      config: { roles: ['admin', 'facility_admin'], facilityParam: 'code' },
      schema: { tags: ['facilities'], summary: 'Các khóa API của cơ sở (không có khóa bí mật)', params },
    },
    async (req) => {
      assertManages(requirePrincipal(req), req.params.code);
      const items = await listApiKeys(db, req.params.code);
      return { items, total: items.length };
    },
  );

  app.delete(
    '/api/v1/facilities/:code/api-keys/:id',
    {
      config: { roles: ['admin', 'facility_admin'], facilityParam: 'code' },
      schema: { tags: ['facilities'], summary: 'Thu hồi khóa API', params: params.extend({ id: z.uuid() }) },
    },
    async (req, reply) => {
      assertManages(requirePrincipal(req), req.params.code);
      if (!(await revokeApiKey(db, req.params.code, req.params.id))) throw notFound('khóa API');
      await req.audit({
        action: 'delete',
        resource: 'ApiKey',
        resourceId: req.params.id,
        details: { facility: req.params.code },
      });
      return reply.status(204).send();
    },
  );
};
