import data from '../data/century-sex-digits.json' with { type: 'json' };

export type PersonSex = 'male' | 'female';

/** The 4th digit of a 12-digit personal ID number: century of birth and sex (TT 07/2016/TT-BCA). */
export interface CenturySexDigit {
  readonly digit: number;
  readonly sex: PersonSex;
  /** First two digits of the birth year: 19 for 1900–1999, 20 for 2000–2099, … */
  readonly century: number;
  readonly fromYear: number;
  readonly toYear: number;
}

const digits: readonly CenturySexDigit[] = data.rows.map((r) => ({
  digit: r.digit,
  sex: r.sex === 'female' ? 'female' : 'male',
  century: Math.floor(r.fromYear / 100),
  fromYear: r.fromYear,
  toYear: r.toYear,
}));
const byDigit = new Map(digits.map((d) => [d.digit, d]));

export function listCenturySexDigits(): readonly CenturySexDigit[] {
  return digits;
}

/** Decode the century/sex digit (0–9, as number or one-character string). */
export function centurySexDigit(digit: number | string): CenturySexDigit | undefined {
  const n = typeof digit === 'number' ? digit : /^\d$/.test(digit) ? Number(digit) : Number.NaN;
  return byDigit.get(n);
}

/** The digit to write for a birth year and sex (inverse of `centurySexDigit`); undefined outside 1900–2399. */
export function centurySexDigitFor(birthYear: number, sex: PersonSex): number | undefined {
  return digits.find((d) => d.sex === sex && d.fromYear <= birthYear && birthYear <= d.toYear)?.digit;
}
