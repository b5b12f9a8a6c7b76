/**
 * Fast reader for the inner tables (XML0–XML15). They are flat: a root, optionally a list element,
 * records, and leaf field elements without attributes. This hand-written scanner handles exactly
 * that shape (plus CDATA, comments, processing instructions, `<X/>`, entities) in one pass with
 * `indexOf`, without building a DOM. It never expands entities and rejects any DTD.
 *
 * Line ends inside values are normalised (XML 1.0 §2.11) value by value; characters XML cannot carry
 * must have been removed before (see inner.ts).
 */
import type { CompiledRegistry, CompiledTable } from '../registry/compiled.ts';
import type { FieldSpec, TableId, TableSpec } from '../registry/types.ts';
import type { FindingCollector, Params } from '../rules/findings.ts';
import type { RuleId } from '../rules/index.ts';
import { decodeEntities, type TextIssues } from './entities.ts';
import type { Limits } from './limits.ts';
import type { UnknownElement } from './model.ts';
import { needsNormalization, normalizeValue } from './normalize.ts';

export interface TableParseContext {
  readonly compiled: CompiledRegistry;
  readonly findings: FindingCollector;
  readonly limits: Limits;
  /** HOSO index, for findings. */
  readonly hoso?: number;
}

export interface FlatTableResult {
  /** False when the document could not be read (a fatal finding was recorded). */
  readonly ok: boolean;
  readonly root: string | undefined;
  readonly records: Record<string, string>[];
  readonly unknown: UnknownElement[];
  /** A CHUKYDONVI trailer element was present (XML0 / XML12 documents). */
  readonly signature: boolean;
}

const enum Role {
  Container,
  List,
  Record,
  Field,
  UnknownField,
  Skip,
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const MAX_UNKNOWN_KEPT = 1000;
const DTD_DECL = /^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === GT || c === SLASH;
}

function badNameStart(c: number): boolean {
  // digits, '-', '.', and markup characters cannot start an XML name
  return (
    (c >= 48 && c <= 57) || c === 45 || c === 46 || c === LT || c === GT || c === 61 || c === 34 || c === 39
  );
}

function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * An empty record of a table (every field ''), built by JSON.parse so that it has V8 "fast"
 * properties: records cloned from it (`{ ...template }`) share its hidden class, and reading their
 * fields (validation, mapping) is an indexed load instead of a hash lookup. A record built by
 * assigning 40–120 computed keys one by one to `{}` falls back to a dictionary after a dozen.
 */
const templates = new WeakMap<readonly FieldSpec[], Readonly<Record<string, string>>>();
function recordTemplate(fields: readonly FieldSpec[]): Readonly<Record<string, string>> {
  let t = templates.get(fields);
  if (t === undefined) {
    t = JSON.parse(`{${fields.map((f) => `${JSON.stringify(f.name)}:""`).join(',')}}`) as Record<
      string,
      string
    >;
    templates.set(fields, t);
  }
  return t;
}

class Fatal extends Error {
  constructor(
    readonly rule: RuleId,
    readonly params: Params,
  ) {
    super(rule);
  }
}

class FlatScanner {
  readonly records: Record<string, string>[] = [];
  readonly unknown: UnknownElement[] = [];
  signature = false;
  root: string | undefined;

  private readonly spec: TableSpec;
  private readonly fields: readonly FieldSpec[];
  private readonly index: ReadonlyMap<string, number>;
  private readonly len: number;
  private readonly stack: string[] = [];
  private readonly roles: Role[] = [];
  private readonly issues: TextIssues = {};
  private values: (string | undefined)[] | undefined;
  private fieldIndex = -1;
  private fieldElement = '';
  private fieldDepth = 0;
  private buffer = '';
  private rootClosed = false;

  constructor(
    private readonly doc: string,
    private readonly tableId: TableId,
    table: CompiledTable,
    private readonly findings: FindingCollector,
    private readonly limits: Limits,
    private readonly hoso: number | undefined,
  ) {
    this.spec = table.spec;
    this.fields = table.fields;
    this.index = table.index;
    this.len = doc.length;
  }

  private warn(rule: RuleId, params: Params = {}, field?: string, record?: number): void {
    this.findings.add(
      rule,
      {
        table: this.tableId,
        ...(field === undefined ? {} : { field }),
        ...(this.hoso === undefined ? {} : { hoso: this.hoso }),
        ...(record === undefined ? {} : { record }),
      },
      params,
    );
  }

  private reportIssues(field: string): void {
    const issues = this.issues;
    if (issues.unknownEntity !== undefined)
      this.warn('UNKNOWN_ENTITY', { entity: issues.unknownEntity }, field);
    if (issues.bareAmpersand === true) this.warn('BARE_AMPERSAND', {}, field);
    if (issues.invalidChar === true) this.warn('INVALID_XML_CHAR', { count: 1 }, field);
    issues.unknownEntity = undefined;
    issues.bareAmpersand = undefined;
    issues.invalidChar = undefined;
  }

  private text(from: number, to: number): string {
    const raw = normalizeLineEnds(this.doc.slice(from, to));
    return raw.includes('&') ? decodeEntities(raw, this.issues) : raw;
  }

  private strayText(from: number, to: number): void {
    const doc = this.doc;
    for (let i = from; i < to; i++) {
      const c = doc.charCodeAt(i);
      if (!isSpace(c) && c !== 0xfeff) {
        this.warn('STRAY_TEXT', {}, undefined, this.values === undefined ? undefined : this.records.length);
        return;
      }
    }
  }

  private appendText(from: number, to: number, cdata: boolean): void {
    const role = this.roles[this.roles.length - 1];
    if (role === Role.Field || role === Role.UnknownField) {
      const piece = cdata ? normalizeLineEnds(this.doc.slice(from, to)) : this.text(from, to);
      this.buffer = this.buffer === '' ? piece : this.buffer + piece;
    } else if (role !== Role.Skip) {
      this.strayText(from, to);
    }
  }

  private startRecord(): void {
    if (this.records.length >= this.limits.maxRecords) {
      throw new Fatal('SIZE_LIMIT_EXCEEDED', {
        what: `số bản ghi ${this.tableId}`,
        size: this.records.length + 1,
        limit: this.limits.maxRecords,
      });
    }
    this.values = new Array<string | undefined>(this.fields.length);
  }

  private endRecord(): void {
    const values = this.values;
    if (values === undefined) return;
    const recordIndex = this.records.length;
    const fields = this.fields;
    const rec: Record<string, string> = { ...recordTemplate(fields) };
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const raw = values[i];
      if (raw === undefined) {
        this.warn('FIELD_ELEMENT_MISSING', {}, field.name, recordIndex);
        rec[field.name] = '';
      } else if (raw !== '' && needsNormalization(field, raw)) {
        rec[field.name] = normalizeValue(field, raw, (what, original) => {
          this.warn(what, { value: original }, field.name, recordIndex);
        });
      } else {
        rec[field.name] = raw;
      }
    }
    this.records.push(rec);
    this.values = undefined;
  }

  private checkRootAttributes(attrs: string): void {
    const re = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    for (let m = re.exec(attrs); m !== null; m = re.exec(attrs)) {
      if (m[1] === 'xmlns:xsi') {
        const value = m[3] ?? m[4] ?? '';
        if (value !== XSI) this.warn('XSI_NAMESPACE_TYPO', { value });
      }
    }
  }

  private openRoot(name: string): Role {
    const spec = this.spec;
    this.root = name;
    if (name === spec.root) return spec.list === undefined ? Role.Record : Role.Container;
    if (spec.list !== undefined && name === spec.list) {
      this.warn('LEGACY_ROOT', { element: name, expected: spec.root });
      return Role.List;
    }
    if (spec.legacyRoots?.includes(name) === true) {
      this.warn('LEGACY_ROOT', { element: name, expected: spec.root });
      return spec.list === undefined ? Role.Record : Role.Container;
    }
    if (spec.record !== undefined && name === spec.record) {
      this.warn('LEGACY_ROOT', { element: name, expected: spec.root });
      return Role.Record;
    }
    throw new Fatal('ROOT_MISMATCH', { element: name, expected: spec.root });
  }

  private childRole(parent: Role | undefined, name: string): Role {
    const spec = this.spec;
    switch (parent) {
      case undefined:
        return this.openRoot(name);
      case Role.Container:
        if (name === spec.list) return Role.List;
        if (name === spec.record) {
          this.warn('LEGACY_ROOT', { element: name, expected: spec.list ?? spec.root });
          return Role.Record;
        }
        if (name === 'CHUKYDONVI') {
          this.signature = true;
          return Role.Skip;
        }
        this.warn('UNKNOWN_ELEMENT', {}, name);
        return Role.Skip;
      case Role.List:
        if (name === spec.record) return Role.Record;
        this.warn('UNKNOWN_ELEMENT', {}, name);
        return Role.Skip;
      case Role.Record: {
        const index = this.index.get(name);
        if (index === undefined) return Role.UnknownField;
        this.fieldIndex = index;
        return Role.Field;
      }
      case Role.Field:
      case Role.UnknownField:
        this.warn('NESTED_ELEMENT', {}, this.fieldElement, this.records.length);
        return parent;
      case Role.Skip:
        return Role.Skip;
    }
  }

  private open(name: string, hasAttributes: boolean): Role {
    const parent = this.roles[this.roles.length - 1];
    if (this.stack.length >= this.limits.maxDepth) {
      throw new Fatal('SIZE_LIMIT_EXCEEDED', {
        what: 'độ sâu lồng thẻ',
        size: this.stack.length + 1,
        limit: this.limits.maxDepth,
      });
    }
    const role = this.childRole(parent, name);
    if (hasAttributes && parent !== undefined && role !== Role.Skip)
      this.warn('UNEXPECTED_ATTRIBUTE', { element: name });
    this.stack.push(name);
    this.roles.push(role);
    if (role === Role.Record) this.startRecord();
    else if ((role === Role.Field || role === Role.UnknownField) && parent !== role) {
      this.fieldElement = name;
      this.buffer = '';
      this.fieldDepth = this.stack.length;
    }
    return role;
  }

  /** Stores a completed field value (known or unknown element). */
  private storeField(role: Role, value: string): void {
    const name = this.fieldElement;
    const values = this.values;
    if (role === Role.Field && values !== undefined) {
      const index = this.fieldIndex;
      const field = this.fields[index]!;
      if (name !== field.name) this.warn('FIELD_ALIAS', { alias: name }, field.name, this.records.length);
      if (values[index] === undefined) values[index] = value;
      else this.warn('DUPLICATE_ELEMENT', {}, field.name, this.records.length);
    } else if (role === Role.UnknownField) {
      this.warn('UNKNOWN_ELEMENT', {}, name, this.records.length);
      if (this.unknown.length < MAX_UNKNOWN_KEPT) {
        this.unknown.push({ table: this.tableId, record: this.records.length, name, value });
      }
    }
    this.fieldIndex = -1;
  }

  private close(): void {
    const role = this.roles.pop();
    this.stack.pop();
    if ((role === Role.Field || role === Role.UnknownField) && this.stack.length === this.fieldDepth - 1) {
      this.reportIssues(this.fieldElement);
      this.storeField(role, this.buffer);
      this.buffer = '';
    } else if (role === Role.Record) {
      this.endRecord();
    }
    if (this.stack.length === 0) this.rootClosed = true;
  }

  /** Comment, CDATA, PI or a forbidden declaration at `lt`; returns the position after it. */
  private markup(lt: number): number {
    const doc = this.doc;
    const top = this.stack[this.stack.length - 1];
    if (doc.startsWith('<!--', lt)) {
      const end = doc.indexOf('-->', lt + 4);
      if (end === -1) throw new Fatal('XML_TRUNCATED', { element: top ?? '!--' });
      return end + 3;
    }
    if (doc.startsWith('<![CDATA[', lt)) {
      const end = doc.indexOf(']]>', lt + 9);
      if (end === -1) throw new Fatal('XML_TRUNCATED', { element: top ?? 'CDATA' });
      if (top === undefined) throw new Fatal('XML_MALFORMED', { detail: 'CDATA ngoài phần tử gốc' });
      this.appendText(lt + 9, end, true);
      return end + 3;
    }
    if (doc.startsWith('<?', lt)) {
      const end = doc.indexOf('?>', lt + 2);
      if (end === -1) throw new Fatal('XML_TRUNCATED', { element: top ?? '?' });
      if (top === undefined && doc.startsWith('<?xml', lt)) {
        const declared = /encoding\s*=\s*["']([^"']*)["']/.exec(doc.slice(lt, end))?.[1];
        if (declared !== undefined && !/^utf-?8$/i.test(declared))
          this.warn('ENCODING_DECLARED', { declared });
      }
      return end + 2;
    }
    if (DTD_DECL.test(doc.slice(lt, lt + 12))) throw new Fatal('DTD_FORBIDDEN', {});
    throw new Fatal('XML_MALFORMED', { detail: `khai báo không hợp lệ tại vị trí ${lt}` });
  }

  /** Text outside any element: only white space (and BOMs) is allowed. */
  private outside(from: number, to: number): void {
    const doc = this.doc;
    for (let i = from; i < to; i++) {
      const c = doc.charCodeAt(i);
      if (!isSpace(c) && c !== 0xfeff) {
        if (!this.rootClosed) throw new Fatal('XML_MALFORMED', { detail: 'có văn bản ngoài phần tử gốc' });
        this.warn('TRAILING_CONTENT');
        return;
      }
    }
  }

  /** End tag at `lt`; returns the position after it. */
  private endTag(lt: number): number {
    const doc = this.doc;
    const top = this.stack[this.stack.length - 1];
    const gt = doc.indexOf('>', lt + 2);
    if (gt === -1) throw new Fatal('XML_TRUNCATED', { element: top ?? '/' });
    if (
      top === undefined ||
      !doc.startsWith(top, lt + 2) ||
      doc.slice(lt + 2 + top.length, gt).trim() !== ''
    ) {
      const name = doc.slice(lt + 2, gt).trim();
      throw new Fatal('XML_MALFORMED', {
        detail: top === undefined ? `thẻ đóng </${name}> thừa` : `thẻ đóng </${name}> không khớp <${top}>`,
      });
    }
    this.close();
    return this.roles[this.roles.length - 1] === Role.Record ? this.plainFields(gt + 1) : gt + 1;
  }

  /** Start tag at `lt`; returns the position after it. */
  private startTag(lt: number): number {
    const doc = this.doc;
    const len = this.len;
    let i = lt + 1;
    while (i < len && !isNameEnd(doc.charCodeAt(i))) i++;
    if (i >= len)
      throw new Fatal('XML_TRUNCATED', {
        element: this.stack[this.stack.length - 1] ?? doc.slice(lt + 1, lt + 40),
      });
    const name = doc.slice(lt + 1, i);
    if (name === '' || badNameStart(name.charCodeAt(0))) {
      throw new Fatal('XML_MALFORMED', { detail: `tên thẻ không hợp lệ tại vị trí ${lt}` });
    }
    let gt: number;
    let hasAttributes = false;
    const c = doc.charCodeAt(i);
    if (c === GT) gt = i;
    else if (c === SLASH && doc.charCodeAt(i + 1) === GT) gt = i + 1;
    else {
      // attributes: the closing '>' outside quotes
      let quote = 0;
      let j = i;
      for (; j < len; j++) {
        const d = doc.charCodeAt(j);
        if (quote !== 0) {
          if (d === quote) quote = 0;
          else if (d === LT)
            throw new Fatal('XML_MALFORMED', { detail: `ký tự "<" trong thuộc tính của <${name}>` });
        } else if (d === 34 || d === 39) quote = d;
        else if (d === GT) break;
        else if (d === LT) throw new Fatal('XML_MALFORMED', { detail: `thẻ <${name}> chưa đóng` });
      }
      if (j >= len) throw new Fatal('XML_TRUNCATED', { element: name });
      gt = j;
      const attrs = doc.slice(i, doc.charCodeAt(gt - 1) === SLASH ? gt - 1 : gt);
      hasAttributes = attrs.trim() !== '';
      if (this.stack.length === 0 && hasAttributes) this.checkRootAttributes(attrs);
    }
    if (this.rootClosed) {
      this.warn('TRAILING_CONTENT');
      return len;
    }
    const role = this.open(name, hasAttributes && this.stack.length > 0);
    if (doc.charCodeAt(gt - 1) === SLASH) {
      this.close();
      return gt + 1;
    }
    if (role === Role.Record) return this.plainFields(gt + 1);
    if (role === Role.Field && this.fieldDepth === this.stack.length) {
      // Fast path: a plain leaf `<NAME>text</NAME>`.
      const next = doc.indexOf('<', gt + 1);
      if (
        next !== -1 &&
        doc.charCodeAt(next + 1) === SLASH &&
        doc.startsWith(name, next + 2) &&
        doc.charCodeAt(next + 2 + name.length) === GT
      ) {
        const value = next === gt + 1 ? '' : this.text(gt + 1, next);
        this.roles.pop();
        this.stack.pop();
        this.reportIssues(name);
        this.storeField(role, value);
        return next + 3 + name.length;
      }
    }
    return gt + 1;
  }

  /**
   * Fast path inside a record: consumes consecutive plain leaf fields `<NAME>text</NAME>`,
   * `<NAME><![CDATA[text]]></NAME>` and `<NAME/>`, predicting the next name from the registry order.
   * Returns where the general loop must continue (anything unusual is left to it).
   */
  private plainFields(pos: number): number {
    const doc = this.doc;
    const len = this.len;
    const fields = this.fields;
    const values = this.values;
    if (values === undefined) return pos;
    let expected = 0;
    for (;;) {
      let lt = pos;
      while (lt < len && isSpace(doc.charCodeAt(lt))) lt++;
      if (lt >= len || doc.charCodeAt(lt) !== LT) return pos;
      const c1 = doc.charCodeAt(lt + 1);
      if (c1 === SLASH || c1 === BANG || c1 === QUESTION) return lt;
      // element name: predicted, else looked up
      let index = -1;
      let name = '';
      const predicted = fields[expected];
      if (predicted !== undefined && doc.startsWith(predicted.name, lt + 1)) {
        const after = doc.charCodeAt(lt + 1 + predicted.name.length);
        if (after === GT || after === SLASH) {
          index = expected;
          name = predicted.name;
        }
      }
      if (index === -1) {
        let i = lt + 1;
        while (i < len && !isNameEnd(doc.charCodeAt(i))) i++;
        name = doc.slice(lt + 1, i);
        const found = this.index.get(name);
        if (found === undefined || fields[found]!.name !== name) return lt;
        const after = doc.charCodeAt(i);
        if (after !== GT && after !== SLASH) return lt;
        index = found;
      }
      const gt = lt + 1 + name.length;
      let value: string;
      if (doc.charCodeAt(gt) === SLASH) {
        if (doc.charCodeAt(gt + 1) !== GT) return lt;
        value = '';
        pos = gt + 2;
      } else {
        let close = doc.indexOf('<', gt + 1);
        if (close === -1) return lt;
        if (doc.startsWith('<![CDATA[', close)) {
          if (close !== gt + 1) return lt;
          const end = doc.indexOf(']]>', close + 9);
          if (end === -1) return lt;
          value = normalizeLineEnds(doc.slice(close + 9, end));
          close = end + 3;
          if (doc.charCodeAt(close) !== LT) return lt;
        } else {
          value = close === gt + 1 ? '' : this.text(gt + 1, close);
        }
        if (
          doc.charCodeAt(close + 1) !== SLASH ||
          !doc.startsWith(name, close + 2) ||
          doc.charCodeAt(close + 2 + name.length) !== GT
        ) {
          return lt;
        }
        pos = close + 3 + name.length;
        this.reportIssues(name);
      }
      if (values[index] === undefined) values[index] = value;
      else this.warn('DUPLICATE_ELEMENT', {}, name, this.records.length);
      expected = index + 1;
    }
  }

  run(): void {
    const doc = this.doc;
    const len = this.len;
    let pos = doc.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (pos < len) {
      const lt = doc.indexOf('<', pos);
      const textEnd = lt === -1 ? len : lt;
      if (textEnd > pos) {
        if (this.stack.length > 0) this.appendText(pos, textEnd, false);
        else this.outside(pos, textEnd);
      }
      if (lt === -1) break;
      const next = doc.charCodeAt(lt + 1);
      if (next === SLASH) pos = this.endTag(lt);
      else if (next === BANG || next === QUESTION) pos = this.markup(lt);
      else pos = this.startTag(lt);
    }
    if (this.stack.length > 0)
      throw new Fatal('XML_TRUNCATED', { element: this.stack[this.stack.length - 1]! });
    if (this.root === undefined) throw new Fatal('EMPTY_INPUT', {});
  }
}

/** Reads one inner table document. Findings go to `ctx.findings`. Never throws on bad input. */
export function parseFlatTable(doc: string, tableId: TableId, ctx: TableParseContext): FlatTableResult {
  const scanner = new FlatScanner(
    doc,
    tableId,
    ctx.compiled.tables[tableId],
    ctx.findings,
    ctx.limits,
    ctx.hoso,
  );
  try {
    scanner.run();
    return {
      ok: true,
      root: scanner.root,
      records: scanner.records,
      unknown: scanner.unknown,
      signature: scanner.signature,
    };
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    ctx.findings.add(
      e.rule,
      { table: tableId, ...(ctx.hoso === undefined ? {} : { hoso: ctx.hoso }) },
      e.params,
    );
    return {
      ok: false,
      root: scanner.root,
      records: [],
      unknown: scanner.unknown,
      signature: scanner.signature,
    };
  }
}
