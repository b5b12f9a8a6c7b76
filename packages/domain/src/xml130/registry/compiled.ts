/** Lookup structures derived from a registry (cached per registry object). */
import type { Registry } from './build.ts';
import { TABLE_IDS, type FieldSpec, type TableId, type TableSpec } from './types.ts';

export interface CompiledTable {
  readonly spec: TableSpec;
  readonly names: readonly string[];
  readonly fields: readonly FieldSpec[];
  /** Element name (including aliases) → field position. */
  readonly index: ReadonlyMap<string, number>;
  readonly fieldByName: ReadonlyMap<string, FieldSpec>;
}

export type RootRole = 'root' | 'legacy-root' | 'list-root' | 'record-root';

export interface CompiledRegistry {
  readonly registry: Registry;
  readonly tables: Readonly<Record<TableId, CompiledTable>>;
  /** Root element name → table and how it was recognised. */
  readonly roots: ReadonlyMap<string, { readonly table: TableId; readonly role: RootRole }>;
}

const cache = new WeakMap<Registry, CompiledRegistry>();

function compileTable(spec: TableSpec): CompiledTable {
  const index = new Map<string, number>();
  const fieldByName = new Map<string, FieldSpec>();
  spec.fields.forEach((field, i) => {
    index.set(field.name, i);
    fieldByName.set(field.name, field);
  });
  spec.fields.forEach((field, i) => {
    for (const alias of field.aliases ?? []) if (!index.has(alias)) index.set(alias, i);
  });
  return { spec, names: spec.fields.map((x) => x.name), fields: spec.fields, index, fieldByName };
}

export function compile(registry: Registry): CompiledRegistry {
  const hit = cache.get(registry);
  if (hit !== undefined) return hit;
  const tables = {} as Record<TableId, CompiledTable>;
  const roots = new Map<string, { table: TableId; role: RootRole }>();
  for (const id of TABLE_IDS) {
    const spec = registry.tables[id];
    tables[id] = compileTable(spec);
    roots.set(spec.root, { table: id, role: 'root' });
  }
  for (const id of TABLE_IDS) {
    const spec = registry.tables[id];
    for (const legacy of spec.legacyRoots ?? [])
      if (!roots.has(legacy)) roots.set(legacy, { table: id, role: 'legacy-root' });
    if (spec.list !== undefined && !roots.has(spec.list))
      roots.set(spec.list, { table: id, role: 'list-root' });
    if (spec.record !== undefined && !roots.has(spec.record))
      roots.set(spec.record, { table: id, role: 'record-root' });
  }
  const compiled: CompiledRegistry = { registry, tables, roots };
  cache.set(registry, compiled);
  return compiled;
}
