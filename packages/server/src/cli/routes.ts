import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { openPglite } from '../db/pglite.ts';
import { migrate } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import { envKeyRing } from '../auth/keys.ts';
import { tokenService } from '../auth/tokens.ts';
import { routeTable } from '../auth/policy.ts';
import { renderPolicyTable } from '../auth/policy-doc.ts';

/** `npx suckhoe routes` — every /api and /fhir route with who may call it (docs/security.md's table). */
export function routesCommand(program: Command): void {
  program
    .command('routes')
    .description('Bảng quyền truy cập: mọi đường dẫn /api, /fhir × vai trò (markdown)')
    .action(async () => {
      // A throw-away in-memory database: building the app touches nothing of the real one.
      const db = await openPglite(undefined);
      try {
        await migrate(db);
        const config = { ...loadConfig(), logLevel: 'silent' };
        const tokens = tokenService(envKeyRing(randomBytes(32).toString('hex')), 60);
        const app = await buildApp({ db, config, tokens }, { logger: false });
        await app.ready();
        process.stdout.write(`${renderPolicyTable(routeTable(app))}\n`);
        await app.close();
      } finally {
        await db.close();
      }
    });
}
