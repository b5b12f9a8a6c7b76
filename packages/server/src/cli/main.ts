import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.ts';
import { serveCommand } from './serve.ts';
import { migrateCommand } from './migrate.ts';
import { usersCommand } from './users.ts';
import { auditCommand } from './audit.ts';
import { keysCommand } from './keys.ts';
import { routesCommand } from './routes.ts';
import { generateCommand } from './generate.ts';
import { importCommand } from './import.ts';
import { exportCommand } from './export.ts';

/** `npx suckhoe …` — each sub-command lives in its own file in this folder. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('suckhoe')
    .description('SứcKhỏe Hub — nền tảng y tế thông minh cấp tỉnh (provincial smart-health platform)')
    .showHelpAfterError()
    .exitOverride();
  serveCommand(program);
  migrateCommand(program);
  usersCommand(program);
  auditCommand(program);
  keysCommand(program);
  routesCommand(program);
  generateCommand(program);
  importCommand(program);
  exportCommand(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`Lỗi / error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
