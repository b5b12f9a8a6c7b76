import { z } from 'zod';
import { ROLE_NAMES } from '@suckhoe/domain';
import { ApiError } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';
import { findUserForLogin } from './users.ts';
import { requirePrincipal } from './guard.ts';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLE_NAMES as [string, ...string[]])),
  facilityCode: z.string().nullable(),
});

export const authRoutes: Capability = async (app, deps) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu, nhận mã truy cập (JWT)',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ accessToken: z.string(), expiresIn: z.number(), user: userSchema }) },
      },
    },
    async (req) => {
      const found = await findUserForLogin(deps.db, req.body.username.trim());
      const valid = await verifyPassword(found?.hash ?? DUMMY_HASH, req.body.password);
      if (!found || !valid || found.user.disabled) {
        throw new ApiError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      const u = found.user;
      const accessToken = await deps.tokens.issue({
        kind: 'user',
        id: u.id,
        username: u.username,
        roles: u.roles,
        facilityCode: u.facilityCode,
        personId: u.personId,
      });
      return {
        accessToken,
        expiresIn: deps.config.jwtTtlSeconds,
        user: {
          id: u.id,
          username: u.username,
          fullName: u.fullName,
          roles: u.roles,
          facilityCode: u.facilityCode,
        },
      };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { roles: ROLE_NAMES },
      schema: { tags: ['auth'], summary: 'Người dùng hiện tại' },
    },
    async (req) => {
      const p = requirePrincipal(req);
      return { id: p.id, username: p.username, roles: p.roles, facilityCode: p.facilityCode, kind: p.kind };
    },
  );
};
