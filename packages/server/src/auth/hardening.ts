import type { FastifyInstance } from 'fastify';
import { IncomingMessage, type ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
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

const HELMET_OPTIONS: HelmetOptions = {
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
};

/**
 * Helmet's headers do not depend on the request (no nonces, no per-route options): compute them
 * once by running helmet's middleware against a recorder, then set the same map on every reply —
 * instead of rebuilding helmet (and re-parsing the CSP) at every request as the Fastify plugin does.
 */
export function securityHeaders(options: HelmetOptions = HELMET_OPTIONS): Readonly<Record<string, string>> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
      return recorder;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  const outcome: { error: Error | null } = { error: null };
  const request = Object.create(IncomingMessage.prototype) as IncomingMessage;
  helmet(options)(request, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) outcome.error = err instanceof Error ? err : new Error('helmet failed');
  });
  if (outcome.error) throw outcome.error;
  return Object.freeze(Object.fromEntries(headers));
}

export async function installHardening(app: FastifyInstance, deps: Deps): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
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
