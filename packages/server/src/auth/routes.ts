import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ROLE_NAMES } from '@suckhoe/domain';
import { ApiError } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import type { AuditActor } from '../audit/types.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';
import { findUserById, findUserForLogin, type User } from './users.ts';
import { requirePrincipal } from './guard.ts';
import { clearFailures, ipKey, lockedSeconds, recordFailure, userKey } from './throttle.ts';
import { revokeRefreshFamily, rotateRefreshToken } from './refresh.ts';
import { issueSession } from './session.ts';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(z.enum(ROLE_NAMES as [string, ...string[]])),
  facilityCode: z.string().nullable(),
});

const sessionSchema = z.object({
  accessToken: z.string(),
  expiresIn: z.number(),
  refreshToken: z.string(),
  refreshExpiresIn: z.number(),
  user: userSchema,
});

const ANONYMOUS: AuditActor = { kind: 'anonymous', id: null, name: null, roles: [], facilityCode: null };
const actorOfUser = (u: User): AuditActor => ({
  kind: 'user',
  id: u.id,
  name: u.username,
  roles: u.roles,
  facilityCode: u.facilityCode,
});

const invalidCredentials = (): ApiError =>
  new ApiError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');

const locked = (seconds: number): ApiError =>
  new ApiError(
    429,
    'LOGIN_LOCKED',
    `Đăng nhập sai nhiều lần: tạm khóa, vui lòng thử lại sau ${seconds} giây.`,
    { retryAfterSeconds: seconds },
  );

const invalidRefresh = (): ApiError =>
  new ApiError(
    401,
    'INVALID_REFRESH_TOKEN',
    'Phiên đăng nhập đã hết hạn hoặc không hợp lệ, vui lòng đăng nhập lại.',
  );

export const authRoutes: Capability = async (app, deps) => {
  const sec = deps.config.security;
  const rateLimit = { max: sec.loginRatePerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary:
          'Đăng nhập bằng tên đăng nhập (người dân: số định danh cá nhân) và mật khẩu; nhận mã truy cập (15 phút) và mã làm mới',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: sessionSchema },
      },
    },
    async (req, reply) => {
      const username = req.body.username.trim();
      const keys = [userKey(username), ipKey(req.ip)];
      const found = await findUserForLogin(deps.db, username);
      const failed = (reason: string) =>
        req.audit({
          action: 'login_failed',
          resource: 'UserAccount',
          resourceId: found?.user.id ?? null,
          personId: found?.user.personId ?? null,
          outcome: 'denied',
          actor: ANONYMOUS,
          details: {
            reason,
            ip: req.ip,
            username: createHash('sha256').update(username.toLowerCase()).digest('hex').slice(0, 12),
          },
        });
      const wait = await lockedSeconds(deps.db, keys);
      if (wait > 0) {
        await failed('locked');
        void reply.header('retry-after', String(wait));
        throw locked(wait);
      }
      const valid = await verifyPassword(found?.hash ?? DUMMY_HASH, req.body.password);
      if (!found || !valid || found.user.disabled) {
        const lockUser = await recordFailure(deps.db, keys[0]!, sec.loginMaxFailures, sec);
        const lockIp = await recordFailure(deps.db, keys[1]!, sec.loginIpMaxFailures, sec);
        await failed(!found ? 'unknown_user' : found.user.disabled ? 'disabled' : 'bad_password');
        const lock = Math.max(lockUser, lockIp);
        if (lock > 0) void reply.header('retry-after', String(lock));
        throw invalidCredentials();
      }
      await clearFailures(deps.db, keys[0]!);
      const u = found.user;
      await req.audit({
        action: 'login',
        resource: 'UserAccount',
        resourceId: u.id,
        personId: u.personId,
        actor: actorOfUser(u),
      });
      return issueSession(deps, u, ['pwd']);
    },
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mã làm mới lấy mã truy cập mới (mã làm mới cũ hết hiệu lực)',
        body: z.object({ refreshToken: z.string().min(1).max(200) }),
        response: { 200: sessionSchema },
      },
    },
    async (req) => {
      const r = await rotateRefreshToken(deps.db, req.body.refreshToken, sec.refreshTtlSeconds);
      if (!r.ok) {
        if (r.reason === 'reused') {
          await req.audit({
            action: 'token_reuse',
            resource: 'UserAccount',
            resourceId: r.userId ?? null,
            outcome: 'denied',
            actor: ANONYMOUS,
            details: { ip: req.ip },
          });
        }
        throw invalidRefresh();
      }
      const u = await findUserById(deps.db, r.userId);
      if (!u || u.disabled) throw invalidRefresh();
      await req.audit({
        action: 'token_refresh',
        resource: 'UserAccount',
        resourceId: u.id,
        actor: actorOfUser(u),
      });
      return issueSession(deps, u, r.amr.split(' '), { token: r.token });
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất: thu hồi mã làm mới (và mọi mã cùng phiên)',
        body: z.object({ refreshToken: z.string().min(1).max(200) }),
      },
    },
    async (req, reply) => {
      const userId = await revokeRefreshFamily(deps.db, req.body.refreshToken);
      if (userId) {
        await req.audit({
          action: 'logout',
          resource: 'UserAccount',
          resourceId: userId,
          actor: { ...ANONYMOUS, kind: 'user', id: userId },
        });
      }
      return reply.status(204).send();
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
      return {
        id: p.id,
        username: p.username,
        roles: p.roles,
        facilityCode: p.facilityCode,
        personId: p.personId,
        kind: p.kind,
        amr: p.amr ?? [],
      };
    },
  );
};
