/** Applies amendments (data) to the base tables and produces an effective registry. */
import type { Amendment, AmendmentOp, FieldPatch } from './amendment-types.ts';
import type { FieldChange, FieldChangeKind, FieldSpec, TableId, TableSpec } from './types.ts';

export interface Registry {
  readonly tables: Readonly<Record<TableId, TableSpec>>;
  /** Ids of the amendments applied, in order. */
  readonly amendments: readonly string[];
}

function changeKind(patch: FieldPatch): FieldChangeKind {
  if (patch.max !== undefined) return 'size';
  if (patch.type !== undefined) return 'format';
  if (patch.required !== undefined) return 'required';
  return 'text';
}

function describe(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function historyEntry(a: Amendment, kind: FieldChangeKind, from: unknown, to: unknown): FieldChange {
  return {
    version: a.version,
    change: kind,
    ...(from === undefined && to === undefined ? {} : { from: describe(from), to: describe(to) }),
    source: a.sources[0] ?? 'S1',
    amendment: a.id,
  };
}

function patchField(field: FieldSpec, patch: FieldPatch, entry: FieldChange, rename?: string): FieldSpec {
  const next: Record<string, unknown> = { ...field, ...patch };
  if (rename !== undefined) {
    next['name'] = rename;
    next['aliases'] = [...(field.aliases ?? []), field.name];
  }
  next['history'] = [...(field.history ?? []), entry];
  return next as unknown as FieldSpec;
}

function applyOp(table: TableSpec, op: AmendmentOp, a: Amendment): TableSpec {
  const fields = [...table.fields];
  const at = fields.findIndex((x) => x.name === (op.op === 'add' ? op.after : op.field));
  const current = fields[at];
  if (current === undefined) return table; // field unknown: nothing to amend (reported by registry tests)
  switch (op.op) {
    case 'modify': {
      const kind = a.change ?? changeKind(op.set);
      const key = Object.keys(op.set)[0] as keyof FieldSpec | undefined;
      const from = key === undefined ? undefined : current[key];
      const to = key === undefined ? undefined : op.set[key as keyof FieldPatch];
      fields[at] = patchField(current, op.set, historyEntry(a, kind, from, to));
      break;
    }
    case 'rename':
      fields[at] = patchField(current, op.set ?? {}, historyEntry(a, 'renamed', current.name, op.to), op.to);
      break;
    case 'remove':
      fields.splice(at, 1);
      break;
    case 'add':
      fields.splice(at + 1, 0, {
        ...op.field,
        since: a.version,
        history: [...(op.field.history ?? []), historyEntry(a, 'added', undefined, undefined)],
      });
      break;
  }
  return { ...table, fields };
}

export function applyAmendments(
  tables: Readonly<Record<TableId, TableSpec>>,
  amendments: readonly Amendment[],
): Registry {
  const out: Record<string, TableSpec> = { ...tables };
  for (const a of amendments) {
    for (const op of a.ops) {
      const t = out[op.table];
      if (t !== undefined) out[op.table] = applyOp(t, op, a);
    }
  }
  return { tables: out as Record<TableId, TableSpec>, amendments: amendments.map((a) => a.id) };
}
