/** Emits a GIAMDINHHS envelope: inner tables in guide order, each base64 (UTF-8) in NOIDUNGFILE. */
import { encodeBase64 } from '../parse/base64.ts';
import type { TableId, TableRecord } from '../registry/index.ts';
import { encodeUtf8 } from '../parse/text.ts';
import { ENVELOPE_TABLE_ORDER, REGISTRY, type Registry } from '../registry/index.ts';
import { element, XML_DECLARATION } from './xml.ts';
import { emitTable } from './table.ts';

export interface EnvelopeInput {
  /** THONGTINDONVI/MACSKCB: the sending facility (5 characters). */
  readonly macskcb: string;
  /** THONGTINHOSO/NGAYLAP, yyyyMMdd. */
  readonly ngayLap: string;
  readonly hoso: readonly EmitHoso[];
}

/** Tables of one HOSO to emit; missing fields are emitted empty (a parsed `Hoso` fits). */
export interface EmitHoso {
  readonly tables: { readonly [T in TableId]?: readonly Partial<TableRecord<T>>[] };
}

export interface EmitEnvelopeOptions {
  readonly registry?: Registry;
}

/** Base64 of the UTF-8 bytes of a document (NOIDUNGFILE, or the `fileHSBase64` form field). */
export function toBase64Document(xml: string): string {
  return encodeBase64(encodeUtf8(xml));
}

/**
 * Emits the envelope. SOLUONGHOSO is the number of HOSO given. Tables not sent in a HOSO (XML0, XML12)
 * are skipped; tables whose root is the record get one FILEHOSO per record (e.g. XML7 for twins).
 * CHUKYDONVI is emitted empty: signing happens on the emitted bytes, outside the domain.
 */
export function emitEnvelope(input: EnvelopeInput, options: EmitEnvelopeOptions = {}): string {
  const registry = options.registry ?? REGISTRY;
  const out: string[] = [
    XML_DECLARATION,
    '<GIAMDINHHS xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    '<THONGTINDONVI>',
    element('MACSKCB', input.macskcb),
    '</THONGTINDONVI>',
    '<THONGTINHOSO>',
    element('NGAYLAP', input.ngayLap),
    element('SOLUONGHOSO', String(input.hoso.length)),
    '<DANHSACHHOSO>',
  ];
  for (const hoso of input.hoso) {
    out.push('<HOSO>');
    for (const id of ENVELOPE_TABLE_ORDER) {
      const records: readonly Readonly<Record<string, string | undefined>>[] | undefined = hoso.tables[id];
      if (records === undefined || records.length === 0) continue;
      const spec = registry.tables[id];
      const documents =
        spec.list === undefined
          ? records.map((r) => emitTable(id, [r], { registry }))
          : [emitTable(id, records, { registry })];
      for (const doc of documents) {
        out.push(
          '<FILEHOSO>',
          element('LOAIHOSO', id),
          `<NOIDUNGFILE>${toBase64Document(doc)}</NOIDUNGFILE>`,
          '</FILEHOSO>',
        );
      }
    }
    out.push('</HOSO>');
  }
  out.push('</DANHSACHHOSO>', '</THONGTINHOSO>', '<CHUKYDONVI/>', '</GIAMDINHHS>');
  return out.join('\n');
}
