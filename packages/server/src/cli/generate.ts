import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { supportedProvinces } from '@suckhoe/domain';
import { loadConfig } from '../config/config.ts';
import { openDb } from '../db/connect.ts';
import { generateProvince } from '../generate/province.ts';
import { progressBar } from '../generate/progress.ts';
import { xmlSigner } from '../generate/sign.ts';

interface GenerateFlags {
  province: string;
  persons: number;
  episodes: number;
  seed: string;
  out: string;
  asOf?: string;
  duplicateRate: number;
  episodesPerFile: number;
  sign?: string;
  cert?: string;
  load?: boolean;
  progress: boolean;
}

const count =
  (max: number) =>
  (v: string): number => {
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(`0–${max}`);
    return n;
  };

const ratio = (v: string): number => {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('0–1');
  return n;
};

export function generateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      'Sinh dữ liệu tỉnh tổng hợp (synthetic province): cơ sở, người dân, hộ gia đình, bản ghi trùng có nhãn, hồ sơ XML 130',
    )
    .option('--province <code>', `mã tỉnh (${supportedProvinces().join(', ')})`, '92')
    .option('--persons <n>', 'số người dân', count(50_000_000), 10_000)
    .option('--episodes <n>', 'số lượt KCB (hồ sơ XML 130)', count(500_000_000), 0)
    .option('--seed <seed>', 'hạt giống (cùng seed → cùng dữ liệu)', '1')
    .requiredOption('--out <dir>', 'thư mục đích')
    .option('--as-of <date>', 'ngày tham chiếu YYYY-MM-DD (tuổi, hạn thẻ, ngày khám)')
    .option('--duplicate-rate <r>', 'tỷ lệ người có bản ghi trùng có nhãn', ratio, 0.02)
    .option('--episodes-per-file <n>', 'số HOSO mỗi tệp GIAMDINHHS', count(100_000), 20)
    .option('--sign <key.pem>', 'ký số mỗi tệp bằng khóa riêng này (XMLDSig, RSA-SHA256)')
    .option('--cert <cert.pem>', 'chứng thư số đi kèm --sign')
    .option('--load', 'nạp cơ sở và người dân vào cơ sở dữ liệu (DATA_DIR / DATABASE_URL)')
    .option('--no-progress', 'không hiện thanh tiến độ')
    .action(async (f: GenerateFlags) => {
      if (!supportedProvinces().includes(f.province)) {
        throw new InvalidArgumentError(
          `Tỉnh ${f.province} chưa có hồ sơ dân số (supported: ${supportedProvinces().join(', ')})`,
        );
      }
      if (Boolean(f.sign) !== Boolean(f.cert)) throw new Error('--sign và --cert phải đi cùng nhau');
      const seed = /^\d{1,15}$/.test(f.seed) ? Number(f.seed) : f.seed;
      const certificatePem = f.cert ? readFileSync(resolve(f.cert), 'utf8') : undefined;
      const signer =
        f.sign && certificatePem
          ? xmlSigner(readFileSync(resolve(f.sign), 'utf8'), certificatePem)
          : undefined;
      const db = f.load ? await openDb(loadConfig()) : undefined;
      const t0 = performance.now();
      try {
        const s = await generateProvince({
          provinceCode: f.province,
          persons: f.persons,
          episodes: f.episodes,
          seed,
          outDir: resolve(f.out),
          asOf: f.asOf,
          duplicateRate: f.duplicateRate,
          episodesPerFile: f.episodesPerFile,
          signer,
          certificatePem,
          db,
          progress: progressBar(f.progress),
        });
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        const ep = s.episodes
          ? `, ${s.episodes.episodes} lượt KCB trong ${s.episodes.files} tệp${s.episodes.signed ? ' (đã ký)' : ''}`
          : '';
        process.stdout.write(
          `Đã sinh tỉnh ${s.provinceCode} (seed ${String(s.seed)}) vào ${resolve(f.out)} trong ${secs} s: ` +
            `${s.facilities} cơ sở, ${s.persons} người, ${s.households} hộ, ${s.duplicates} bản ghi trùng${ep}.\n`,
        );
        if (s.loaded && db) {
          process.stdout.write(
            `Đã nạp vào ${db.engine}: ${s.loaded.facilities} cơ sở mới, ${s.loaded.persons} người.\n`,
          );
        }
      } finally {
        await db?.close();
      }
    });
}
