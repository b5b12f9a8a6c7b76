import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { openDb } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import type { Db } from '../db/types.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { pruneAudit } from '../audit/retention.ts';
import { listPartitions } from '../audit/partitions.ts';

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(loadConfig());
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** `npx suckhoe audit verify|prune|partitions` — the audit trail's hash chain and retention. */
export function auditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('Nhật ký kiểm toán: kiểm tra chuỗi băm, lưu trữ theo tháng');
  audit
    .command('verify')
    .description('Kiểm tra toàn bộ chuỗi băm; mã thoát khác 0 và chỉ ra sự kiện hỏng đầu tiên nếu bị sửa/xóa')
    .action(async () => {
      const r = await withDb((db) =>
        verifyAuditChain(db, {
          onProgress: (n) => {
            if (n > 0 && n % 100_000 === 0) process.stderr.write(`… ${n} sự kiện\n`);
          },
        }),
      );
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
