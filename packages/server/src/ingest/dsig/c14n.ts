/**
 * Streaming Canonical XML 1.0 (inclusive) and Exclusive XML Canonicalization, both without comments,
 * driven by namespace-aware parser events (saxes `xmlns: true`). The input has no DTD (DTDs are
 * refused before parsing), so there are no default attributes or entity declarations to honour.
 *
 * Used two ways: over a whole document (the `Reference URI=""` digest, with the enveloped signature
 * left out by the caller) and over a captured subtree (SignedInfo), where the apex element receives
 * the namespace context of its ancestors (inclusive: all in-scope namespaces and inherited xml:*
 * attributes; exclusive: only the visibly utilised ones).
 */
import type { C14nMode } from './algorithms.ts';

export interface C14nAttr {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

/** An element start as the canonicaliser needs it (a subset of saxes' SaxesTagNS). */
export interface C14nTag {
  readonly name: string;
  readonly prefix: string;
  /** Namespace declarations made on this element: prefix ('' = default) → URI. */
  readonly ns: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, C14nAttr>>;
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';
const XML_URI = 'http://www.w3.org/XML/1998/namespace';

export function escapeText(s: string): string {
  if (!/[&<>\r]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

export function escapeAttr(s: string): string {
  if (!/[&<"\t\n\r]/.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

type NsMap = ReadonlyMap<string, string>;

interface Frame {
  /** All namespaces in scope at this element (prefix → URI; '' default, absent = no default). */
  readonly inScope: NsMap;
  /** Namespaces rendered by this element or its output ancestors. */
  readonly rendered: NsMap;
}

export interface ApexContext {
  /** Namespaces in scope at the parent of the apex element. */
  readonly inScope: NsMap;
  /** xml:* attributes of the apex's ancestors, nearest first wins (inclusive mode only). */
  readonly xmlAttrs?: readonly C14nAttr[];
}

const byPrefix = (a: [string, string], b: [string, string]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

function compareAttr(a: C14nAttr, b: C14nAttr): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.local < b.local ? -1 : a.local > b.local ? 1 : 0;
}

/**
 * Writes the canonical form of the events it receives to `out`. Events outside the document element
 * (whitespace, comments) are handled as the specification says; the caller decides which elements
 * are part of the node-set by simply not forwarding the others.
 */
export class C14nWriter {
  private readonly stack: Frame[] = [];
  private readonly base: Frame;
  private apexPending: ApexContext | undefined;
  private depth = 0;
  private rootDone = false;

  constructor(
    private readonly mode: C14nMode,
    private readonly out: (s: string) => void,
    apex?: ApexContext,
  ) {
    this.base = { inScope: apex?.inScope ?? new Map(), rendered: new Map() };
    this.apexPending = apex;
  }

  open(tag: C14nTag): void {
    const parent = this.stack[this.stack.length - 1] ?? this.base;
    const inScope = new Map(parent.inScope);
    for (const [p, uri] of Object.entries(tag.ns)) {
      if (p === 'xml' || p === 'xmlns') continue;
      if (uri === '') inScope.delete(p);
      else inScope.set(p, uri);
    }
    const rendered = new Map(parent.rendered);
    const nsOut: [string, string][] = [];
    const consider = (p: string): void => {
      const uri = inScope.get(p) ?? '';
      const before = rendered.get(p) ?? '';
      if (uri === before) return;
      // An empty default is rendered only to undo a non-empty one rendered above.
      nsOut.push([p, uri]);
      rendered.set(p, uri);
    };
    if (this.mode === 'inclusive') {
      const prefixes = new Set([...inScope.keys()]);
      if (parent.rendered.has('')) prefixes.add('');
      for (const p of prefixes) consider(p);
    } else {
      consider(tag.prefix);
      for (const a of Object.values(tag.attributes)) {
        if (a.prefix !== '' && a.prefix !== 'xml' && a.prefix !== 'xmlns' && a.uri !== XMLNS_URI)
          consider(a.prefix);
      }
    }
    const attrs = Object.values(tag.attributes).filter(
      (a) => a.uri !== XMLNS_URI && a.prefix !== 'xmlns' && !(a.prefix === '' && a.local === 'xmlns'),
    );
    const apex = this.apexPending;
    if (apex !== undefined) {
      this.apexPending = undefined;
      if (this.mode === 'inclusive' && apex.xmlAttrs !== undefined) {
        for (const x of apex.xmlAttrs) {
          if (!attrs.some((a) => a.uri === XML_URI && a.local === x.local)) attrs.push(x);
        }
      }
    }
    attrs.sort(compareAttr);
    nsOut.sort(byPrefix);
    let s = `<${tag.name}`;
    for (const [p, uri] of nsOut)
      s += p === '' ? ` xmlns="${escapeAttr(uri)}"` : ` xmlns:${p}="${escapeAttr(uri)}"`;
    for (const a of attrs) s += ` ${a.name}="${escapeAttr(a.value)}"`;
    this.out(`${s}>`);
    this.stack.push({ inScope, rendered });
    this.depth++;
  }

  close(name: string): void {
    this.stack.pop();
    this.depth--;
    if (this.depth === 0) this.rootDone = true;
    this.out(`</${name}>`);
  }

  /** Character data (text or CDATA content), already line-end normalised by the parser. */
  text(t: string): void {
    if (this.depth === 0) return; // whitespace outside the document element is not part of the form
    this.out(escapeText(t));
  }

  /** Character data known to need no escaping (base64 payloads, line ends already normalised). */
  rawText(t: string): void {
    if (this.depth > 0) this.out(t);
  }

  processingInstruction(target: string, body: string): void {
    const pi = body === '' ? `<?${target}?>` : `<?${target} ${body}?>`;
    if (this.depth > 0) this.out(pi);
    else if (this.rootDone) this.out(`\n${pi}`);
    else this.out(`${pi}\n`);
  }
}
