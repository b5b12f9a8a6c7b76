/**
 * Streaming reader of the GIAMDINHHS envelope (saxes). Feed it chunks; each HOSO is decoded and
 * parsed as soon as its closing tag is read, so memory stays bounded by one episode. DTDs are
 * rejected before saxes sees them; any XML error stops the reader (never throws).
 */
import { SaxesParser } from 'saxes';
import { compile, type CompiledRegistry } from '../registry/compiled.ts';
import { REGISTRY, type Registry } from '../registry/index.ts';
import { FindingCollector, type Params } from '../rules/findings.ts';
import type { RuleId } from '../rules/index.ts';
import type { Finding } from '../rules/types.ts';
import { escapeText } from './entities.ts';
import { assembleHoso, type RawFile } from './hoso.ts';
import { resolveLimits, type Limits } from './limits.ts';
import type { EnvelopeHeader, EnvelopeSignature, ParsedHoso } from './model.ts';
import { PayloadSplitter } from './payload-splitter.ts';

export interface EnvelopeReaderOptions {
  readonly registry?: Registry;
  readonly limits?: Partial<Limits>;
}

export interface EnvelopeSummary {
  readonly header: EnvelopeHeader;
  readonly signature: EnvelopeSignature;
  /** Number of HOSO read. */
  readonly hosoCount: number;
  /** The root element was closed without a fatal error. */
  readonly complete: boolean;
  /** Envelope-level reading findings (HOSO-level ones are on each ParsedHoso). */
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
}

export interface EnvelopeReader {
  /** Feeds the next chunk. Ignored after a fatal error. Never throws. */
  write(chunk: string | Uint8Array): void;
  /** Signals the end of input and returns the envelope summary. */
  end(): EnvelopeSummary;
  /** HOSO completed since the previous call. */
  drain(): ParsedHoso[];
  /** The header fields read so far. */
  readonly header: EnvelopeHeader;
  /** True once THONGTINDONVI and the THONGTINHOSO fields before DANHSACHHOSO have been read. */
  readonly headerComplete: boolean;
  /** A fatal error stopped the reader. */
  readonly failed: boolean;
}

type Target = 'MACSKCB' | 'NGAYLAP' | 'SOLUONGHOSO' | 'LOAIHOSO' | 'NOIDUNGFILE';

const DTD = /<!(DOCTYPE|ENTITY)/i;
const CHUNK = 1 << 20;

class Abort extends Error {
  constructor(
    readonly rule: RuleId,
    readonly params: Params,
  ) {
    super(rule);
  }
}

const PARENT: Readonly<Record<string, string>> = {
  THONGTINDONVI: 'GIAMDINHHS',
  THONGTINHOSO: 'GIAMDINHHS',
  CHUKYDONVI: 'GIAMDINHHS',
  MACSKCB: 'THONGTINDONVI',
  NGAYLAP: 'THONGTINHOSO',
  SOLUONGHOSO: 'THONGTINHOSO',
  DANHSACHHOSO: 'THONGTINHOSO',
  HOSO: 'DANHSACHHOSO',
  FILEHOSO: 'HOSO',
  LOAIHOSO: 'FILEHOSO',
  NOIDUNGFILE: 'FILEHOSO',
};

const SINGLETONS = [
  'THONGTINDONVI',
  'MACSKCB',
  'THONGTINHOSO',
  'NGAYLAP',
  'SOLUONGHOSO',
  'DANHSACHHOSO',
  'CHUKYDONVI',
];

class Reader implements EnvelopeReader {
  private readonly compiled: CompiledRegistry;
  private readonly limits: Limits;
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  private readonly findings: FindingCollector;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly path: string[] = [];
  private readonly counts = new Map<string, number>();
  private readonly ready: ParsedHoso[] = [];
  private fatal = false;
  private rootClosed = false;
  private started = false;
  private chars = 0;
  private tail = '';
  private skipDepth = 0;
  private target: Target | undefined;
  private text: string[] = [];
  private hosoCount = 0;
  private files: RawFile[] | undefined;
  private loaiHoso = '';
  private content = '';
  private inline: string[] | undefined;
  private inlineDepth = 0;
  private inlineContent = false;
  private payload: string | undefined;
  private readonly splitter: PayloadSplitter;
  private signed = false;
  private invalidUtf8 = false;
  private macskcb = '';
  private ngayLap = '';
  private soLuongHoso = '';
  headerComplete = false;

  constructor(options: EnvelopeReaderOptions) {
    this.compiled = compile(options.registry ?? REGISTRY);
    this.limits = resolveLimits(options.limits);
    this.findings = new FindingCollector(this.limits.maxFindings);
    const maxPayloadChars = Math.ceil(this.limits.maxInnerBytes / 3) * 4 + 1024;
    this.splitter = new PayloadSplitter(
      {
        markup: (text) => {
          this.toSaxes(text);
        },
        payload: (text) => {
          this.payload = text;
        },
        tooLarge: (size) => {
          this.stop('SIZE_LIMIT_EXCEEDED', { what: 'NOIDUNGFILE', size, limit: maxPayloadChars });
        },
      },
      maxPayloadChars,
    );
    this.parser.on('opentag', (tag) => {
      this.onOpen(tag);
    });
    this.parser.on('closetag', (tag) => {
      this.onClose(tag);
    });
    this.parser.on('text', (t) => {
      this.onText(t, false);
    });
    this.parser.on('cdata', (t) => {
      this.onText(t, true);
    });
    this.parser.on('doctype', () => {
      throw new Abort('DTD_FORBIDDEN', {});
    });
  }

  get failed(): boolean {
    return this.fatal;
  }

  get header(): EnvelopeHeader {
    return { macskcb: this.macskcb, ngayLap: this.ngayLap, soLuongHoso: this.soLuongHoso };
  }

  drain(): ParsedHoso[] {
    return this.ready.splice(0, this.ready.length);
  }

  write(chunk: string | Uint8Array): void {
    if (this.fatal) return;
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (typeof chunk !== 'string' && !this.invalidUtf8 && text.includes('\uFFFD')) {
      this.invalidUtf8 = true;
      this.findings.add('INVALID_UTF8', { table: 'GIAMDINHHS' }, { where: 'GIAMDINHHS' });
    }
    if (!this.started) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === '') return;
      this.started = true;
    }
    for (let offset = 0; offset < text.length && !this.failed; offset += CHUNK) {
      this.feed(offset === 0 && text.length <= CHUNK ? text : text.slice(offset, offset + CHUNK));
    }
  }

  private feed(piece: string): void {
    this.chars += piece.length;
    if (this.chars > this.limits.maxEnvelopeChars) {
      this.stop('SIZE_LIMIT_EXCEEDED', {
        what: 'kích thước tệp GIAMDINHHS',
        size: this.chars,
        limit: this.limits.maxEnvelopeChars,
      });
      return;
    }
    this.splitter.push(piece);
  }

  /** Markup (everything but plain base64 payloads) goes to saxes, after the DTD check. */
  private toSaxes(text: string): void {
    if (text === '' || this.fatal) return;
    if (DTD.test(this.tail + text)) {
      this.stop('DTD_FORBIDDEN', {});
      return;
    }
    this.tail = text.length >= 10 ? text.slice(-10) : this.tail.slice(text.length - 10) + text;
    try {
      this.parser.write(text);
    } catch (e) {
      this.onError(e);
    }
  }

  end(): EnvelopeSummary {
    if (!this.fatal) {
      const rest = this.decoder.decode();
      if (rest !== '') this.write(rest);
      this.splitter.finish();
    }
    if (!this.fatal) {
      if (!this.started) this.stop('EMPTY_INPUT', {});
      else if (!this.rootClosed) {
        this.stop('XML_TRUNCATED', { element: this.path[this.path.length - 1] ?? 'GIAMDINHHS' });
      } else {
        try {
          this.parser.close();
        } catch (e) {
          this.onError(e);
        }
      }
    }
    if (!this.fatal) this.checkStructure();
    const { errors, warnings } = this.findings.finish();
    return {
      header: this.header,
      signature: { present: (this.counts.get('CHUKYDONVI') ?? 0) > 0, signed: this.signed },
      hosoCount: this.hosoCount,
      complete: !this.fatal && this.rootClosed,
      errors,
      warnings,
    };
  }

  private checkStructure(): void {
    const missing = [
      'THONGTINDONVI',
      'MACSKCB',
      'THONGTINHOSO',
      'NGAYLAP',
      'SOLUONGHOSO',
      'DANHSACHHOSO',
    ].filter((name) => (this.counts.get(name) ?? 0) === 0);
    if (missing.length > 0) {
      this.findings.add(
        'ENVELOPE_STRUCTURE',
        { table: 'GIAMDINHHS', field: missing[0]! },
        { detail: `thiếu ${missing.join(', ')}` },
      );
    }
    if ((this.counts.get('CHUKYDONVI') ?? 0) === 0)
      this.findings.add('CHUKYDONVI_MISSING', { table: 'GIAMDINHHS' });
  }

  private stop(rule: RuleId, params: Params): void {
    if (this.fatal) return;
    this.fatal = true;
    this.splitter.stop();
    this.findings.add(rule, { table: 'GIAMDINHHS' }, params);
  }

  private onError(e: unknown): void {
    if (e instanceof Abort) this.stop(e.rule, e.params);
    else this.stop('XML_MALFORMED', { detail: e instanceof Error ? e.message : String(e) });
  }

  private onOpen(tag: { readonly name: string }): void {
    if (this.fatal) return;
    const name = tag.name;
    // A payload cut out while saxes was inside a comment or CDATA never reaches a real element.
    if (name === 'NOIDUNGFILE') this.payload = undefined;
    const parent = this.path[this.path.length - 1];
    this.path.push(name);
    if (this.inline !== undefined) {
      this.inlineDepth++;
      this.inline.push(`<${name}>`);
      return;
    }
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    if (parent === undefined) {
      if (name !== 'GIAMDINHHS') throw new Abort('NOT_AN_ENVELOPE', { element: name });
      return;
    }
    if (parent === 'CHUKYDONVI') {
      this.signed = true;
      this.skipDepth = 1;
      return;
    }
    if (parent === 'NOIDUNGFILE') {
      this.inline = [`<${name}>`];
      this.inlineDepth = 1;
      return;
    }
    if (PARENT[name] !== parent) {
      this.findings.add('ENVELOPE_UNKNOWN_ELEMENT', { table: 'GIAMDINHHS', field: name }, { element: name });
      this.skipDepth = 1;
      return;
    }
    if (SINGLETONS.includes(name)) {
      const n = (this.counts.get(name) ?? 0) + 1;
      this.counts.set(name, n);
      if (n === 2) {
        this.findings.add(
          'ENVELOPE_STRUCTURE',
          { table: 'GIAMDINHHS', field: name },
          { detail: `${name} xuất hiện nhiều lần` },
        );
      }
    }
    switch (name) {
      case 'MACSKCB':
      case 'NGAYLAP':
      case 'SOLUONGHOSO':
      case 'LOAIHOSO':
      case 'NOIDUNGFILE':
        this.target = name;
        this.text = [];
        break;
      case 'DANHSACHHOSO':
        this.headerComplete = true;
        break;
      case 'HOSO':
        this.headerComplete = true;
        if (this.hosoCount >= this.limits.maxHoso) {
          throw new Abort('SIZE_LIMIT_EXCEEDED', {
            what: 'số HOSO',
            size: this.hosoCount + 1,
            limit: this.limits.maxHoso,
          });
        }
        this.files = [];
        break;
      case 'FILEHOSO':
        this.loaiHoso = '';
        this.content = '';
        break;
      default:
        break;
    }
  }

  private onText(text: string, cdata: boolean): void {
    if (this.fatal) return;
    if (this.inline !== undefined) {
      this.inline.push(escapeText(text));
      return;
    }
    if (this.path[this.path.length - 1] === 'CHUKYDONVI' && text.trim() !== '') this.signed = true;
    if (this.target !== undefined && this.skipDepth === 0) this.text.push(text);
    else if (cdata && text.trim() !== '' && this.skipDepth === 0) {
      this.findings.add('STRAY_TEXT', { table: 'GIAMDINHHS' });
    }
  }

  private onClose(tag: { readonly name: string }): void {
    if (this.fatal) return;
    const name = tag.name;
    this.path.pop();
    const payload = name === 'NOIDUNGFILE' ? this.payload : undefined;
    if (payload !== undefined) this.payload = undefined;
    if (this.inline !== undefined) {
      this.inline.push(`</${name}>`);
      this.inlineDepth--;
      if (this.inlineDepth === 0) {
        this.text = [this.inline.join('')];
        this.target = 'NOIDUNGFILE';
        this.inline = undefined;
        this.inlineContent = true;
      }
      return;
    }
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    switch (name) {
      case 'MACSKCB':
        this.macskcb = this.takeText().trim();
        break;
      case 'NGAYLAP':
        this.ngayLap = this.takeText().trim();
        break;
      case 'SOLUONGHOSO':
        this.soLuongHoso = this.takeText().trim();
        break;
      case 'LOAIHOSO':
        this.loaiHoso = this.takeText();
        break;
      case 'NOIDUNGFILE':
        this.content = payload ?? this.takeText();
        if (payload !== undefined) this.target = undefined;
        break;
      case 'FILEHOSO':
        this.closeFile();
        break;
      case 'HOSO':
        this.closeHoso();
        break;
      case 'GIAMDINHHS':
        this.rootClosed = true;
        break;
      default:
        break;
    }
  }

  private takeText(): string {
    const joined = this.text.length === 1 ? this.text[0]! : this.text.join('');
    this.text = [];
    this.target = undefined;
    return joined;
  }

  private closeFile(): void {
    if (this.files === undefined) return;
    if (this.files.length >= this.limits.maxFilesPerHoso) {
      throw new Abort('SIZE_LIMIT_EXCEEDED', {
        what: 'số FILEHOSO trong một HOSO',
        size: this.files.length + 1,
        limit: this.limits.maxFilesPerHoso,
      });
    }
    this.files.push(
      this.inlineContent
        ? { loaiHoso: this.loaiHoso, content: '', inline: this.content }
        : { loaiHoso: this.loaiHoso, content: this.content },
    );
    this.inlineContent = false;
    this.loaiHoso = '';
    this.content = '';
  }

  private closeHoso(): void {
    const files = this.files ?? [];
    this.files = undefined;
    this.ready.push(assembleHoso(files, this.hosoCount, this.compiled, this.limits));
    this.hosoCount++;
  }
}

/** Creates a push-style streaming reader. */
export function envelopeReader(options: EnvelopeReaderOptions = {}): EnvelopeReader {
  return new Reader(options);
}
