/**
 * FHIR → canonical model, for transaction/batch import. The server resolves every reference of a
 * bundle first (entries of the bundle, conditional references, stored resources) and hands the
 * mappers a synchronous resolver; each mapper returns a row for its table or the problems found.
 */
import type { CodeableConcept, Reference } from '@medplum/fhirtypes';
import type { Concept } from '../../healthbook/record.ts';

/** What a reference points at, once resolved. */
export interface Resolved {
  readonly type: string;
  readonly id: string;
  /** For Patient: the platform person id; for person-centred resources: their person. */
  readonly personId?: string | undefined;
  /** For Organization: the registry facility code when it is one. */
  readonly facilityCode?: string | undefined;
}

export interface ImportContext {
  /**
   * Resolve a reference (literal, bundle fullUrl, conditional `Type?identifier=…`, or a logical
   * reference by `identifier` alone) to one of `types` (any type when omitted); null when it points nowhere.
   */
  resolve(ref: Reference | undefined, types?: readonly string[]): Resolved | null;
}

export interface ImportIssue {
  readonly code: 'required' | 'value' | 'not-found' | 'not-supported' | 'invalid' | 'conflict';
  readonly message: string;
  readonly expression?: string;
}

export type Imported<T> =
  { readonly ok: true; readonly row: T } | { readonly ok: false; readonly issues: readonly ImportIssue[] };

export const okRow = <T>(row: T): Imported<T> => ({ ok: true, row });
export const failed = <T>(...issues: ImportIssue[]): Imported<T> => ({ ok: false, issues });

export function toConcept(cc: CodeableConcept | undefined | null): Concept {
  return {
    coding: (cc?.coding ?? []).map((c) => ({
      ...(c.system ? { system: c.system } : {}),
      ...(c.code ? { code: c.code } : {}),
      ...(c.display ? { display: c.display } : {}),
    })),
    ...(cc?.text ? { text: cc.text } : {}),
  };
}

/** The code of a status-like CodeableConcept (first coding). */
export const codeOf = (cc: CodeableConcept | undefined): string | null => cc?.coding?.[0]?.code ?? null;

/** The person of a subject/patient reference, or an issue. */
export function personOf(
  ctx: ImportContext,
  ref: Reference | undefined,
  expression: string,
): { personId: string } | { issue: ImportIssue } {
  if (!ref) return { issue: { code: 'required', message: `Thiếu ${expression} (người bệnh).`, expression } };
  const r = ctx.resolve(ref, ['Patient']);
  if (!r?.personId) {
    return {
      issue: {
        code: 'not-found',
        message: `Không tìm thấy người bệnh được tham chiếu (${ref.reference ?? ref.identifier?.value ?? ref.display ?? '?'}).`,
        expression,
      },
    };
  }
  return { personId: r.personId };
}

/** The id of a referenced resource of one of `types` (null when absent or unresolved). */
export function refId(
  ctx: ImportContext,
  ref: Reference | undefined,
  types: readonly string[],
): string | null {
  const r = ctx.resolve(ref, types);
  return r && types.includes(r.type) ? r.id : null;
}

/** Text of a display-only reference. */
export const displayOf = (ref: Reference | undefined): string | null => ref?.display ?? null;

/** First element of a choice type `[x]` among `suffixes` on `o`. */
export function choice(
  o: object,
  base: string,
  suffixes: readonly string[],
): { suffix: string; value: unknown } | null {
  const r = o as Record<string, unknown>;
  for (const s of suffixes) {
    const v = r[`${base}${s}`];
    if (v !== undefined && v !== null) return { suffix: s, value: v };
  }
  return null;
}

/** A dateTime-ish choice (`DateTime`, `Period` start, `Instant`, `String` when it is a date). */
export function dateTimeChoice(o: object, base: string): string | null {
  const c = choice(o, base, ['DateTime', 'Period', 'Instant', 'String', 'Age']);
  if (!c) return null;
  if (c.suffix === 'Period') return (c.value as { start?: string }).start ?? null;
  if (typeof c.value === 'string' && /^\d{4}/.test(c.value)) return c.value;
  return null;
}

export const texts = (notes: readonly { text?: string }[] | undefined): string | null => {
  const t = (notes ?? []).map((n) => n.text).filter((x): x is string => Boolean(x));
  return t.length ? t.join('\n') : null;
};
