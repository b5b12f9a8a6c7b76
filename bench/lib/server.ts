import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@suckhoe/domain';
import { loadConfig } from '../../packages/server/src/config/config.ts';
import { createPlatform } from '../../packages/server/src/server.ts';
import { createUser } from '../../packages/server/src/auth/users.ts';
import type { Db } from '../../packages/server/src/db/types.ts';

export interface BenchServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  db: Db;
  /** Create a user with these roles (at `facilityCode` if given), log in, return the `Authorization` value. */
  bearer(roles: Role[], facilityCode?: string | null): Promise<string>;
  close(): Promise<void>;
}

const PASSWORD = 'bench-password-123';

/**
 * The real server (all capabilities, the access guard, validation) on an already opened database,
 * listening on 127.0.0.1 on a free port, without request logs.
 */
export async function startServer(db: Db): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'suckhoe-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: PASSWORD,
    SEED_DEMO: '0',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    LOG_LEVEL: 'silent',
  });
  const platform = await createPlatform(config, { db, logger: false, print: () => undefined });
  const url = await platform.app.listen({ host: '127.0.0.1', port: 0 });
  let users = 0;
  return {
    url,
    db,
    async bearer(roles, facilityCode = null) {
      const username = `bench${++users}`;
      await createUser(db, { username, fullName: 'Bench', password: PASSWORD, roles, facilityCode });
      const r = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`);
      const { accessToken } = (await r.json()) as { accessToken: string };
      return `Bearer ${accessToken}`;
    },
    async close() {
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
