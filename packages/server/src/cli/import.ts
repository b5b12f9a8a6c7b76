/**
 * `npx suckhoe import <files|dirs>` — XML 130 envelopes straight into the database configured by
 * DATA_DIR / DATABASE_URL (migrated first). Same rules as POST /api/v1/xml130; streaming (memory stays
 * flat on big files), progress bar, one summary line per file, exit code 1 when anything was rejected.
 */
import { createWriteStream, readdirSync, statSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.ts';
import { openDb } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import type { Db } from '../db/types.ts';
import { authenticateApiKey } from '../auth/api-keys.ts';
import type { AuditActor, AuditRecord } from '../audit/types.ts';
import { ingestEnvelope, isRefusal, type StoredEvent } from '../ingest/pipeline.ts';
import type { Sender } from '../ingest/policy.ts';
import type { EpisodeResult } from '../ingest/receipt.ts';
import { auditRecords } from '../ingest/routes.ts';
import { fileSource } from '../ingest/source.ts';

/** Files imported at the same time: 2 on PostgreSQL (parse one while writing another), 1 on PGlite. */
function concurrency(db: Db, f: ImportFlags): number {
  return f.concurrency ?? (db.engine === 'postgres' ? 2 : 1);
}

/** The audit events of a stored batch, as the CLI records them (written in the batch's transaction). */
export function importAuditRecords(actor: AuditActor, events: readonly StoredEvent[]): AuditRecord[] {
  return auditRecords(events).map((a) => ({
    actor,
    action: a.action,
    resourceType: a.resource,
    resourceId: a.resourceId ?? null,
    personId: a.personId ?? null,
    details: a.details ?? null,
  }));
}

interface ImportFlags {
  concurrency?: number;
  facilityKey?: string;
  facility?: string;
  allowUnsigned?: boolean;
  dryRun?: boolean;
  report?: string;
  batchSize: number;
  progress: boolean;
}

/** Envelope files under the given paths (directories recursively: *.xml), sorted. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = join(p, name);
        if (statSync(child).isDirectory() || /\.xml$/i.test(name)) walk(child);
      }
    } else out.push(p);
  };
  for (const p of paths) walk(resolve(p));
  return out;
}

async function senderFor(db: Db, f: ImportFlags): Promise<{ sender: Sender; actor: AuditActor }> {
  if (f.facilityKey) {
    const p = await authenticateApiKey(db, f.facilityKey);
    if (!p) throw new InvalidArgumentError('--facility-key: khóa API không hợp lệ hoặc đã bị thu hồi');
    if (f.facility && f.facility !== p.facilityCode) {
      throw new InvalidArgumentError(
        `--facility ${f.facility} khác cơ sở của khóa API (${p.facilityCode ?? ''})`,
      );
    }
    return {
      sender: { facilityCode: p.facilityCode, admin: false, name: p.username },
      actor: {
        kind: 'apiKey',
        id: p.id,
        name: p.username,
        roles: [...p.roles],
        facilityCode: p.facilityCode,
      },
    };
  }
  const actor: AuditActor = {
    kind: 'system',
    id: null,
    name: 'cli:import',
    roles: ['admin'],
    facilityCode: f.facility ?? null,
  };
  return f.facility
    ? { sender: { facilityCode: f.facility, admin: false, name: 'cli:import' }, actor }
    : { sender: { facilityCode: null, admin: true, name: 'cli:import' }, actor };
}

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('1–10000');
  return n;
};

export interface ImportSummary {
  files: number;
  refused: number;
  accepted: number;
  rejected: number;
}

/** Runs the import; returns the totals (the command sets the exit code from them). */
export async function runImport(
  db: Db,
  paths: readonly string[],
  f: ImportFlags,
  out: NodeJS.WritableStream,
): Promise<ImportSummary> {
  const files = collectFiles(paths);
  const { sender, actor } = await senderFor(db, f);
  const totalBytes = files.reduce((a, p) => a + statSync(p).size, 0);
  const bar = f.progress
    ? new cliProgress.SingleBar(
        {
          format:
            'import [{bar}] {percentage}% | {value}/{total} bytes | {accepted} nhận, {rejected} từ chối | ETA {eta_formatted}',
          stream: process.stderr,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          hideCursor: false,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const report: WriteStream | undefined = f.report ? createWriteStream(f.report) : undefined;
  const sum: ImportSummary = { files: files.length, refused: 0, accepted: 0, rejected: 0 };
  bar?.start(totalBytes, 0, { accepted: 0, rejected: 0 });
  let done = 0;
  const reading = new Map<string, number>();
  const progress = (): void => {
    let inFlight = 0;
    for (const b of reading.values()) inFlight += b;
    bar?.update(done + inFlight, { accepted: sum.accepted, rejected: sum.rejected });
  };
  const importOne = async (file: string): Promise<void> => {
    let accepted = 0;
    let rejected = 0;
    const firstRejections: EpisodeResult[] = [];
    const result = await ingestEnvelope(fileSource(file), {
      db,
      sender,
      source: 'import',
      ...(f.allowUnsigned ? { allowUnsigned: true } : {}),
      ...(f.dryRun ? { dryRun: true } : {}),
      batchSize: f.batchSize,
      collectResults: false,
      onResult: (r) => {
        if (r.status === 'accepted') {
          accepted++;
          sum.accepted++;
        } else {
          rejected++;
          sum.rejected++;
          if (firstRejections.length < 5) firstRejections.push(r);
        }
        report?.write(`${JSON.stringify({ file, ...r })}\n`);
      },
      onProgress: (bytes) => {
        reading.set(file, bytes);
        progress();
      },
      audit: (events) => importAuditRecords(actor, events),
    });
    reading.delete(file);
    done += statSync(file).size;
    progress();
    if (isRefusal(result)) {
      sum.refused++;
      report?.write(
        `${JSON.stringify({ file, refused: { code: result.code, message: result.message, errors: result.errors } })}\n`,
      );
      out.write(`✘ ${file}: từ chối cả tệp — ${result.code}: ${result.message}\n`);
      return;
    }
    const sig = result.envelope.signatureVerified
      ? 'chữ ký hợp lệ'
      : result.envelope.signed
        ? 'chữ ký chưa kiểm tra'
        : 'không ký';
    const lines = [
      `${rejected === 0 ? '✔' : '✘'} ${file}: ${accepted} hồ sơ nhận, ${rejected} từ chối (${result.envelope.hosoCount} HOSO, ${sig}${f.dryRun ? ', chạy thử — không lưu' : ''})`,
      ...firstRejections.map((r) => {
        const e = r.errors[0];
        const what = e ? `${e.table}${e.field ? `.${e.field}` : ''} ${e.rule} — ${e.message}` : '';
        return `    HOSO ${r.hoso + 1} MA_LK ${r.maLk}: ${what}${r.errors.length > 1 ? ` (+${r.errors.length - 1} lỗi)` : ''}`;
      }),
      ...(rejected > firstRejections.length
        ? [`    … và ${rejected - firstRejections.length} hồ sơ khác bị từ chối`]
        : []),
    ];
    out.write(`${lines.join('\n')}\n`);
  };
  try {
    // A few files at a time: one is being parsed while another is being written (PostgreSQL).
    const queue = [...files];
    const lanes = Array.from(
      { length: Math.min(concurrency(db, f), Math.max(1, queue.length)) },
      async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) await importOne(file);
      },
    );
    await Promise.all(lanes);
  } finally {
    bar?.stop();
    await new Promise<void>((r) => (report ? report.end(r) : r()));
  }
  out.write(
    `Tổng: ${sum.files} tệp, ${sum.accepted} hồ sơ nhận, ${sum.rejected} từ chối, ${sum.refused} tệp bị từ chối cả tệp.\n`,
  );
  return sum;
}

export function importCommand(program: Command): void {
  program
    .command('import')
    .description('Nhập tệp XML 130 (GIAMDINHHS) vào cơ sở dữ liệu — cùng quy tắc như POST /api/v1/xml130')
    .argument('<paths...>', 'tệp .xml hoặc thư mục (đọc đệ quy các tệp .xml)')
    .option('--facility-key <apiKey>', 'nhập với tư cách khóa API của một cơ sở (chỉ nhận tệp của cơ sở đó)')
    .option('--facility <code>', 'chỉ nhận tệp có MACSKCB bằng mã này')
    .option('--allow-unsigned', 'quản trị: nhận cả tệp không ký số của cơ sở chưa được phép (đánh dấu)')
    .option('--dry-run', 'chỉ kiểm tra, không lưu')
    .option('--report <file.ndjson>', 'ghi kết quả từng hồ sơ (NDJSON)')
    .option('--batch-size <n>', 'số hồ sơ mỗi giao dịch', positive, 100)
    .option('--concurrency <n>', 'số tệp nhập đồng thời (mặc định 2 với PostgreSQL, 1 với PGlite)', positive)
    .option('--no-progress', 'không hiện thanh tiến độ')
    .action(async (paths: string[], f: ImportFlags) => {
      if (f.facilityKey && f.allowUnsigned)
        throw new InvalidArgumentError('--allow-unsigned chỉ dùng khi nhập với quyền quản trị');
      const db = await openDb(loadConfig());
      try {
        await migrate(db);
        const sum = await runImport(db, paths, f, process.stdout);
        if (sum.rejected > 0 || sum.refused > 0) process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}
