/** Building XML 130 records and values for the synthetic episodes. */
import { BASE_TABLES, REGISTRY, type TableId, type TableRecord } from '../xml130/registry/index.ts';
import { fromEpochDay } from './dates.ts';

const FIELDS = new Map<TableId, { effective: readonly string[]; known: ReadonlySet<string> }>();

function fieldsOf(id: TableId): { effective: readonly string[]; known: ReadonlySet<string> } {
  let f = FIELDS.get(id);
  if (!f) {
    const effective = REGISTRY.tables[id].fields.map((x) => x.name);
    const base: readonly { readonly name: string }[] = BASE_TABLES[id].fields;
    f = { effective, known: new Set([...effective, ...base.map((x) => x.name)]) };
    FIELDS.set(id, f);
  }
  return f;
}

/**
 * A record of table `id` with every field of the effective registry: the given values, `''`
 * elsewhere. A value for a field an amendment removed is dropped; an unknown name is a bug.
 */
export function record<T extends TableId>(id: T, values: Readonly<Record<string, string>>): TableRecord<T> {
  const { effective, known } = fieldsOf(id);
  const out: Record<string, string> = {};
  for (const name of effective) out[name] = values[name] ?? '';
  for (const name of Object.keys(values)) {
    if (!known.has(name)) throw new RangeError(`${id} has no field ${name}`);
  }
  return out as TableRecord<T>;
}

/** `yyyyMMdd` of an epoch day. */
export function formatDay(day: number): string {
  return fromEpochDay(day).replace(/-/g, '');
}

/** `yyyyMMddHHmm` of minutes since the epoch. */
export function formatTime(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const m = minutes - day * 1440;
  return `${formatDay(day)}${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}`;
}

/** `yyyyMMdd` of an ISO date. */
export const compactDate = (iso: string): string => iso.replace(/-/g, '');
