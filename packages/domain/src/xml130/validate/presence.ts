/** Which tables may or should be in a HOSO, from the XML1 record (rules in ../rules/presence-rules.ts). */
import type { HosoTables } from '../parse/model.ts';
import { PRESENCE_RULES, type PresenceRule } from '../rules/index.ts';
import { holds } from './conditions.ts';
import type { CheckContext } from './fields.ts';

type Rec = Readonly<Record<string, string | undefined>>;

function conditionValue(rule: PresenceRule, xml1: Rec): string {
  const c = rule.when;
  const field = c.op === 'all' || c.op === 'any' ? c.of[0] : c;
  return field !== undefined && 'field' in field ? (xml1[field.field] ?? '') : '';
}

export function checkPresence(xml1: Rec, tables: HosoTables, ctx: CheckContext): void {
  for (const [id, rule] of Object.entries(PRESENCE_RULES) as [keyof typeof PRESENCE_RULES, PresenceRule][]) {
    const present = (tables[rule.table]?.length ?? 0) > 0;
    const condition = holds(rule.when, xml1);
    const violated = rule.kind === 'onlyWhen' ? present && !condition : !present && condition;
    if (violated) {
      ctx.findings.add(
        id,
        { table: rule.table, ...(ctx.hoso === undefined ? {} : { hoso: ctx.hoso }) },
        { value: conditionValue(rule, xml1) },
      );
    }
  }
}
