import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { fileKeyRing, rotateKeyFile } from '../auth/keys.ts';

/** `npx suckhoe keys rotate|list` — JWT signing keys (generated ring in DATA_DIR/secrets). */
export function keysCommand(program: Command): void {
  const keys = program.command('keys').description('Khóa ký mã truy cập (JWT): xoay vòng, liệt kê');
  keys
    .command('rotate')
    .description('Tạo khóa ký mới; khóa cũ vẫn được chấp nhận cho tới lần xoay sau')
    .action(() => {
      const cfg = loadConfig();
      if (cfg.jwtSecret) {
        process.stderr.write(
          'JWT_SECRET đang được đặt trong môi trường: hãy chuyển giá trị cũ sang JWT_PREVIOUS_SECRETS, đặt JWT_SECRET mới (≥ 32 ký tự) và khởi động lại máy chủ.\n' +
            'JWT_SECRET is set: move the old value to JWT_PREVIOUS_SECRETS, set a new JWT_SECRET and restart.\n',
        );
        process.exitCode = 1;
        return;
      }
      fileKeyRing(cfg.dataDir, 0); // creates the ring first if this is a fresh data directory
      const kid = rotateKeyFile(cfg.dataDir);
      process.stdout.write(`Đã tạo khóa ký mới ${kid}; máy chủ đang chạy sẽ dùng nó trong vòng 1 phút.\n`);
    });
  keys
    .command('list')
    .description('Liệt kê khóa ký (không hiện bí mật)')
    .action(() => {
      const cfg = loadConfig();
      if (cfg.jwtSecret) {
        process.stdout.write(
          `Khóa từ môi trường: JWT_SECRET + ${cfg.security.jwtPreviousSecrets.length} khóa cũ.\n`,
        );
        return;
      }
      for (const k of fileKeyRing(cfg.dataDir, 0).list()) {
        process.stdout.write(`${k.kid}  ${k.createdAt}${k.current ? '  (đang ký)' : ''}\n`);
      }
    });
}
