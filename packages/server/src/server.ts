import type { Config } from './config/config.ts';
import { openDb } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import type { Db } from './db/types.ts';
import { loadKeyRing } from './auth/keys.ts';
import { tokenService } from './auth/tokens.ts';
import { buildApp, type BuildOptions } from './http/app.ts';
import type { App, Deps } from './http/types.ts';
import { startJobs } from './jobs/runner.ts';
import { bootstrapAdmin } from './seed/bootstrap.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';

export interface Platform {
  app: App;
  db: Db;
  deps: Deps;
  close(): Promise<void>;
}

/** Open the database, migrate, bootstrap the admin and demo data, and build the HTTP app (not listening). */
export async function createPlatform(
  config: Config,
  opts: BuildOptions & { db?: Db; print?: (line: string) => void } = {},
): Promise<Platform> {
  const print = opts.print ?? ((l: string) => process.stdout.write(`${l}\n`));
  const db = opts.db ?? (await openDb(config));
  await migrate(db);
  await bootstrapAdmin(db, config.adminPassword, print);
  if (config.seedDemo) await seedDemoIfEmpty(db, print);
  const deps: Deps = {
    db,
    config,
    tokens: tokenService(
      loadKeyRing({
        jwtSecret: config.jwtSecret,
        previousSecrets: config.security.jwtPreviousSecrets,
        dataDir: config.dataDir,
        maxAgeDays: config.security.jwtKeyMaxAgeDays,
      }),
      config.jwtTtlSeconds,
    ),
  };
  const app = await buildApp(deps, opts);
  const jobs = startJobs(db, config, app.log); // scheduled jobs (jobs/README.md)
  return {
    app,
    db,
    deps,
    async close() {
      await jobs.stop();
      await app.close();
      if (!opts.db) await db.close();
    },
  };
}
