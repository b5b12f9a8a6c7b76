import type { Command } from 'commander';
import { ROLE_NAMES, isRole, type Role } from '@suckhoe/domain';
import { loadConfig } from '../config/config.ts';
import { openDb } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import type { Db } from '../db/types.ts';
import { createUser, listUsers, setPassword } from '../auth/users.ts';

async function withDb(fn: (db: Db) => Promise<void>): Promise<void> {
  const db = await openDb(loadConfig());
  try {
    await migrate(db);
    await fn(db);
  } finally {
    await db.close();
  }
}

function readPassword(opt: string | undefined): string {
  const pw = opt ?? process.env.SUCKHOE_PASSWORD;
  if (!pw || pw.length < 8)
    throw new Error('Mật khẩu cần ít nhất 8 ký tự (--password hoặc biến SUCKHOE_PASSWORD).');
  return pw;
}

export function usersCommand(program: Command): void {
  const users = program.command('users').description('Quản lý tài khoản người dùng');
  users
    .command('create <username>')
    .description(`Tạo tài khoản. Vai trò: ${ROLE_NAMES.join(', ')}`)
    .requiredOption('-r, --roles <roles>', 'các vai trò, cách nhau bởi dấu phẩy')
    .option('-n, --name <fullName>', 'họ tên')
    .option('-f, --facility <code>', 'mã cơ sở (5 ký tự)')
    .option('--password <password>', 'mật khẩu (hoặc biến SUCKHOE_PASSWORD)')
    .action(
      async (username: string, o: { roles: string; name?: string; facility?: string; password?: string }) => {
        const roles = o.roles.split(',').map((r) => r.trim());
        const bad = roles.filter((r) => !isRole(r));
        if (bad.length) throw new Error(`Vai trò không hợp lệ: ${bad.join(', ')}`);
        const password = readPassword(o.password);
        await withDb(async (db) => {
          const u = await createUser(db, {
            username,
            fullName: o.name ?? username,
            password,
            roles: roles as Role[],
            facilityCode: o.facility ?? null,
          });
          process.stdout.write(`Đã tạo ${u.username} (${u.roles.join(', ')})\n`);
        });
      },
    );
  users
    .command('list')
    .description('Liệt kê tài khoản')
    .action(async () => {
      await withDb(async (db) => {
        for (const u of await listUsers(db)) {
          process.stdout.write(
            `${u.username.padEnd(20)} ${u.roles.join(',').padEnd(28)} ${(u.facilityCode ?? '-').padEnd(6)} ${u.disabled ? 'khóa' : ''}${u.fullName}\n`,
          );
        }
      });
    });
  users
    .command('set-password <username>')
    .description('Đặt lại mật khẩu')
    .option('--password <password>', 'mật khẩu mới (hoặc biến SUCKHOE_PASSWORD)')
    .action(async (username: string, o: { password?: string }) => {
      const password = readPassword(o.password);
      await withDb(async (db) => {
        if (!(await setPassword(db, username, password))) throw new Error(`Không có tài khoản ${username}`);
        process.stdout.write(`Đã đổi mật khẩu của ${username}\n`);
      });
    });
}
