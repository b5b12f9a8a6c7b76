/** Tiny helpers that keep the table files declarative while preserving literal element names in types. */
import type { FieldSpec, TableId, TableSpec } from './types.ts';

export type FieldOptions = Omit<FieldSpec, 'name'>;

export function f<const N extends string>(name: N, options: FieldOptions): FieldSpec<N> {
  return { name, ...options };
}

export function defineTable<const I extends TableId, const F extends readonly FieldSpec[]>(
  table: TableSpec<I, F>,
): TableSpec<I, F> {
  return table;
}
