/** Evaluates registry conditions against a record and describes them in Vietnamese for messages. */
import type { Condition } from '../registry/types.ts';

type Rec = Readonly<Record<string, string | undefined>>;

function valueItems(value: string | undefined): string[] {
  const v = (value ?? '').trim();
  if (v === '') return [];
  return v.includes(';') ? v.split(';').map((x) => x.trim()) : [v];
}

export function holds(condition: Condition, record: Rec): boolean {
  switch (condition.op) {
    case 'filled':
      return (record[condition.field] ?? '').trim() !== '';
    case 'empty':
      return (record[condition.field] ?? '').trim() === '';
    case 'in':
      return valueItems(record[condition.field]).some((x) => condition.values.includes(x));
    case 'notIn': {
      const list = valueItems(record[condition.field]);
      return list.length > 0 && list.some((x) => !condition.values.includes(x));
    }
    case 'all':
      return condition.of.every((c) => holds(c, record));
    case 'any':
      return condition.of.some((c) => holds(c, record));
  }
}

export function describeCondition(condition: Condition): string {
  switch (condition.op) {
    case 'filled':
      return `${condition.field} có dữ liệu`;
    case 'empty':
      return `${condition.field} để trống`;
    case 'in':
      return `${condition.field} là ${condition.values.join(', ')}`;
    case 'notIn':
      return `${condition.field} khác ${condition.values.join(', ')}`;
    case 'all':
      return condition.of.map(describeCondition).join(' và ');
    case 'any':
      return condition.of.map(describeCondition).join(' hoặc ');
  }
}
