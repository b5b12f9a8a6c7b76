/** Size limits applied while reading untrusted input. All are configurable per call. */
export interface Limits {
  /** Maximum size of a whole GIAMDINHHS envelope, in characters (≈ bytes: the envelope is ASCII base64). */
  readonly maxEnvelopeChars: number;
  /** Maximum decoded size of one inner table document, in bytes. */
  readonly maxInnerBytes: number;
  /** Maximum number of HOSO in one envelope. */
  readonly maxHoso: number;
  /** Maximum number of FILEHOSO in one HOSO. */
  readonly maxFilesPerHoso: number;
  /** Maximum number of records in one inner table. */
  readonly maxRecords: number;
  /** Maximum element nesting depth. */
  readonly maxDepth: number;
  /** Maximum number of findings kept per collector (per HOSO / per envelope). */
  readonly maxFindings: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxEnvelopeChars: 512 * 1024 * 1024,
  maxInnerBytes: 32 * 1024 * 1024,
  maxHoso: 100_000,
  maxFilesPerHoso: 64,
  maxRecords: 200_000,
  maxDepth: 32,
  maxFindings: 2000,
};

export function resolveLimits(partial: Partial<Limits> | undefined): Limits {
  return partial === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, ...partial };
}
