/** The per-record receipt of an ingest (DESIGN.md §4: `{ accepted, rejected, results }`). */
import type { Finding } from '@suckhoe/domain/xml130/index';

export interface Issue {
  readonly table: string;
  readonly field: string | null;
  readonly rule: string;
  readonly code: string;
  readonly message: string;
  /** 0-based record of the table, when the finding is about one. */
  readonly record?: number;
}

export interface EpisodeResult {
  /** 0-based position of the HOSO in the envelope. */
  readonly hoso: number;
  readonly maLk: string;
  readonly facility: string;
  readonly status: 'accepted' | 'rejected';
  readonly personId?: string;
  /** 1 on the first send, +1 on every resend that replaced it. */
  readonly version?: number;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

export interface EnvelopeInfo {
  readonly sha256: string;
  readonly facility: string;
  readonly size: number;
  readonly hosoCount: number;
  readonly signed: boolean;
  readonly signatureVerified: boolean;
  /** The envelope's bytes are stored (at least one episode accepted; false on a dry run). */
  readonly stored: boolean;
  readonly warnings: readonly Issue[];
}

export interface IngestReceipt {
  readonly accepted: number;
  readonly rejected: number;
  readonly dryRun: boolean;
  readonly envelope: EnvelopeInfo;
  /** One entry per HOSO, in envelope order (empty when results were streamed to a callback only). */
  readonly results: readonly EpisodeResult[];
}

/** A whole envelope refused before any episode was looked at: nothing is stored. */
export interface IngestRefusal {
  readonly status: 400 | 403 | 413 | 422;
  readonly code: string;
  readonly message: string;
  readonly errors: readonly Issue[];
  readonly sha256?: string;
}

export function issue(f: Finding): Issue {
  return {
    table: f.table,
    field: f.field ?? null,
    rule: f.rule,
    code: f.code,
    message: f.message,
    ...(f.record === undefined ? {} : { record: f.record }),
  };
}
