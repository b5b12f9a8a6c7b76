import { fail, ok, problem, type Result } from '../problem.ts';
import { compactCode } from './clean.ts';

/** A Vietnamese passport number: one letter + 7 digits (the form the BHXH portal accepts in `SO_CCCD`). */
export interface Passport {
  readonly value: string;
}

/** Parse a passport number, case-insensitive, separators ignored; never throws. */
export function parsePassport(text: string): Result<Passport> {
  const value = compactCode(text).toUpperCase();
  if (!/^[A-Z]\d{7}$/.test(value)) {
    return fail(
      problem('PASSPORT_FORMAT', 'Số hộ chiếu phải gồm 1 chữ cái và 7 chữ số (ví dụ C1234567).', 'passport', {
        length: value.length,
      }),
    );
  }
  return ok({ value });
}
