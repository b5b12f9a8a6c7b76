/** Standalone reading of one inner table document (e.g. an XML0 check-in file or a decoded XML2). */
import { compile } from '../registry/compiled.ts';
import { REGISTRY, type Registry, type TableId, type TableRecord } from '../registry/index.ts';
import { FindingCollector } from '../rules/findings.ts';
import { readInnerBytes, readInnerText } from './inner.ts';
import { resolveLimits, type Limits } from './limits.ts';
import type { ParseResult, UnknownElement } from './model.ts';

export interface ParseTableOptions {
  readonly registry?: Registry;
  readonly limits?: Partial<Limits>;
}

export interface ParsedTable<T extends TableId = TableId> {
  readonly table: T;
  readonly root: string;
  readonly records: readonly TableRecord<T>[];
  readonly unknownElements: readonly UnknownElement[];
  /** A CHUKYDONVI element was present (XML0, XML12). */
  readonly signature: boolean;
}

/**
 * Reads the document of table `table` (string, or bytes in UTF-8 with optional BOM). Lenient like
 * the envelope reader; never throws.
 */
export function parseTable<T extends TableId>(
  table: T,
  input: string | Uint8Array,
  options: ParseTableOptions = {},
): ParseResult<ParsedTable<T>> {
  const limits = resolveLimits(options.limits);
  const findings = new FindingCollector(limits.maxFindings);
  const ctx = { compiled: compile(options.registry ?? REGISTRY), findings, limits };
  let result;
  try {
    result = typeof input === 'string' ? readInnerText(input, table, ctx) : readInnerBytes(input, table, ctx);
  } catch (e) {
    findings.add('INTERNAL_ERROR', { table }, { detail: e instanceof Error ? e.message : String(e) });
    const { errors, warnings } = findings.finish();
    return { ok: false, value: undefined, errors, warnings };
  }
  const { errors, warnings } = findings.finish();
  if (!result.ok || result.root === undefined) return { ok: false, value: undefined, errors, warnings };
  const value: ParsedTable<T> = {
    table,
    root: result.root,
    records: result.records as unknown as TableRecord<T>[],
    unknownElements: result.unknown,
    signature: result.signature,
  };
  return errors.length === 0 ? { ok: true, value, errors, warnings } : { ok: false, value, errors, warnings };
}
