/** Whole-input and async-iterable front ends of the envelope reader. */
import { decodeBase64 } from './base64.ts';
import { envelopeReader, type EnvelopeReaderOptions, type EnvelopeSummary } from './envelope-reader.ts';
import type { Envelope, EnvelopeHeader, ParseResult, ParsedHoso } from './model.ts';
import { makeFinding } from '../rules/findings.ts';
import type { Finding } from '../rules/types.ts';

const BASE64_ONLY = /^[A-Za-z0-9+/\s]+={0,2}\s*$/;

/**
 * Some flows hand over the `fileHSBase64` form field (the whole envelope base64-encoded again).
 * Returns the decoded XML when the input is base64 of something starting with '<'.
 */
function unwrapBase64(input: string | Uint8Array): string | Uint8Array | undefined {
  const head = typeof input === 'string' ? input.slice(0, 64) : String.fromCharCode(...input.subarray(0, 64));
  const first = head.trimStart().charAt(0);
  if (first === '' || first === '<' || first === '\uFEFF' || head.startsWith('\xEF\xBB\xBF'))
    return undefined;
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (!BASE64_ONLY.test(text)) return undefined;
  const decoded = decodeBase64(text);
  if (!decoded.ok) return undefined;
  const b = decoded.bytes;
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  let i = start;
  while (i < b.length && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
  return b[i] === 60 /* < */ ? b : undefined;
}

function collect(
  summary: EnvelopeSummary,
  hoso: readonly ParsedHoso[],
  extra: readonly Finding[],
): ParseResult<Envelope> {
  const errors = [...summary.errors, ...hoso.flatMap((h) => h.errors)];
  const warnings = [...extra, ...summary.warnings, ...hoso.flatMap((h) => h.warnings)];
  const envelope: Envelope | undefined =
    summary.complete || hoso.length > 0 || summary.header.macskcb !== ''
      ? { header: summary.header, hoso, signature: summary.signature }
      : undefined;
  if (errors.length === 0 && envelope !== undefined) return { ok: true, value: envelope, errors, warnings };
  return { ok: false, value: envelope, errors, warnings };
}

/**
 * Parses a whole GIAMDINHHS document (string or bytes). Never throws: every problem is a finding.
 * Inner tables are decoded and parsed; validation is separate (`validateEnvelope`).
 */
export function parseEnvelope(
  input: string | Uint8Array,
  options: EnvelopeReaderOptions = {},
): ParseResult<Envelope> {
  const extra: Finding[] = [];
  let source = input;
  try {
    const unwrapped = unwrapBase64(input);
    if (unwrapped !== undefined) {
      source = unwrapped;
      extra.push(makeFinding('ENVELOPE_BASE64_DECODED', { table: 'GIAMDINHHS' }));
    }
  } catch {
    // not base64: read as XML
  }
  const reader = envelopeReader(options);
  const hoso: ParsedHoso[] = [];
  try {
    reader.write(source);
    hoso.push(...reader.drain());
    const summary = reader.end();
    hoso.push(...reader.drain());
    return collect(summary, hoso, extra);
  } catch (e) {
    const internal = makeFinding(
      'INTERNAL_ERROR',
      { table: 'GIAMDINHHS' },
      { detail: e instanceof Error ? e.message : String(e) },
    );
    return { ok: false, value: undefined, errors: [internal], warnings: extra };
  }
}

export type EnvelopeEvent =
  | { readonly type: 'header'; readonly header: EnvelopeHeader }
  | { readonly type: 'hoso'; readonly hoso: ParsedHoso }
  | { readonly type: 'end'; readonly summary: EnvelopeSummary };

/**
 * Reads an envelope from an (async) iterable of chunks and yields the header, then one event per
 * HOSO as soon as it is complete, then a summary. Pure: the caller supplies the chunks (e.g. a file
 * or request stream). Never throws on bad input.
 */
export async function* readEnvelope(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: EnvelopeReaderOptions = {},
): AsyncGenerator<EnvelopeEvent, void, undefined> {
  const reader = envelopeReader(options);
  let headerSent = false;
  for await (const chunk of source) {
    reader.write(chunk);
    if (!headerSent && reader.headerComplete) {
      headerSent = true;
      yield { type: 'header', header: reader.header };
    }
    for (const hoso of reader.drain()) yield { type: 'hoso', hoso };
    if (reader.failed) break;
  }
  const summary = reader.end();
  if (!headerSent && reader.headerComplete) yield { type: 'header', header: reader.header };
  for (const hoso of reader.drain()) yield { type: 'hoso', hoso };
  yield { type: 'end', summary };
}
