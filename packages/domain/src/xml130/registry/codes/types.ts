import type { SourceId } from '../sources.ts';
import type { Version } from '../types.ts';

export interface CodeEntry {
  readonly code: string;
  readonly label: string;
  /** Decision that added the code (when not in the original list). */
  readonly since?: Version;
  /** Still accepted but outdated: reported as a warning. */
  readonly deprecated?: boolean;
  readonly note?: string;
}

/**
 * A code list. `closed` lists are printed in the decision itself (a value outside is an error);
 * `open` lists live in separate, often-amended catalogue decisions (a value outside is a warning).
 */
export interface CodeList {
  readonly title: string;
  readonly strength: 'closed' | 'open';
  readonly sources: readonly SourceId[];
  readonly codes: readonly CodeEntry[];
  readonly note?: string;
}

export function c(code: string, label: string, extra: Omit<CodeEntry, 'code' | 'label'> = {}): CodeEntry {
  return { code, label, ...extra };
}
