/** The typed model produced by the parser and consumed by the emitter, the validator and toEpisode. */
import type { TableId, TableRecord } from '../registry/index.ts';
import type { Finding } from '../rules/types.ts';

/** Records of each table present in one HOSO (one KCB episode). Absent tables have no key. */
export type HosoTables = { readonly [T in TableId]?: readonly TableRecord<T>[] };

/** One episode as the emitter and the validator see it. */
export interface Hoso {
  readonly tables: HosoTables;
}

/** An element the registry does not know, kept aside for inspection (not imported). */
export interface UnknownElement {
  readonly table: TableId;
  readonly record: number;
  readonly name: string;
  readonly value: string;
}

/** One FILEHOSO as received. */
export interface HosoFile {
  /** LOAIHOSO as sent. */
  readonly loaiHoso: string;
  readonly table?: TableId;
  /** Decoded size of the inner document in bytes (0 when it could not be decoded). */
  readonly bytes: number;
  /** Root element of the inner document. */
  readonly root?: string;
  readonly records: number;
}

export interface ParsedHoso extends Hoso {
  /** 0-based position in DANHSACHHOSO. */
  readonly index: number;
  /** MA_LK of the XML1 record, when there is one. */
  readonly maLk: string | undefined;
  readonly files: readonly HosoFile[];
  readonly unknownElements: readonly UnknownElement[];
  /** Reading problems of this HOSO (errors mean some content could not be read). */
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
}

export interface EnvelopeHeader {
  /** THONGTINDONVI/MACSKCB. */
  readonly macskcb: string;
  /** THONGTINHOSO/NGAYLAP (yyyyMMdd). */
  readonly ngayLap: string;
  /** THONGTINHOSO/SOLUONGHOSO as sent. */
  readonly soLuongHoso: string;
}

export interface EnvelopeSignature {
  /** A CHUKYDONVI element was present. */
  readonly present: boolean;
  /** It had content (an XML signature); verification is done elsewhere on the raw bytes. */
  readonly signed: boolean;
}

export interface Envelope {
  readonly header: EnvelopeHeader;
  readonly hoso: readonly ParsedHoso[];
  readonly signature: EnvelopeSignature;
}

/**
 * Outcome of reading untrusted input. Never thrown: `ok` is false when any error was found; `value`
 * then still holds whatever could be read (undefined only when nothing could).
 */
export type ParseResult<T> =
  | {
      readonly ok: true;
      readonly value: T;
      readonly errors: readonly Finding[];
      readonly warnings: readonly Finding[];
    }
  | {
      readonly ok: false;
      readonly value: T | undefined;
      readonly errors: readonly Finding[];
      readonly warnings: readonly Finding[];
    };
