/** Building findings from rule ids, with de-duplication of repeated warnings and a hard cap. */
import { RULES, type RuleId } from './index.ts';
import type { Finding, FindingTable } from './types.ts';

export interface Where {
  readonly table: FindingTable;
  readonly field?: string;
  readonly hoso?: number;
  readonly record?: number;
}

export type Params = Readonly<Record<string, string | number>>;

export function formatMessage(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : whole;
  });
}

export function makeFinding(rule: RuleId, where: Where, params: Params = {}): Finding {
  const spec = RULES[rule];
  const details: Record<string, string | number> = { ...params };
  const message = formatMessage(spec.message, { ...details, table: where.table, field: where.field });
  return {
    rule,
    code: spec.code,
    severity: spec.severity,
    message,
    table: where.table,
    ...(where.field === undefined ? {} : { field: where.field }),
    ...(where.hoso === undefined ? {} : { hoso: where.hoso }),
    ...(where.record === undefined ? {} : { record: where.record }),
    ...(Object.keys(details).length === 0 ? {} : { details }),
  };
}

interface Pending {
  readonly rule: RuleId;
  readonly where: Where;
  readonly params: Params;
  count: number;
}

/**
 * Collects findings. Warnings with the same rule, table, field and HOSO are merged into one with a
 * `count` (a comma decimal in 300 rows gives one warning, not 300). At most `max` entries are kept.
 */
export class FindingCollector {
  private readonly entries: Pending[] = [];
  private readonly merged = new Map<string, Pending>();
  private dropped = 0;
  private errorCount = 0;

  constructor(private readonly max = 5000) {}

  add(rule: RuleId, where: Where, params: Params = {}): void {
    const severity = RULES[rule].severity;
    if (severity === 'error') this.errorCount++;
    const key =
      severity === 'warning' ? `${rule}|${where.table}|${where.field ?? ''}|${where.hoso ?? ''}` : undefined;
    if (key !== undefined) {
      const hit = this.merged.get(key);
      if (hit !== undefined) {
        hit.count++;
        return;
      }
    }
    if (this.entries.length >= this.max) {
      this.dropped++;
      return;
    }
    const entry: Pending = { rule, where, params, count: 1 };
    this.entries.push(entry);
    if (key !== undefined) this.merged.set(key, entry);
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Findings collected so far, split by severity. */
  finish(): { errors: Finding[]; warnings: Finding[] } {
    const errors: Finding[] = [];
    const warnings: Finding[] = [];
    for (const e of this.entries) {
      const withCount = e.count > 1 || RULES[e.rule].message.includes('{count}');
      const f = makeFinding(e.rule, e.where, withCount ? { ...e.params, count: e.count } : e.params);
      (f.severity === 'error' ? errors : warnings).push(f);
    }
    if (this.dropped > 0) {
      warnings.push(makeFinding('TOO_MANY_FINDINGS', { table: 'GIAMDINHHS' }, { dropped: this.dropped }));
    }
    return { errors, warnings };
  }
}
