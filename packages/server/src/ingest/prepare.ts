/**
 * One HOSO from reading to rows, without I/O: domain validation in the envelope's context,
 * `toEpisode`, then the episode's rows rendered as COPY text (`../episodes/render.ts`). Runs in the
 * ingest thread for small envelopes and in the parse worker (parse-worker.ts) for big ones; the result
 * is plain data, mostly strings (cheap to send between threads).
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
} from '@suckhoe/domain/xml130/index';
import { renderEpisode, type EpisodeText } from '../episodes/render.ts';
import { MappingError } from '../episodes/rows.ts';
import { ingestFinding } from './findings.ts';

/** An accepted episode as the ingest thread needs it: its key, its patient, its rows. */
export interface PreparedEpisode {
  readonly maLk: string;
  readonly facilityCode: string;
  readonly patient: Episode['patient'];
  readonly text: EpisodeText;
}

export interface Prepared {
  /** 0-based position of the HOSO in the envelope. */
  readonly index: number;
  readonly maLk: string;
  readonly facility: string;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  /** Present when there is no error. */
  readonly episode?: PreparedEpisode;
}

export function prepareHoso(h: ParsedHoso, checks: EnvelopeChecks, header: EnvelopeHeader): Prepared {
  const report = checks.hoso(h, header);
  const xml1 = h.tables.XML1?.[0];
  const maLk = (h.maLk ?? xml1?.MA_LK ?? '').trim();
  const facility = (xml1?.MA_CSKCB ?? header.macskcb).trim() || header.macskcb;
  const errors: Finding[] = [...h.errors, ...report.errors];
  const warnings: Finding[] = [...h.warnings, ...report.warnings];
  const base = { index: h.index, maLk, facility, warnings };
  if (errors.length > 0) return { ...base, errors };
  const mapped = toEpisode(h);
  const failed = (detail: string): Prepared => ({
    ...base,
    errors: [ingestFinding('EPISODE_MAPPING_FAILED', { table: 'XML1', hoso: h.index }, { detail })],
  });
  if (!mapped.ok) return failed(mapped.errors.map((p) => p.message).join('; '));
  const e = mapped.value;
  let text: EpisodeText;
  try {
    text = renderEpisode(e, h.index, h.unknownElements);
  } catch (err) {
    if (err instanceof MappingError) return failed(err.message);
    throw err;
  }
  return {
    ...base,
    errors: [],
    episode: { maLk: e.maLk, facilityCode: e.facilityCode, patient: e.patient, text },
  };
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
