import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { App, Capability, Deps } from './types.ts';
import { registerErrorHandling, routeNotFound } from './errors.ts';
import { installGuard } from '../auth/guard.ts';
import { installHardening } from '../auth/hardening.ts';
import { redactPath } from '../auth/redact.ts';
import { authRoutes } from '../auth/routes.ts';
import { healthRoutes } from './health.ts';
import { facilityRoutes } from '../facilities/routes.ts';
import { personRoutes } from '../persons/routes.ts';
import { identityRoutes } from '../identity/routes.ts';
import { careRoutes } from '../auth/care-routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { consentRoutes } from '../consent/routes.ts';
import { checkinRoutes } from '../checkin/routes.ts';
import { clinicAdminRoutes } from '../checkin/clinic-admin.ts';
import { ingestRoutes } from '../ingest/routes.ts';
import { healthBookRoutes } from '../healthbook/routes.ts';
import { fhirRoutes } from '../fhir/routes.ts';

/** Every capability, in one list: adding one is one line here (see packages/server/README.md). */
const CAPABILITIES: readonly Capability[] = [
  healthRoutes,
  authRoutes,
  facilityRoutes,
  personRoutes,
  identityRoutes,
  careRoutes,
  auditRoutes,
  consentRoutes,
  checkinRoutes,
  clinicAdminRoutes,
  ingestRoutes,
  healthBookRoutes,
  fhirRoutes,
];

export interface BuildOptions {
  logger?: boolean;
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            // Never log personal data: no bodies, no query strings (they carry IDs and names), no auth headers.
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                method: req.method,
                path: redactPath(req.url),
                id: req.id,
              }),
            },
            redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
          },
    bodyLimit: deps.config.bodyLimit,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  installGuard(app, deps);
  await installHardening(app, deps);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'SứcKhỏe Hub API',
        description: 'Nền tảng y tế thông minh cấp tỉnh — sổ sức khỏe điện tử, XML 130, tiếp đón, FHIR R4.',
        version: '1',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  for (const cap of CAPABILITIES) await app.register(cap, deps);

  const hasWeb = existsSync(deps.config.webDist);
  if (hasWeb) await app.register(fastifyStatic, { root: deps.config.webDist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    // Single-page app: unknown non-API GET paths serve index.html; everything else is a JSON 404.
    if (hasWeb && req.method === 'GET' && !/^\/(api|fhir|docs|health)(\/|$)/.test(req.url)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(routeNotFound(req.method, req.url));
  });
  return app;
}
