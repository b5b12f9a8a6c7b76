import type { Problem } from '../../problem.ts';
import type { SourceId } from '../registry/sources.ts';
import type { TableId } from '../registry/types.ts';

export type Severity = 'error' | 'warning';

/** A rule, as data: what is checked, where it comes from, how bad a violation is. */
export interface RuleSpec {
  /** English machine code carried by every finding of this rule. */
  readonly code: string;
  readonly severity: Severity;
  /** English description of the check. */
  readonly description: string;
  /** Vietnamese message template; `{name}` placeholders are filled from the finding's details. */
  readonly message: string;
  /** Section / rule number in shared/domain/xml130.md. */
  readonly spec: string;
  readonly sources: readonly SourceId[];
}

/** Where a finding points: an inner table, or the envelope itself. */
export type FindingTable = TableId | 'GIAMDINHHS';

export interface Finding extends Problem {
  readonly table: FindingTable;
  readonly field?: string;
  /** Rule id (key of RULES). */
  readonly rule: string;
  readonly severity: Severity;
  /** Vietnamese message. */
  readonly message: string;
  /** English machine code. */
  readonly code: string;
  /** 0-based index of the HOSO in the envelope, when the finding is about one. */
  readonly hoso?: number;
  /** 0-based index of the record in its table, when the finding is about one. */
  readonly record?: number;
}
