/** The rule catalogue: every rule a finding can carry, with its source and severity. */
import { EPISODE_RULES } from './episode-rules.ts';
import { FIELD_RULES } from './field-rules.ts';
import { PARSE_RULES } from './parse-rules.ts';
import { PRESENCE_RULES } from './presence-rules.ts';
import { TOTAL_RULES } from './total-rules.ts';
import type { RuleSpec } from './types.ts';

export const RULES = {
  ...PARSE_RULES,
  ...FIELD_RULES,
  ...EPISODE_RULES,
  ...PRESENCE_RULES,
  ...TOTAL_RULES,
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

export { PRESENCE_RULES, type PresenceRule } from './presence-rules.ts';
export { TOTAL_RULES, type TotalRule, type TotalTerm } from './total-rules.ts';
export type { Finding, FindingTable, RuleSpec, Severity } from './types.ts';
