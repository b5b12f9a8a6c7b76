import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { openDb } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Áp dụng các migration còn thiếu (PGlite trong DATA_DIR, hoặc DATABASE_URL)')
    .action(async () => {
      const db = await openDb(loadConfig());
      try {
        const applied = await migrate(db);
        process.stdout.write(
          applied.length ? `Đã áp dụng: ${applied.join(', ')}\n` : 'Cơ sở dữ liệu đã mới nhất.\n',
        );
      } finally {
        await db.close();
      }
    });
}
