/**
 * Emits one inner table document strictly per the registry: every field element, in table order,
 * one element per line, values in canonical form.
 */
import { REGISTRY, type Registry, type TableId } from '../registry/index.ts';
import type { TableSpec } from '../registry/types.ts';
import { fieldElement, XML_DECLARATION } from './xml.ts';

export interface EmitOptions {
  readonly registry?: Registry;
  /** Start with `<?xml version="1.0" encoding="utf-8"?>` (default true). */
  readonly declaration?: boolean;
}

type AnyRecord = Readonly<Record<string, string | undefined>>;

function recordLines(spec: TableSpec, record: AnyRecord, out: string[]): void {
  for (const field of spec.fields) out.push(fieldElement(field, record[field.name]));
}

/**
 * Emits the document of `tableId` holding `records`. Tables whose root is the record (XML1, 7, 8, 10,
 * 11, 13, 14) take exactly one record: anything else is a programming error (RangeError).
 */
export function emitTable(
  tableId: TableId,
  records: readonly AnyRecord[],
  options: EmitOptions = {},
): string {
  const spec = (options.registry ?? REGISTRY).tables[tableId];
  const out: string[] = [];
  if (options.declaration ?? true) out.push(XML_DECLARATION);
  if (spec.list === undefined || spec.record === undefined) {
    const record = records[0];
    if (records.length !== 1 || record === undefined) {
      throw new RangeError(`${tableId} holds exactly one record per document (got ${records.length})`);
    }
    out.push(`<${spec.root}>`);
    recordLines(spec, record, out);
    out.push(`</${spec.root}>`);
    return out.join('\n');
  }
  out.push(`<${spec.root}>`, `<${spec.list}>`);
  for (const record of records) {
    out.push(`<${spec.record}>`);
    recordLines(spec, record, out);
    out.push(`</${spec.record}>`);
  }
  out.push(`</${spec.list}>`);
  if (spec.trailer !== undefined) out.push(`<${spec.trailer}></${spec.trailer}>`);
  out.push(`</${spec.root}>`);
  return out.join('\n');
}
