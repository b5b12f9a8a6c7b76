import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config/config.ts';
import { openDb } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import type { Db } from '../db/types.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { pruneAudit } from '../audit/retention.ts';
import { listPartitions } from '../audit/partitions.ts';
import { verifyAnchors, writeAnchor, type AnchorVerifyResult } from '../audit/anchor.ts';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The anchor file: --file / --anchors value, else AUDIT_ANCHOR_FILE, else DATA_DIR/audit-anchors.jsonl. */
const anchorFile = (config: Config, given: string | boolean | undefined): string =>
  typeof given === 'string'
    ? resolve(given)
    : (config.security.auditAnchorFile ?? join(config.dataDir, 'audit-anchors.jsonl'));

function reportAnchors(file: string, r: AnchorVerifyResult, signed: boolean): boolean {
  if (r.ok) {
    const pruned = r.pruned ? `, ${r.pruned} mốc thuộc phần đã xóa theo thời hạn lưu` : '';
    const macs = signed
      ? ', chữ ký HMAC hợp lệ'
      : r.unchecked
        ? `, ${r.unchecked} chữ ký chưa kiểm (thiếu AUDIT_ANCHOR_KEY)`
        : ', không ký';
    out(`Mốc neo khớp: ${r.matched}/${r.anchors} mốc trong ${file}${pruned}${macs}. Anchors OK.`);
    return true;
  }
  for (const p of r.problems.slice(0, 20)) {
    process.stderr.write(
      `MỐC NEO KHÔNG KHỚP (dòng ${p.line}${p.seq === null ? '' : `, #${p.seq}`}): ${p.reason}.\n`,
    );
  }
  if (r.problems.length > 20) process.stderr.write(`… và ${r.problems.length - 20} mốc khác.\n`);
  process.stderr.write(
    `AUDIT ANCHORS DO NOT MATCH: ${r.problems.length} of ${r.anchors} anchors in ${file} fail — the audit chain or the anchor file was altered.\n`,
  );
  return false;
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(loadConfig());
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `npx suckhoe audit verify|anchor|prune|partitions` — the hash chain, its external anchors, retention. */
export function auditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('Nhật ký kiểm toán: kiểm tra chuỗi băm, mốc neo ngoài cơ sở dữ liệu, lưu trữ theo tháng');
  audit
    .command('verify')
    .description('Kiểm tra toàn bộ chuỗi băm; mã thoát khác 0 và chỉ ra sự kiện hỏng đầu tiên nếu bị sửa/xóa')
    .option(
      '--anchors [file]',
      'đối chiếu thêm với các mốc neo ngoài cơ sở dữ liệu (mặc định AUDIT_ANCHOR_FILE hoặc DATA_DIR/audit-anchors.jsonl)',
    )
    .action(async (o: { anchors?: string | boolean }) => {
      const config = loadConfig();
      const file = o.anchors === undefined ? null : anchorFile(config, o.anchors);
      const key = config.security.auditAnchorKey;
      const { r, anchors } = await withDb(async (db) => ({
        r: await verifyAuditChain(db, {
          onProgress: (n) => {
            if (n > 0 && n % 100_000 === 0) process.stderr.write(`… ${n} sự kiện\n`);
          },
        }),
        anchors:
          file === null
            ? null
            : await verifyAnchors(db, file, { key }).catch((e: unknown) => {
                if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
                throw new Error(`Không tìm thấy tệp mốc neo ${file} (anchor file not found)`);
              }),
      }));
      const anchorsOk = anchors === null || reportAnchors(file!, anchors, key !== null);
      if (!anchorsOk) process.exitCode = 1;
      const from = r.fromCheckpoint
        ? ` (từ điểm lưu ${r.fromCheckpoint.partition}, #${r.fromCheckpoint.toSeq})`
        : '';
      if (r.ok) {
        out(
          r.checked === 0
            ? `Chuỗi nhật ký hợp lệ: chưa có sự kiện nào${from}. Audit chain OK (empty).`
            : `Chuỗi nhật ký hợp lệ: ${r.checked} sự kiện, #${r.firstSeq}–#${r.lastSeq}${from}. Audit chain OK.`,
        );
        return;
      }
      const b = r.broken!;
      process.stderr.write(
        `CHUỖI NHẬT KÝ BỊ PHÁ VỠ tại sự kiện #${b.seq}${b.at ? ` (${b.at})` : ''}: ${b.reason}.\n` +
          `AUDIT CHAIN BROKEN at event #${b.seq}; ${r.checked} events before it verified${from}.\n`,
      );
      process.exitCode = 1;
    });
  audit
    .command('anchor')
    .description(
      'Ghi đầu chuỗi hiện tại (seq, hash, thời điểm) thành một dòng vào tệp mốc neo ngoài cơ sở dữ liệu, ký HMAC bằng AUDIT_ANCHOR_KEY',
    )
    .option('--file <file>', 'tệp mốc neo (mặc định AUDIT_ANCHOR_FILE hoặc DATA_DIR/audit-anchors.jsonl)')
    .action(async (o: { file?: string }) => {
      const config = loadConfig();
      const file = anchorFile(config, o.file);
      const key = config.security.auditAnchorKey;
      const a = await withDb((db) => writeAnchor(db, { file, key }));
      out(
        `Đã ghi mốc neo #${a.seq} (${a.hash.slice(0, 16)}…) vào ${file}` +
          `${key ? ', có chữ ký HMAC' : ' — KHÔNG ký: đặt AUDIT_ANCHOR_KEY để chống giả mạo mốc'}.`,
      );
    });
  audit
    .command('prune')
    .description('Xóa các phân vùng tháng cũ hơn thời hạn lưu (AUDIT_RETENTION_MONTHS, mặc định 120 tháng)')
    .option('--months <n>', 'giữ lại bao nhiêu tháng (ghi đè AUDIT_RETENTION_MONTHS)')
    .action(async (o: { months?: string }) => {
      const months = o.months ? Number(o.months) : loadConfig().security.auditRetentionMonths;
      if (!Number.isInteger(months) || months < 1) throw new Error('--months phải là số nguyên ≥ 1');
      const dropped = await withDb((db) => pruneAudit(db, months));
      if (dropped.length === 0) out(`Không có phân vùng nào cũ hơn ${months} tháng.`);
      for (const d of dropped) {
        out(
          `Đã xóa ${d.partition}: ${d.events} sự kiện${d.events ? ` (#${d.fromSeq}–#${d.toSeq}, đã lưu điểm kiểm tra)` : ''}`,
        );
      }
    });
  audit
    .command('partitions')
    .description('Liệt kê các phân vùng tháng')
    .action(async () => {
      await withDb(async (db) => {
        const parts = await listPartitions(db);
        if (parts.length === 0) out('Chưa có phân vùng nào (máy chủ tạo khi khởi động).');
        for (const p of parts) {
          const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${p.name}`);
          out(`${p.name}  ${r?.n ?? 0}`);
        }
      });
    });
}
