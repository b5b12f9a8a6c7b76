/**
 * The XML 130 table registry: base tables (QĐ 130 as corrected by QĐ 4750), the amendments applied on
 * top, and typed views of the field names. Everything here is data; see README.md.
 */
import { DEFAULT_AMENDMENTS } from './amendments.ts';
import type { Amendment } from './amendment-types.ts';
import { applyAmendments, type Registry } from './build.ts';
import { XML0 } from './tables/xml0.ts';
import { XML1 } from './tables/xml1.ts';
import { XML2 } from './tables/xml2.ts';
import { XML3 } from './tables/xml3.ts';
import { XML4 } from './tables/xml4.ts';
import { XML5 } from './tables/xml5.ts';
import { XML6 } from './tables/xml6.ts';
import { XML7 } from './tables/xml7.ts';
import { XML8 } from './tables/xml8.ts';
import { XML9 } from './tables/xml9.ts';
import { XML10 } from './tables/xml10.ts';
import { XML11 } from './tables/xml11.ts';
import { XML12 } from './tables/xml12.ts';
import { XML13 } from './tables/xml13.ts';
import { XML14 } from './tables/xml14.ts';
import { XML15 } from './tables/xml15.ts';
import { TABLE_IDS, type TableId } from './types.ts';

export const BASE_TABLES = {
  XML0,
  XML1,
  XML2,
  XML3,
  XML4,
  XML5,
  XML6,
  XML7,
  XML8,
  XML9,
  XML10,
  XML11,
  XML12,
  XML13,
  XML14,
  XML15,
} as const;

/** Element names of a table's fields, as literal types (base registry). */
export type FieldName<T extends TableId> = (typeof BASE_TABLES)[T]['fields'][number]['name'];

/** One record of a table: every field as a string (`''` when empty). */
export type TableRecord<T extends TableId> = { readonly [K in FieldName<T>]: string };

/** Order of FILEHOSO entries inside a HOSO (BHXH guide [S2]): XML1…XML11, XML13…XML15. */
export const ENVELOPE_TABLE_ORDER: readonly TableId[] = TABLE_IDS.filter((id) => BASE_TABLES[id].inEnvelope);

export function buildRegistry(amendments: readonly Amendment[] = DEFAULT_AMENDMENTS): Registry {
  return applyAmendments(BASE_TABLES, amendments);
}

/** The effective registry: base tables + the default amendments. */
export const REGISTRY: Registry = buildRegistry();

export function isTableId(value: string): value is TableId {
  return (TABLE_IDS as readonly string[]).includes(value);
}

export { TABLE_IDS, type TableId } from './types.ts';
export type { Registry } from './build.ts';
