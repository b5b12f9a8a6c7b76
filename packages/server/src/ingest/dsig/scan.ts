/**
 * First pass over a received GIAMDINHHS envelope, before anything is parsed for storage or stored:
 * - SHA-256 and size of the bytes as received (the envelope's storage key);
 * - well-formedness of the envelope structure, no DTD (so no XXE, no entity expansion), size limit;
 * - the header (MACSKCB, NGAYLAP, SOLUONGHOSO) and the number of HOSO;
 * - the XMLDSig `ds:Signature` inside CHUKYDONVI, captured as a small tree, and the SHA-256 digests
 *   of the document without it (the enveloped-signature transform), canonicalised as the profile
 *   says (C14N 1.0); a signature asking for exclusive C14N is only known at the end, and its digest
 *   is then computed by a second scan (`requiredDigestMode` in verify.ts).
 *
 * Streaming: memory is bounded by one NOIDUNGFILE payload. Base64 payloads (the bulk of an envelope)
 * bypass the XML parser and go straight into the digests, which keeps the pass fast.
 */
import { createHash, type Hash } from 'node:crypto';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { makeFinding } from '@suckhoe/domain/xml130/rules/findings';
import type { Finding, RuleId } from '@suckhoe/domain/xml130/index';
import { DSIG_NS, type C14nMode } from './algorithms.ts';
import { C14nWriter, type C14nAttr, type C14nTag } from './c14n.ts';

export interface ScanLimits {
  /** Maximum envelope size in bytes. */
  readonly maxBytes: number;
  /** Maximum element depth. */
  readonly maxDepth: number;
  /** Maximum size of the captured signature, in characters. */
  readonly maxSignatureChars: number;
}

export interface ScanOptions {
  readonly limits?: ScanLimits;
  /**
   * Canonicalisations to digest (default inclusive only, the profile's; a signature that asks for
   * exclusive C14N is checked by scanning again with `['exclusive']`).
   */
  readonly modes?: readonly C14nMode[];
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxBytes: 1024 * 1024 * 1024,
  maxDepth: 64,
  maxSignatureChars: 1024 * 1024,
};

/** A captured element of the signature subtree. */
export interface CapturedElement {
  readonly tag: C14nTag & { readonly local: string; readonly uri: string };
  readonly children: (CapturedElement | string)[];
}

export interface CapturedSignature {
  readonly element: CapturedElement;
  /** Namespaces in scope at CHUKYDONVI (the Signature's parent). */
  readonly inScope: ReadonlyMap<string, string>;
  /** xml:* attributes on GIAMDINHHS / CHUKYDONVI, nearest first. */
  readonly xmlAttrs: readonly C14nAttr[];
}

export interface EnvelopeHeaderFields {
  readonly macskcb: string;
  readonly ngayLap: string;
  readonly soLuongHoso: string;
}

export interface EnvelopeScan {
  /** No fatal error: the envelope structure is well-formed and within limits. */
  readonly ok: boolean;
  /** The fatal error, when not ok. */
  readonly error?: Finding;
  readonly sha256: string;
  readonly size: number;
  readonly header: EnvelopeHeaderFields;
  readonly hosoCount: number;
  /** A CHUKYDONVI element is present. */
  readonly chukydonvi: boolean;
  /** CHUKYDONVI holds something (a signature or anything else). */
  readonly signed: boolean;
  readonly signature?: CapturedSignature;
  /** Signature elements outside CHUKYDONVI, a second one, or other content inside CHUKYDONVI. */
  readonly signatureAnomalies: readonly string[];
  /** Invalid UTF-8 sequences were replaced while decoding. */
  readonly invalidUtf8: boolean;
  /** Base64 SHA-256 of the canonical document without the signature, per canonicalisation computed. */
  readonly digests: { readonly inclusive?: string; readonly exclusive?: string };
}

const DTD = /<!(DOCTYPE|ENTITY)/i;
const OPEN_BYTES = Buffer.from('<NOIDUNGFILE>');
const CLOSE_BYTES = Buffer.from('</NOIDUNGFILE>');
const EMPTY = Buffer.alloc(0);
const CR = 13;
/**
 * A payload bypasses the parser when it holds no markup and nothing canonicalisation would escape
 * ('<', '&', '>'; CR is normalised on the way). Native byte searches keep this check ~free. Anything
 * else in a base64 payload (control characters, non-ASCII) makes the domain reject that HOSO.
 */
function isPlainPayload(b: Buffer): boolean {
  return b.indexOf(0x3c) === -1 && b.indexOf(0x26) === -1 && b.indexOf(0x3e) === -1;
}
const XML_URI = 'http://www.w3.org/XML/1998/namespace';
const HEADER_PATHS: Readonly<Record<string, keyof EnvelopeHeaderFields>> = {
  'GIAMDINHHS/THONGTINDONVI/MACSKCB': 'macskcb',
  'GIAMDINHHS/THONGTINHOSO/NGAYLAP': 'ngayLap',
  'GIAMDINHHS/THONGTINHOSO/SOLUONGHOSO': 'soLuongHoso',
};
const HOSO_PATH = 'GIAMDINHHS/THONGTINHOSO/DANHSACHHOSO/HOSO';

class Fatal extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}

const fatal = (rule: RuleId, params: Record<string, string | number> = {}): Fatal =>
  new Fatal(makeFinding(rule, { table: 'GIAMDINHHS' }, params));

function hashSink(hash: Hash): (s: string) => void {
  return (s) => {
    hash.update(s, 'utf8');
  };
}

export class EnvelopeScanner {
  private readonly raw = createHash('sha256');
  private readonly limits: ScanLimits;
  private readonly writers: { readonly mode: C14nMode; readonly hash: Hash; readonly writer: C14nWriter }[];
  private readonly decoder = new TextDecoder('utf-8');
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private readonly path: string[] = [];
  private readonly nsStack: Map<string, string>[] = [];
  private readonly xmlAttrStack: C14nAttr[][] = [];
  private readonly header = { macskcb: '', ngayLap: '', soLuongHoso: '' };
  private readonly anomalies: string[] = [];
  private error: Finding | undefined;
  private size = 0;
  private carry: Buffer = EMPTY;
  private tail = '';
  private inPayload = false;
  private started = false;
  private rootClosed = false;
  private hosoCount = 0;
  private chukydonvi = false;
  private signed = false;
  private invalidUtf8 = false;
  private headerTarget: keyof EnvelopeHeaderFields | undefined;
  private headerText = '';
  private capture: CapturedElement[] | undefined;
  private captured: CapturedSignature | undefined;
  private captureChars = 0;

  constructor(options: ScanOptions = {}) {
    this.limits = options.limits ?? DEFAULT_SCAN_LIMITS;
    this.writers = (options.modes ?? ['inclusive']).map((mode) => {
      const hash = createHash('sha256');
      return { mode, hash, writer: new C14nWriter(mode, hashSink(hash)) };
    });
    this.parser.on('xmldecl', (d) => {
      const enc = (d.encoding ?? 'utf-8').toLowerCase();
      if (enc !== 'utf-8' && enc !== 'utf8') this.anomaly(`encoding="${d.encoding ?? ''}"`);
    });
    this.parser.on('doctype', () => {
      throw fatal('DTD_FORBIDDEN');
    });
    this.parser.on('opentag', (tag) => {
      this.onOpen(tag);
    });
    this.parser.on('closetag', (tag) => {
      this.onClose(tag);
    });
    this.parser.on('text', (t) => {
      this.onText(t);
    });
    this.parser.on('cdata', (t) => {
      this.onText(t);
    });
    this.parser.on('processinginstruction', (pi) => {
      if (this.capture !== undefined) return; // a PI inside the signature is not part of SignedInfo's form
      for (const w of this.writers) w.writer.processingInstruction(pi.target, pi.body);
    });
  }

  private anomaly(what: string): void {
    if (this.anomalies.length < 20) this.anomalies.push(what);
  }

  /** Feeds the next chunk of bytes. Never throws; stops at the first fatal error. */
  write(chunk: Uint8Array): void {
    this.raw.update(chunk);
    this.size += chunk.byteLength;
    if (this.error) return;
    if (this.size > this.limits.maxBytes) {
      this.error = fatal('SIZE_LIMIT_EXCEEDED', {
        what: 'kích thước tệp GIAMDINHHS',
        size: this.size,
        limit: this.limits.maxBytes,
      }).finding;
      return;
    }
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.split(this.carry.length === 0 ? bytes : Buffer.concat([this.carry, bytes]), false);
  }

  /**
   * Takes plain base64 NOIDUNGFILE payloads out of the byte stream (they are ASCII: hashed as they
   * are, never decoded); everything else is decoded and parsed. A payload holding anything but
   * base64 and white space (inline XML, entities) goes to the parser like the rest.
   */
  private split(buf: Buffer, final: boolean): void {
    let pos = 0;
    this.carry = EMPTY;
    while (!this.error) {
      if (this.inPayload) {
        const end = buf.indexOf(CLOSE_BYTES, pos);
        if (end === -1) {
          if (final) {
            this.inPayload = false;
            this.text(buf.subarray(pos));
          } else this.carry = Buffer.from(buf.subarray(pos));
          return;
        }
        const payload = buf.subarray(pos, end);
        if (isPlainPayload(payload)) this.payloadBytes(payload);
        else this.text(payload);
        this.text(CLOSE_BYTES);
        pos = end + CLOSE_BYTES.length;
        this.inPayload = false;
      } else {
        const start = buf.indexOf(OPEN_BYTES, pos);
        if (start === -1) {
          const keep = final ? 0 : Math.min(buf.length - pos, OPEN_BYTES.length - 1);
          this.text(buf.subarray(pos, buf.length - keep));
          this.carry = Buffer.from(buf.subarray(buf.length - keep));
          return;
        }
        this.text(buf.subarray(pos, start + OPEN_BYTES.length));
        pos = start + OPEN_BYTES.length;
        this.inPayload = true;
      }
    }
  }

  private payloadBytes(payload: Buffer): void {
    if (payload.length === 0) return;
    if (payload.includes(CR)) {
      const text = payload.toString('latin1').replace(/\r\n?/g, '\n');
      for (const w of this.writers) w.writer.rawText(text);
      return;
    }
    for (const w of this.writers) w.hash.update(payload);
  }

  /** Decodes and parses a non-payload piece (payload boundaries are ASCII, so decoding stays in step). */
  private text(bytes: Uint8Array): void {
    if (bytes.length === 0 || this.error) return;
    let text = this.decoder.decode(bytes, { stream: true });
    if (!this.invalidUtf8 && text.includes('\uFFFD')) this.invalidUtf8 = true;
    if (!this.started) {
      text = text.replace(/^\s+/, '');
      if (text === '') return;
      this.started = true;
    }
    this.toParser(text);
  }

  private toParser(text: string): void {
    if (text === '' || this.error) return;
    if (DTD.test(this.tail + text)) {
      this.error = fatal('DTD_FORBIDDEN').finding;
      return;
    }
    this.tail = text.length >= 10 ? text.slice(-10) : (this.tail + text).slice(-10);
    try {
      this.parser.write(text);
    } catch (e) {
      this.error =
        e instanceof Fatal
          ? e.finding
          : fatal('XML_MALFORMED', { detail: e instanceof Error ? e.message : String(e) }).finding;
    }
  }

  private onOpen(tag: SaxesTagNS): void {
    const parentPath = this.path.join('/');
    const depth = this.path.length;
    if (depth === 0 && tag.name !== 'GIAMDINHHS') throw fatal('NOT_AN_ENVELOPE', { element: tag.name });
    if (depth + 1 > this.limits.maxDepth) {
      throw fatal('SIZE_LIMIT_EXCEEDED', {
        what: 'độ sâu phần tử',
        size: depth + 1,
        limit: this.limits.maxDepth,
      });
    }
    this.path.push(tag.name);
    const parentNs = this.nsStack[this.nsStack.length - 1] ?? new Map<string, string>();
    const inScope =
      Object.keys(tag.ns).length === 0 ? parentNs : new Map([...parentNs, ...Object.entries(tag.ns)]);
    this.nsStack.push(inScope);
    this.xmlAttrStack.push(Object.values(tag.attributes).filter((a) => a.uri === XML_URI));
    const c14nTag = toC14nTag(tag);

    if (this.capture !== undefined) {
      const el: CapturedElement = { tag: c14nTag, children: [] };
      this.capture[this.capture.length - 1]!.children.push(el);
      this.capture.push(el);
      this.countCapture(tag.name.length * 2 + 5);
      return;
    }
    const isSignature = tag.uri === DSIG_NS && tag.local === 'Signature';
    if (parentPath === 'GIAMDINHHS/CHUKYDONVI') {
      this.signed = true;
      if (isSignature && this.captured === undefined) {
        const el: CapturedElement = { tag: c14nTag, children: [] };
        this.capture = [el];
        this.captured = {
          element: el,
          inScope: parentNs,
          xmlAttrs: [...this.xmlAttrStack.slice(0, -1)].reverse().flat(),
        };
        return;
      }
      this.anomaly(isSignature ? 'second Signature in CHUKYDONVI' : `<${tag.name}> in CHUKYDONVI`);
    } else if (isSignature) {
      this.anomaly(`Signature outside CHUKYDONVI (${parentPath})`);
    }
    if (depth === 1 && tag.name === 'CHUKYDONVI') this.chukydonvi = true;
    const path = `${parentPath}/${tag.name}`;
    if (path === HOSO_PATH) this.hosoCount++;
    const target = HEADER_PATHS[path];
    if (target !== undefined) {
      this.headerTarget = target;
      this.headerText = '';
    }
    for (const w of this.writers) w.writer.open(c14nTag);
  }

  private countCapture(n: number): void {
    this.captureChars += n;
    if (this.captureChars > this.limits.maxSignatureChars) {
      throw fatal('SIZE_LIMIT_EXCEEDED', {
        what: 'chữ ký số (CHUKYDONVI)',
        size: this.captureChars,
        limit: this.limits.maxSignatureChars,
      });
    }
  }

  private onClose(tag: SaxesTagNS): void {
    this.path.pop();
    this.nsStack.pop();
    this.xmlAttrStack.pop();
    if (this.capture !== undefined) {
      this.capture.pop();
      if (this.capture.length === 0) this.capture = undefined;
      return;
    }
    if (this.headerTarget !== undefined) {
      this.header[this.headerTarget] = this.headerText.trim();
      this.headerTarget = undefined;
    }
    if (this.path.length === 0) this.rootClosed = true;
    for (const w of this.writers) w.writer.close(tag.name);
  }

  private onText(t: string): void {
    if (this.capture !== undefined) {
      this.capture[this.capture.length - 1]!.children.push(t);
      this.countCapture(t.length);
      return;
    }
    if (this.path.length === 0) {
      if (t.trim() !== '') throw fatal('XML_MALFORMED', { detail: 'nội dung ngoài phần tử gốc' });
      return;
    }
    if (this.path.length === 2 && this.path[1] === 'CHUKYDONVI' && t.trim() !== '') {
      this.signed = true;
      this.anomaly('text in CHUKYDONVI');
    }
    if (this.headerTarget !== undefined && this.headerText.length < 200) this.headerText += t;
    for (const w of this.writers) w.writer.text(t);
  }

  /** Ends the input and returns what was found. */
  end(): EnvelopeScan {
    if (!this.error) {
      this.split(this.carry, true);
      const rest = this.decoder.decode();
      if (rest !== '') this.toParser(rest);
    }
    if (!this.error) {
      if (!this.started) this.error = fatal('EMPTY_INPUT').finding;
      else if (!this.rootClosed) {
        this.error = fatal('XML_TRUNCATED', {
          element: this.path[this.path.length - 1] ?? 'GIAMDINHHS',
        }).finding;
      } else {
        try {
          this.parser.close();
        } catch (e) {
          this.error = fatal('XML_MALFORMED', { detail: e instanceof Error ? e.message : String(e) }).finding;
        }
      }
    }
    return {
      ok: this.error === undefined,
      ...(this.error === undefined ? {} : { error: this.error }),
      sha256: this.raw.digest('hex'),
      size: this.size,
      header: { ...this.header },
      hosoCount: this.hosoCount,
      chukydonvi: this.chukydonvi,
      signed: this.signed,
      ...(this.captured === undefined ? {} : { signature: this.captured }),
      signatureAnomalies: [...this.anomalies],
      invalidUtf8: this.invalidUtf8,
      digests: Object.fromEntries(this.writers.map((w) => [w.mode, w.hash.digest('base64')])),
    };
  }
}

function toC14nTag(tag: SaxesTagNS): C14nTag & { local: string; uri: string } {
  const attributes: Record<string, C14nAttr> = {};
  for (const [k, a] of Object.entries(tag.attributes)) {
    attributes[k] = { name: a.name, prefix: a.prefix, local: a.local, uri: a.uri, value: a.value };
  }
  return {
    name: tag.name,
    prefix: tag.prefix,
    local: tag.local,
    uri: tag.uri,
    ns: { ...tag.ns },
    attributes,
  };
}

/** Scans a whole envelope held in memory (fed in 1 MiB slices). */
export function scanEnvelope(bytes: Uint8Array, options?: ScanOptions): EnvelopeScan {
  const s = new EnvelopeScanner(options);
  for (let i = 0; i < bytes.byteLength; i += 1 << 20) s.write(bytes.subarray(i, i + (1 << 20)));
  return s.end();
}

/** Scans an envelope from a stream of byte chunks (a file). */
export async function scanEnvelopeStream(
  chunks: AsyncIterable<Uint8Array>,
  options?: ScanOptions,
): Promise<EnvelopeScan> {
  const s = new EnvelopeScanner(options);
  for await (const chunk of chunks) s.write(chunk);
  return s.end();
}
