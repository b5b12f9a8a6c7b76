import { randomBytes } from 'node:crypto';
import type { Db } from '../db/types.ts';
import { countUsers, createUser } from '../auth/users.ts';

/**
 * First start: create the `admin` user with ADMIN_PASSWORD, or a generated password that is
 * printed once (never logged, never stored in plain text).
 */
export async function bootstrapAdmin(
  db: Db,
  adminPassword: string | undefined,
  print: (line: string) => void,
): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const password = adminPassword ?? randomBytes(12).toString('base64url');
  await createUser(db, { username: 'admin', fullName: 'Quản trị hệ thống', password, roles: ['admin'] });
  if (!adminPassword) {
    print('');
    print('  Tài khoản quản trị đã được tạo / admin account created:');
    print(`    username: admin    password: ${password}`);
    print('  (Mật khẩu chỉ hiện một lần — hãy lưu lại. Shown once — keep it safe.)');
    print('');
  }
  return true;
}
