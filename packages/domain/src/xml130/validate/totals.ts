/** XML1 totals against XML2/XML3 sums (rules in ../rules/total-rules.ts). Exact arithmetic in thousandths. */
import type { HosoTables } from '../parse/model.ts';
import { TOTAL_RULES, type TotalRule } from '../rules/index.ts';
import { holds } from './conditions.ts';
import type { CheckContext } from './fields.ts';
import { fromMilli, toMilli } from './values.ts';

type Rec = Readonly<Record<string, string | undefined>>;

function rowsOf(tables: HosoTables, table: 'XML1' | 'XML2' | 'XML3'): readonly Rec[] {
  return tables[table] ?? [];
}

function expected(rule: TotalRule, tables: HosoTables): number {
  let sum = 0;
  for (const term of rule.terms) {
    for (const row of rowsOf(tables, term.table)) {
      if (term.where !== undefined && !holds(term.where, row)) continue;
      const v = toMilli(row[term.field] ?? '');
      if (v !== undefined) sum += (term.sign ?? 1) * v;
    }
  }
  return sum;
}

export function checkTotals(xml1: Rec, tables: HosoTables, ctx: CheckContext): void {
  for (const [id, rule] of Object.entries(TOTAL_RULES) as [keyof typeof TOTAL_RULES, TotalRule][]) {
    const declaredText = (xml1[rule.field] ?? '').trim();
    const declared = toMilli(declaredText);
    if (declared === undefined) continue; // format error reported by the field checks
    const computed = expected(rule, tables);
    const difference = Math.abs(declared - computed);
    if (difference > Math.round(rule.tolerance * 1000)) {
      ctx.findings.add(
        id,
        {
          table: 'XML1',
          field: rule.field,
          record: 0,
          ...(ctx.hoso === undefined ? {} : { hoso: ctx.hoso }),
        },
        {
          value: declaredText === '' ? '0' : declaredText,
          computed: fromMilli(computed),
          difference: fromMilli(difference),
        },
      );
    }
  }
}
