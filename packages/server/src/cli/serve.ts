import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { createPlatform } from '../server.ts';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('Chạy API + web (migrate, tạo admin và dữ liệu demo khi cơ sở dữ liệu trống)')
    .option('-p, --port <port>', 'cổng (PORT)')
    .option('--host <host>', 'địa chỉ (HOST)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(opts.port ? { PORT: opts.port } : {}),
        ...(opts.host ? { HOST: opts.host } : {}),
      });
      const platform = await createPlatform(config);
      const stop = (): void => {
        platform.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const address = await platform.app.listen({ port: config.port, host: config.host });
      process.stdout.write(
        `SứcKhỏe Hub đang chạy tại ${address} (database: ${platform.db.engine}) — API docs: ${address}/docs\n`,
      );
      await new Promise<never>(() => undefined);
    });
}
