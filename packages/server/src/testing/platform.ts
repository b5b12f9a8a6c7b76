import type { Engine } from '../db/types.ts';
import { createPlatform, type Platform } from '../server.ts';
import { openTestDb, testConfig } from './engines.ts';

export const ADMIN_PASSWORD = 'test-admin-password';

export interface TestPlatform extends Platform {
  /** Log in and return the `Authorization` header value. */
  login(username?: string, password?: string): Promise<string>;
  dispose(): Promise<void>;
}

/** The real app on a real (embedded or server) database, driven through `app.inject`. */
export async function testPlatform(engine: Engine, env: Record<string, string> = {}): Promise<TestPlatform> {
  const tdb = await openTestDb(engine);
  const config = testConfig(env);
  const p = await createPlatform(config, { db: tdb.db, logger: false, print: () => undefined });
  return {
    ...p,
    async login(username = 'admin', password = ADMIN_PASSWORD) {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      return `Bearer ${r.json<{ accessToken: string }>().accessToken}`;
    },
    async dispose() {
      await p.close();
      await tdb.dispose();
      config.cleanup();
    },
  };
}
