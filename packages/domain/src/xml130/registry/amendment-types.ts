import type { SourceId } from './sources.ts';
import type { FieldChangeKind, FieldSpec, TableId, Version } from './types.ts';

/** Attributes an amendment may change on an existing field. */
export type FieldPatch = Partial<Omit<FieldSpec, 'name' | 'history'>>;

/** One change to the registry. Amendments are lists of these: data, not code. */
export type AmendmentOp =
  | { readonly op: 'modify'; readonly table: TableId; readonly field: string; readonly set: FieldPatch }
  | {
      readonly op: 'rename';
      readonly table: TableId;
      readonly field: string;
      readonly to: string;
      readonly set?: FieldPatch;
    }
  | { readonly op: 'add'; readonly table: TableId; readonly after: string; readonly field: FieldSpec }
  | { readonly op: 'remove'; readonly table: TableId; readonly field: string };

export interface Amendment {
  readonly id: string;
  readonly version: Version;
  readonly title: string;
  /** ISO date from which the change applies. */
  readonly effectiveFrom: string;
  /** `confirmed` = read in the legal text; `reported` = implementations agree and real files support it; `unconfirmed` = single or contradicted source. */
  readonly confidence: 'confirmed' | 'reported' | 'unconfirmed';
  readonly sources: readonly SourceId[];
  /** Applied by the default registry. */
  readonly defaultOn: boolean;
  readonly note: string;
  /** Kind recorded in the field history (derived from the patch when absent). */
  readonly change?: FieldChangeKind;
  readonly ops: readonly AmendmentOp[];
}
