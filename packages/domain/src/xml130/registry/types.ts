/**
 * Types of the XML 130 table registry. The registry is plain data: one file per table under
 * `tables/`, code lists, patterns and amendments next to it. Nothing here does I/O.
 */
import type { CodeListId } from './codes.ts';
import type { PatternId } from './patterns.ts';
import type { SourceId } from './sources.ts';

export const TABLE_IDS = [
  'XML0',
  'XML1',
  'XML2',
  'XML3',
  'XML4',
  'XML5',
  'XML6',
  'XML7',
  'XML8',
  'XML9',
  'XML10',
  'XML11',
  'XML12',
  'XML13',
  'XML14',
  'XML15',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

/**
 * The legal text (or practice) that introduced or changed something. `130` = QĐ 130/QĐ-BYT (2023),
 * `4750` = QĐ 4750/QĐ-BYT (2023), `3176` = QĐ 3176/QĐ-BYT (2024), `1931` = QĐ 1931/QĐ-BYT (2026),
 * `LGOV2025` = two-tier local government from 01/07/2025 (district level abolished), `PRACTICE` = the
 * province's acceptance policy for what real hospital files actually send (not a legal decision; each
 * such amendment names the real files [S7] that justify it).
 */
export type Version = '130' | '4750' | '3176' | '1931' | 'LGOV2025' | 'PRACTICE';

/**
 * Semantic field type (the legal type is kept separately in `legalType`):
 * - `text`: free text, kept exactly as sent (no trimming);
 * - `code`: identifier / code string (surrounding white space trimmed on import);
 * - `int`, `decimal`: numbers written with `.` as decimal separator;
 * - `date` = `yyyyMMdd`, `datetime` = `yyyyMMddHHmm`, `dateOrDatetime` = either;
 * - `birth` = `yyyyMMddHHmm` where `0000` is allowed for an unknown time and for an unknown day+month.
 */
export type FieldType =
  'text' | 'code' | 'int' | 'decimal' | 'date' | 'datetime' | 'dateOrDatetime' | 'birth';

/** Type as printed in the appendix: `Chuỗi` (string) or `Số` (number). */
export type LegalType = 'string' | 'number';

/**
 * A condition on the other fields of the same record (or of the XML1 record for table presence).
 * `filled`/`empty` look at the trimmed value. `in` is true when the value (or, for `;` lists, any item)
 * is one of `values`; `notIn` is true when the value is filled and not one of `values`.
 */
export type Condition =
  | { readonly op: 'filled'; readonly field: string }
  | { readonly op: 'empty'; readonly field: string }
  | { readonly op: 'in'; readonly field: string; readonly values: readonly string[] }
  | { readonly op: 'notIn'; readonly field: string; readonly values: readonly string[] }
  | { readonly op: 'all'; readonly of: readonly Condition[] }
  | { readonly op: 'any'; readonly of: readonly Condition[] };

/**
 * A conditional requirement ("C" in the appendix, or an implementation rule as a warning). Without
 * `when` (and with `severity: 'warning'`): the appendix says "Y" but an empty value is accepted with a
 * warning (`FIELD_EMPTY_TOLERATED`) — set only by an amendment that says why.
 */
export interface Requirement {
  readonly when?: Condition;
  /** `warning` for requirements that come from implementations rather than the legal text. */
  readonly severity?: 'warning';
  readonly source?: SourceId;
}

export type FieldChangeKind =
  'added' | 'type' | 'size' | 'text' | 'format' | 'required' | 'renamed' | 'removed';

/** One entry of a field's history: what a decision changed. */
export interface FieldChange {
  readonly version: Version;
  readonly change: FieldChangeKind;
  readonly from?: string | number | boolean | null;
  readonly to?: string | number | boolean | null;
  readonly source: SourceId;
  /** Id of the amendment in `amendments.ts` that applied this change, when it came from one. */
  readonly amendment?: string;
  readonly note?: string;
}

export interface FieldSpec<N extends string = string> {
  /** Element name, exactly as in the XML. */
  readonly name: N;
  /** STT in the QĐ 4750 appendix; `+` = row added by 4750 without a number. */
  readonly no?: number | '+';
  readonly type: FieldType;
  readonly legalType: LegalType;
  /** Maximum size in characters; `null` = unbounded (`n`). */
  readonly max: number | null;
  /** Maximum number of decimals (decimal fields). */
  readonly scale?: number;
  /** `true` = always required ("Y"); a Requirement = conditionally required. */
  readonly required?: boolean | Requirement;
  /** Text of the "Bắt buộc"/"VALID" columns of the portal validation sheet [S4], verbatim. */
  readonly portal?: string;
  readonly codes?: CodeListId;
  readonly pattern?: PatternId;
  /** `;`-separated list of values. */
  readonly multi?: boolean;
  /** Left-pad with zeros to this width on import (e.g. `THANG_QT` "3" → "03"). */
  readonly padTo?: number;
  /** Must not be earlier than these fields of the same record (dates compared on their common precision). */
  readonly notBefore?: readonly string[];
  /** "Nếu có dữ liệu thì phải giống thông tin này ở bảng 1": must equal this XML1 field when filled. */
  readonly sameAsXml1?: string;
  /** Other element names accepted on import for this field (old names after a rename). */
  readonly aliases?: readonly string[];
  /** Decision that introduced the field; defaults to the table's `since`. */
  readonly since?: Version;
  readonly history?: readonly FieldChange[];
  /** Developer note (English summary of the official description). */
  readonly note?: string;
}

export interface TableSpec<
  I extends TableId = TableId,
  F extends readonly FieldSpec[] = readonly FieldSpec[],
> {
  readonly id: I;
  /** Number of the table (Bảng) in the decision. */
  readonly bang: number;
  readonly title: string;
  /** Root element of the inner document. */
  readonly root: string;
  /** List element under the root; absent when the root element is itself the single record. */
  readonly list?: string;
  /** Repeated record element under `list`. */
  readonly record?: string;
  /** Root names accepted on import with a warning (QĐ 4210 files, LGSP rewrites). */
  readonly legacyRoots?: readonly string[];
  /** Element after the list (XML0 and XML12 carry their own `CHUKYDONVI`). */
  readonly trailer?: 'CHUKYDONVI';
  /** Sent inside a GIAMDINHHS HOSO (false for XML0 check-in and XML12). */
  readonly inEnvelope: boolean;
  readonly since: Version;
  readonly sources: readonly SourceId[];
  readonly fields: F;
}
