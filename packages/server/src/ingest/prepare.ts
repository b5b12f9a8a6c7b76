/**
 * One HOSO from reading to the canonical episode, without I/O: domain validation in the envelope's
 * context, then `toEpisode`. Runs in the ingest thread for small envelopes and in the parse worker
 * (parse-worker.ts) for big ones; the result is plain data (structured-cloneable).
 */
import {
  EnvelopeChecks,
  envelopeReader,
  toEpisode,
  type EnvelopeHeader,
  type EnvelopeReader,
  type Episode,
  type Finding,
  type ParsedHoso,
  type UnknownElement,
} from '@suckhoe/domain/xml130/index';
import { ingestFinding } from './findings.ts';

export interface Prepared {
  /** 0-based position of the HOSO in the envelope. */
  readonly index: number;
  readonly maLk: string;
  readonly facility: string;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  /** Present when there is no error. */
  readonly episode?: Episode;
  readonly unknownElements: readonly UnknownElement[];
}

export function prepareHoso(h: ParsedHoso, checks: EnvelopeChecks, header: EnvelopeHeader): Prepared {
  const report = checks.hoso(h, header);
  const xml1 = h.tables.XML1?.[0];
  const maLk = (h.maLk ?? xml1?.MA_LK ?? '').trim();
  const facility = (xml1?.MA_CSKCB ?? header.macskcb).trim() || header.macskcb;
  const errors: Finding[] = [...h.errors, ...report.errors];
  const warnings: Finding[] = [...h.warnings, ...report.warnings];
  const base = { index: h.index, maLk, facility, warnings, unknownElements: h.unknownElements };
  if (errors.length > 0) return { ...base, errors };
  const mapped = toEpisode(h);
  if (!mapped.ok) {
    const detail = mapped.errors.map((p) => p.message).join('; ');
    return {
      ...base,
      errors: [ingestFinding('EPISODE_MAPPING_FAILED', { table: 'XML1', hoso: h.index }, { detail })],
    };
  }
  return { ...base, errors: [], episode: mapped.value };
}

/** Reads an envelope's HOSO incrementally and prepares each (the worker and the in-thread path share this). */
export class Preparer {
  private readonly reader: EnvelopeReader;
  private readonly checks: EnvelopeChecks;

  constructor(
    private readonly header: EnvelopeHeader,
    limits: { maxEnvelopeChars: number; maxHoso: number },
  ) {
    this.reader = envelopeReader({ limits });
    this.checks = new EnvelopeChecks({ senderFacility: header.macskcb });
  }

  /** Feeds bytes; returns the HOSO completed by them. */
  write(chunk: Uint8Array): Prepared[] {
    this.reader.write(chunk);
    return this.take();
  }

  end(): Prepared[] {
    this.reader.end();
    return this.take();
  }

  private take(): Prepared[] {
    return this.reader.drain().map((h) => prepareHoso(h, this.checks, this.header));
  }
}
