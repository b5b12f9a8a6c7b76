/**
 * XML 130 ingest, end to end, for one envelope (API body or file):
 * 1. `admitEnvelope` scans it (hash, structure, no DTD, header, signature) and applies the
 *    envelope-level rules — a refusal stores nothing;
 * 2. the domain's streaming reader parses it one HOSO at a time; each is validated (fields, presence,
 *    totals, times, facility) and mapped to the canonical episode — an error rejects that episode only;
 * 3. accepted episodes are written in batches, one transaction per batch (envelope bytes once,
 *    persons matched or created, earlier sends replaced, lines, documents and warnings, and the audit
 *    events of the stored episodes), while the next batch is being parsed. A crash leaves whole
 *    batches, audited, or nothing; a failing batch is retried episode by episode so one bad episode
 *    cannot sink the others.
 */
import { randomUUID } from 'node:crypto';
import type { Finding } from '@suckhoe/domain/xml130/index';
import { makeFinding } from '@suckhoe/domain/xml130/rules/findings';
import type { Db, Queryable } from '../db/types.ts';
import { knownPartitions } from '../audit/partitions.ts';
import { appendInTransaction } from '../audit/store.ts';
import type { AuditRecord } from '../audit/types.ts';
import { MappingError } from '../episodes/rows.ts';
import {
  existingKey,
  lockExisting,
  storeEnvelope,
  writeEpisodes,
  type RenderedWrite,
  type StoredEpisodeRef,
} from '../episodes/store.ts';
import { ingestFinding } from './findings.ts';
import { matchPersons, type PersonMatch } from './persons.ts';
import { admitEnvelope, type Accepted, type Sender } from './policy.ts';
import { prepareEpisodes, type ParseMode } from './parsing.ts';
import type { Prepared, PreparedEpisode } from './prepare.ts';
import { issue, type EpisodeResult, type IngestReceipt, type IngestRefusal } from './receipt.ts';
import type { ScanLimits } from './dsig/scan.ts';
import type { EnvelopeSource } from './source.ts';

/** What one stored episode tells the audit trail (no personal data besides the person id). */
export interface StoredEvent {
  readonly personId: string;
  readonly facility: string;
  readonly maLk: string;
  readonly version: number;
  readonly personCreated: boolean;
  readonly envelopeSha256: string;
}

export interface IngestOptions {
  readonly db: Db;
  readonly sender: Sender;
  readonly source: 'api' | 'import';
  /** Admin import only: accept unsigned envelopes (flagged) even where the facility does not. */
  readonly allowUnsigned?: boolean;
  /** Validate and report, store nothing. */
  readonly dryRun?: boolean;
  /** Episodes per transaction (default 100). */
  readonly batchSize?: number;
  readonly limits?: ScanLimits;
  /** Keep every result in the receipt (default true; the CLI streams them instead). */
  readonly collectResults?: boolean;
  /** Called for every episode once its fate is known (accepted after commit). */
  readonly onResult?: (r: EpisodeResult) => void;
  /** Called with the number of bytes parsed so far. */
  readonly onProgress?: (bytes: number) => void;
  /** Where to parse: the shared worker thread, this thread, or by envelope size (default). */
  readonly parse?: ParseMode;
  /**
   * The audit records of a stored batch: appended in the batch's own transaction, so the episodes
   * and their audit trail are committed together or not at all.
   */
  readonly audit?: (events: readonly StoredEvent[]) => readonly AuditRecord[];
  /** Told about a database error that made an episode fail (for the log; never shown to the sender). */
  readonly onStoreError?: (error: unknown) => void;
}

interface Pending {
  readonly index: number;
  readonly episode: PreparedEpisode;
  readonly warnings: readonly Finding[];
}

const RETRYABLE = new Set(['40001', '40P01', '23505']);
const DEFAULT_BATCH = 100;

function pgCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

class Run {
  private readonly results: (EpisodeResult | undefined)[] = [];
  private accepted = 0;
  private rejected = 0;
  private envelopeStored = false;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly o: IngestOptions,
    private readonly src: EnvelopeSource,
    private readonly adm: Accepted,
  ) {}

  private finish(r: EpisodeResult): void {
    if (r.status === 'accepted') this.accepted++;
    else this.rejected++;
    if (this.o.collectResults !== false) this.results[r.hoso] = r;
    this.o.onResult?.(r);
  }

  private reject(
    index: number,
    maLk: string,
    facility: string,
    errors: readonly Finding[],
    warnings: readonly Finding[],
  ): void {
    this.finish({
      hoso: index,
      maLk,
      facility,
      status: 'rejected',
      errors: errors.map(issue),
      warnings: warnings.map(issue),
    });
  }

  /** Takes a prepared HOSO: rejected (its errors, or a repeated MA_LK), or returned to be stored. */
  accept(p: Prepared): Pending | undefined {
    const errors: Finding[] = [...p.errors];
    const warnings: Finding[] = [...this.adm.warnings, ...p.warnings];
    if (p.maLk !== '') {
      const first = this.seen.get(p.maLk);
      if (first !== undefined) {
        errors.push(
          makeFinding(
            'DUPLICATE_MA_LK',
            { table: 'XML1', field: 'MA_LK', hoso: p.index },
            { value: p.maLk, other: first + 1 },
          ),
        );
      } else this.seen.set(p.maLk, p.index);
    }
    if (errors.length > 0 || p.episode === undefined) {
      this.reject(p.index, p.maLk, p.facility, errors, warnings);
      return undefined;
    }
    return { index: p.index, episode: p.episode, warnings };
  }

  /** Writes a batch in one transaction; on failure retries, then isolates the failing episodes. */
  async flush(batch: readonly Pending[]): Promise<void> {
    if (batch.length === 0) return;
    if (this.o.dryRun) {
      for (const p of batch) this.acceptResult(p, undefined, 0);
      return;
    }
    let error: unknown;
    let events: StoredEvent[] | undefined;
    for (let attempt = 0; attempt < 3 && events === undefined; attempt++) {
      try {
        events = await this.write(batch);
      } catch (e) {
        error = e;
        if (!RETRYABLE.has(pgCode(e) ?? '')) break;
      }
    }
    if (events !== undefined) return;
    if (batch.length > 1) {
      for (const p of batch) await this.flush([p]);
      return;
    }
    const p = batch[0]!;
    const f =
      error instanceof MappingError
        ? ingestFinding('EPISODE_MAPPING_FAILED', { table: 'XML1', hoso: p.index }, { detail: error.message })
        : ingestFinding('STORE_FAILED', { table: 'XML1', hoso: p.index });
    this.o.onStoreError?.(error);
    this.reject(p.index, p.episode.maLk, p.episode.facilityCode, [f], p.warnings);
  }

  private acceptResult(p: Pending, match: PersonMatch | undefined, version: number): void {
    const review =
      match?.review === undefined
        ? []
        : [
            ingestFinding(
              'PERSON_REVIEW',
              { table: 'XML1', field: 'SO_CCCD', hoso: p.index },
              {
                reason:
                  match.review.reason === 'no_identifier'
                    ? 'không có số định danh / mã BHXH hợp lệ'
                    : 'các định danh chỉ tới những người khác nhau',
              },
            ),
          ];
    this.finish({
      hoso: p.index,
      maLk: p.episode.maLk,
      facility: p.episode.facilityCode,
      status: 'accepted',
      ...(match === undefined ? {} : { personId: match.personId, version }),
      errors: [],
      warnings: [...p.warnings, ...review].map(issue),
    });
  }

  private async write(batch: readonly Pending[]): Promise<StoredEvent[]> {
    const adm = this.adm;
    const known = knownPartitions(this.o.db);
    const outcome = await this.o.db.transaction(async (tx) => {
      if (!this.envelopeStored) {
        await storeEnvelope(
          tx,
          {
            sha256: adm.scan.sha256,
            facilityCode: adm.facility,
            size: adm.scan.size,
            hosoCount: adm.scan.hosoCount,
            signed: adm.signed,
            signatureVerified: adm.signatureVerified,
            certificateSha256: adm.certificateSha256,
            source: this.o.source,
            receivedBy: this.o.sender.name,
          },
          () => this.src.chunks(),
          this.o.db.engine,
        );
      }
      const existing = await lockExisting(
        tx,
        batch.map((p) => ({ facility: p.episode.facilityCode, maLk: p.episode.maLk })),
      );
      const prev = (p: Pending): StoredEpisodeRef | undefined =>
        existing.get(existingKey(p.episode.facilityCode, p.episode.maLk));
      const matches = await matchPersons(
        tx,
        adm.facility,
        batch.map((p) => {
          const before = prev(p);
          return {
            episode: p.episode,
            ...(before === undefined ? {} : { previousPersonId: before.personId }),
          };
        }),
      );
      const writes: RenderedWrite[] = batch.map((p, i) => ({
        id: prev(p)?.id ?? randomUUID(),
        personId: matches[i]!.personId,
        facilityCode: p.episode.facilityCode,
        maLk: p.episode.maLk,
        text: p.episode.text,
        warnings: p.warnings,
        signed: adm.signed,
        signatureVerified: adm.signatureVerified,
        source: this.o.source,
      }));
      await writeEpisodes(tx, adm.scan.sha256, writes, existing, this.o.db.engine);
      await queueReviews(tx, writes, matches);
      const events: StoredEvent[] = writes.map((w, i) => ({
        personId: w.personId,
        facility: w.facilityCode,
        maLk: w.maLk,
        version: (prev(batch[i]!)?.version ?? 0) + 1,
        personCreated: matches[i]!.created,
        envelopeSha256: adm.scan.sha256,
      }));
      const audited = this.o.audit ? await appendInTransaction(tx, this.o.audit(events), known) : undefined;
      return { matches, events, partition: audited?.partition ?? null };
    });
    this.envelopeStored = true;
    if (outcome.partition) known.add(outcome.partition);
    batch.forEach((p, i) => {
      this.acceptResult(p, outcome.matches[i], outcome.events[i]!.version);
    });
    return outcome.events;
  }

  receipt(): IngestReceipt {
    const s = this.adm.scan;
    return {
      accepted: this.accepted,
      rejected: this.rejected,
      dryRun: this.o.dryRun === true,
      envelope: {
        sha256: s.sha256,
        facility: this.adm.facility,
        size: s.size,
        hosoCount: s.hosoCount,
        signed: this.adm.signed,
        signatureVerified: this.adm.signatureVerified,
        stored: this.envelopeStored,
        warnings: this.adm.warnings.map(issue),
      },
      results: this.results.filter((r): r is EpisodeResult => r !== undefined),
    };
  }
}

async function queueReviews(
  tx: Queryable,
  writes: readonly RenderedWrite[],
  matches: readonly PersonMatch[],
): Promise<void> {
  const rows = writes.flatMap((w, i) => {
    const review = matches[i]!.review;
    return review === undefined
      ? []
      : [[w.personId, w.facilityCode, w.maLk, w.id, review.reason, `{${review.candidates.join(',')}}`]];
  });
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ingest_person_review (person_id, facility_code, ma_lk, episode_id, reason, candidates)
     SELECT person_id, facility_code, ma_lk, episode_id, reason, candidates::uuid[]
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[])
         AS u(person_id, facility_code, ma_lk, episode_id, reason, candidates)
     -- A resend that lands with the person a clerk already chose (or kept, rejecting) is decided.
     WHERE NOT EXISTS (SELECT 1 FROM ingest_person_review d
       WHERE d.facility_code = u.facility_code AND d.ma_lk = u.ma_lk AND d.status <> 'open'
         AND d.resolved_person_id = u.person_id)
     ON CONFLICT (facility_code, ma_lk, reason) WHERE status = 'open' DO NOTHING`,
    [0, 1, 2, 3, 4, 5].map((c) => rows.map((r) => r[c])),
  );
}

const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Ingests one envelope. Resolves to a receipt, or to a refusal when the envelope as a whole is not
 * acceptable (then nothing was stored).
 */
export async function ingestEnvelope(
  source: EnvelopeSource,
  o: IngestOptions,
): Promise<IngestReceipt | IngestRefusal> {
  const adm = await admitEnvelope(o.db, source, o.sender, {
    ...(o.allowUnsigned === undefined ? {} : { allowUnsigned: o.allowUnsigned }),
    ...(o.limits === undefined ? {} : { limits: o.limits }),
  });
  if ('status' in adm) return adm;
  const run = new Run(o, source, adm);
  const batchSize = o.batchSize ?? DEFAULT_BATCH;
  let batch: Pending[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const groups = prepareEpisodes(source, {
    header: {
      macskcb: adm.facility,
      ngayLap: adm.scan.header.ngayLap,
      soLuongHoso: adm.scan.header.soLuongHoso,
    },
    limits: {
      maxEnvelopeChars: Math.max(adm.scan.size + 1024, 1024),
      maxHoso: Math.max(adm.scan.hosoCount, 1),
    },
    hosoCount: adm.scan.hosoCount,
    ...(o.parse === undefined ? {} : { mode: o.parse }),
    ...(o.onProgress === undefined ? {} : { onProgress: o.onProgress }),
  });
  try {
    for await (const group of groups) {
      for (const prepared of group) {
        const p = run.accept(prepared);
        if (p === undefined) continue;
        batch.push(p);
        if (batch.length >= batchSize) {
          const full = batch;
          batch = [];
          await inFlight;
          inFlight = run.flush(full);
          inFlight.catch(() => undefined); // awaited before the next flush; no unhandled rejection meanwhile
          await yieldToIo(); // lets the batch in flight talk to the database while parsing goes on
        }
      }
    }
    await inFlight;
    await run.flush(batch);
  } catch (e) {
    await inFlight.catch(() => undefined);
    throw e;
  }
  return run.receipt();
}

export function isRefusal(r: IngestReceipt | IngestRefusal): r is IngestRefusal {
  return 'status' in r && typeof r.status === 'number';
}
