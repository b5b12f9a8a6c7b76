/**
 * `npx suckhoe export --facility F --ma-lk X [--out file] [--sign key.pem --cert cert.pem]` — a stored
 * episode as a GIAMDINHHS envelope (the same document GET /api/v1/episodes/{F}/{X}/xml130 returns).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.ts';
import { openDb } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { appendAudit } from '../audit/store.ts';
import { exportEnvelope, signerFromFiles } from '../episodes/export.ts';
import { loadEpisode } from '../episodes/read.ts';

interface ExportFlags {
  facility: string;
  maLk: string;
  out?: string;
  sign?: string;
  cert?: string;
}

export function exportCommand(program: Command): void {
  program
    .command('export')
    .description('Xuất một lượt KCB đã lưu thành tệp XML 130 (GIAMDINHHS), ký số nếu có khóa')
    .requiredOption('--facility <code>', 'mã cơ sở KCB (MA_CSKCB)')
    .requiredOption('--ma-lk <maLk>', 'mã liên kết hồ sơ (MA_LK)')
    .option('--out <file>', 'ghi ra tệp (mặc định: stdout)')
    .option('--sign <key.pem>', 'khóa riêng RSA (PEM) để ký số (XMLDSig, RSA-SHA256)')
    .option('--cert <cert.pem>', 'chứng thư số đi kèm --sign (đặt vào KeyInfo)')
    .action(async (f: ExportFlags) => {
      if (Boolean(f.sign) !== Boolean(f.cert))
        throw new InvalidArgumentError('--sign và --cert phải đi cùng nhau');
      const signer = signerFromFiles(f.sign && resolve(f.sign), f.cert && resolve(f.cert));
      const db = await openDb(loadConfig());
      try {
        await migrate(db);
        const episode = await loadEpisode(db, f.facility, f.maLk);
        if (!episode) {
          process.stderr.write(`Không tìm thấy lượt KCB ${f.maLk} của cơ sở ${f.facility}.\n`);
          process.exitCode = 1;
          return;
        }
        const xml = exportEnvelope(episode, signer);
        await appendAudit(db, {
          actor: { kind: 'system', id: null, name: 'cli:export', roles: ['admin'], facilityCode: null },
          action: 'export',
          resourceType: 'Episode',
          resourceId: `${f.facility}/${f.maLk}`,
          personId: episode.personId,
          details: { signed: signer !== undefined },
        });
        if (f.out) {
          writeFileSync(resolve(f.out), xml);
          process.stderr.write(`Đã ghi ${resolve(f.out)}${signer ? ' (đã ký số)' : ''}.\n`);
        } else process.stdout.write(xml);
      } finally {
        await db.close();
      }
    });
}
