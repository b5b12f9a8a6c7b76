import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { ApiError } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { ensureUpcomingPartitions } from '../audit/store.ts';

/**
 * Security headers, CORS and request-rate limits for the whole app (registered once at the root,
 * before any capability). Body limits are Fastify's (`BODY_LIMIT_BYTES`, see http/app.ts).
 *
 * CSP: same-origin scripts only (the SPA's Vite bundle and Swagger UI at /docs both load their
 * scripts from files); styles may be inline because Mantine and Swagger UI set style attributes;
 * images may be data: URLs (QR codes). No `upgrade-insecure-requests`: the embedded default serves
 * plain HTTP on a LAN address.
 */
const invalidCharacter = (): ApiError =>
  new ApiError(400, 'INVALID_CHARACTER', 'Yêu cầu chứa ký tự không hợp lệ (NUL).');

function hasNul(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 20 || v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x, depth + 1));
}

export async function installHardening(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Cross-origin resources are not embedded; keep the defaults for the rest (nosniff, referrer policy, HSTS over HTTPS).
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });

  const origins = deps.config.security.corsOrigins;
  if (origins.length > 0) {
    await app.register(cors, {
      origin: origins,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-API-Key', 'X-Break-Glass-Reason'],
      credentials: false,
      maxAge: 600,
    });
  }

  // NUL characters cannot be stored in PostgreSQL text: refuse them up front rather than fail in SQL.
  app.addHook('onRequest', async (req) => {
    if (/%00/i.test(req.url)) throw invalidCharacter();
  });
  app.addHook('preValidation', async (req) => {
    if (
      req.body !== null &&
      typeof req.body === 'object' &&
      !Buffer.isBuffer(req.body) &&
      hasNul(req.body, 0)
    ) {
      throw invalidCharacter();
    }
  });

  // Per-route limits (login, refresh) declare `config.rateLimit`; nothing is limited globally.
  await app.register(rateLimit, { global: false });

  await ensureUpcomingPartitions(deps.db);
}
