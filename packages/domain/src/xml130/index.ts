/**
 * XML 130 (QĐ 130/QĐ-BYT as amended by QĐ 4750 and QĐ 3176): registry, reader, emitter, validator
 * and the canonical episode view. Pure domain code: no file or network access.
 */

// Registry (data)
export {
  BASE_TABLES,
  ENVELOPE_TABLE_ORDER,
  REGISTRY,
  TABLE_IDS,
  buildRegistry,
  isTableId,
  type FieldName,
  type Registry,
  type TableId,
  type TableRecord,
} from './registry/index.ts';
export { AMENDMENTS, DEFAULT_AMENDMENTS } from './registry/amendments.ts';
export type { Amendment, AmendmentOp, FieldPatch } from './registry/amendment-types.ts';
export { CODE_LISTS, type CodeEntry, type CodeList, type CodeListId } from './registry/codes.ts';
export { PATTERNS, type PatternId, type PatternSpec } from './registry/patterns.ts';
export { SOURCES, type SourceDoc, type SourceId } from './registry/sources.ts';
export type {
  Condition,
  FieldChange,
  FieldSpec,
  FieldType,
  LegalType,
  Requirement,
  TableSpec,
  Version,
} from './registry/types.ts';

// Rules (data) and findings
export { RULES, PRESENCE_RULES, TOTAL_RULES, type RuleId } from './rules/index.ts';
export type {
  Finding,
  FindingTable,
  PresenceRule,
  RuleSpec,
  Severity,
  TotalRule,
  TotalTerm,
} from './rules/index.ts';

// Reading
export { parseEnvelope, readEnvelope, type EnvelopeEvent } from './parse/envelope.ts';
export {
  envelopeReader,
  type EnvelopeReader,
  type EnvelopeReaderOptions,
  type EnvelopeSummary,
} from './parse/envelope-reader.ts';
export { parseTable, type ParseTableOptions, type ParsedTable } from './parse/table.ts';
export { DEFAULT_LIMITS, type Limits } from './parse/limits.ts';
export { decodeBase64, encodeBase64 } from './parse/base64.ts';
export type {
  Envelope,
  EnvelopeHeader,
  EnvelopeSignature,
  Hoso,
  HosoFile,
  HosoTables,
  ParseResult,
  ParsedHoso,
  UnknownElement,
} from './parse/model.ts';

// Writing
export { emitTable, type EmitOptions } from './emit/table.ts';
export {
  emitEnvelope,
  toBase64Document,
  type EmitEnvelopeOptions,
  type EmitHoso,
  type EnvelopeInput,
} from './emit/envelope.ts';

// Validation
export {
  EnvelopeChecks,
  validateEnvelope,
  validateHoso,
  validateTable,
  type ValidationOptions,
  type ValidationReport,
} from './validate/index.ts';

// Episode view
export { toEpisode } from './episode/to-episode.ts';
export type * from './episode/types.ts';
export type { EpisodeBirthDate } from './episode/convert.ts';
