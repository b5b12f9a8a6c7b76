import type { FastifyInstance, FastifyPluginAsync, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '@suckhoe/domain';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/types.ts';
import type { Principal, TokenService } from '../auth/tokens.ts';

/** What every capability plugin receives. */
export interface Deps {
  readonly db: Db;
  readonly config: Config;
  readonly tokens: TokenService;
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type Capability = FastifyPluginAsync<Deps, RawServerDefault, ZodTypeProvider>;

/**
 * Access policy every /api and /fhir route must declare in its `config`:
 * `{ public: true }` (no login), or `{ roles: [...] }` (any of these roles; admin always passes).
 * A route that declares neither makes the server refuse to start.
 */
export interface RoutePolicy {
  public?: boolean;
  roles?: readonly Role[];
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation
  interface FastifyContextConfig extends RoutePolicy {}
  interface FastifyRequest {
    principal: Principal | null;
  }
}
