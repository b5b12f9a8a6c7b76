export * from './record.ts';
export * from './types.ts';
export * from './labels.ts';
export * from './icd10-vi.ts';
export * from './chronic.ts';
export * from './observation-codes.ts';
export * from './concepts.ts';
export * from './cursor.ts';
export * from './provenance.ts';
export * from './slips.ts';
export {
  assembleHealthBook,
  consentNotice,
  CONSENT_MESSAGES,
  type BookPaging,
  type BookConsent,
} from './book.ts';
export { export1332, EXPORT_1332_SCHEMA, type Export1332 } from './export-1332.ts';
