/**
 * A finding about some input: an English machine code (UPPER_SNAKE) and a Vietnamese message
 * meant for the person at the screen. Used for errors and warnings alike.
 */
export interface Problem {
  readonly code: string;
  readonly message: string;
  /** The input field the finding is about, when there is one (e.g. `birthDate`, `XML1.NGAY_VAO`). */
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The outcome of parsing or validating untrusted input. Parsers never throw on bad input. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly errors: readonly Problem[]; readonly warnings: readonly Problem[] };

export function ok<T>(value: T, warnings: readonly Problem[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T = never>(
  errors: Problem | readonly Problem[],
  warnings: readonly Problem[] = [],
): Result<T> {
  return { ok: false, errors: Array.isArray(errors) ? errors : [errors as Problem], warnings };
}

export function problem(
  code: string,
  message: string,
  field?: string,
  details?: Record<string, unknown>,
): Problem {
  return {
    code,
    message,
    ...(field === undefined ? {} : { field }),
    ...(details === undefined ? {} : { details }),
  };
}
