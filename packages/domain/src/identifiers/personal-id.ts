import { centurySexDigit, centurySexDigitFor, type PersonSex } from '../codes/century-sex-digits.ts';
import { findLegacyProvinceByBirthplaceCode } from '../codes/legacy-provinces.ts';
import { fail, ok, problem, type Problem, type Result } from '../problem.ts';
import { compactCode } from './clean.ts';
import { isIsoDate, todayInVietnam } from './dates.ts';

/**
 * The 12-digit personal identification number (số định danh cá nhân; printed on CCCD / Căn cước
 * cards): `PPP G YY RRRRRR`. No check digit exists, so only structure and plausibility are checked.
 */
export interface PersonalId {
  /** The 12 digits, without separators. */
  readonly value: string;
  /** PPP: `0` + legacy 2-digit province code of the birth registration, or a country code for births abroad. */
  readonly birthRegistrationCode: string;
  /** Legacy province name ("Cần Thơ"); null for births registered abroad. */
  readonly birthRegistrationName: string | null;
  readonly abroad: boolean;
  readonly sex: PersonSex;
  /** First two digits of the birth year (19, 20, …). */
  readonly century: number;
  readonly birthYear: number;
}

/** What the caller already knows about the person, plus the reference day (default: today in Vietnam). */
export interface PersonalIdCheck {
  /** `YYYY-MM-DD` (only the year is compared). */
  readonly birthDate?: string;
  readonly sex?: PersonSex;
  /** `YYYY-MM-DD`; birth years after this day's year are rejected. */
  readonly today?: string;
}

const FIELD = 'personalId';

/**
 * Parse a personal ID number typed or scanned at the desk. Spaces, dots and dashes between digit
 * groups are ignored. Never throws. A disagreement with `expect` is a warning, not an error (the
 * number can be right and the form wrong, or the number may have been re-issued).
 */
export function parsePersonalId(text: string, expect: PersonalIdCheck = {}): Result<PersonalId> {
  const value = compactCode(text);
  if (!/^\d{12}$/.test(value)) {
    return fail(
      problem('PERSONAL_ID_NOT_12_DIGITS', 'Số định danh cá nhân phải gồm đúng 12 chữ số.', FIELD, {
        length: value.length,
      }),
    );
  }
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const birthRegistrationCode = value.slice(0, 3);
  const abroad = !birthRegistrationCode.startsWith('0');
  let birthRegistrationName: string | null = null;
  if (abroad) {
    warnings.push(
      problem(
        'PERSONAL_ID_ABROAD_COUNTRY_UNVERIFIED',
        `Ba số đầu ${birthRegistrationCode} là mã quốc gia nơi đăng ký khai sinh ở nước ngoài; danh mục mã quốc gia chưa được đối chiếu, hãy kiểm tra lại giấy tờ.`,
        FIELD,
        { birthRegistrationCode },
      ),
    );
  } else {
    const province = findLegacyProvinceByBirthplaceCode(birthRegistrationCode);
    if (province) birthRegistrationName = province.name;
    else {
      errors.push(
        problem(
          'CCCD_BIRTH_PROVINCE_UNKNOWN',
          `Ba số đầu ${birthRegistrationCode} không phải mã tỉnh nơi đăng ký khai sinh nào; số định danh có thể bị nhập sai.`,
          FIELD,
          { birthRegistrationCode },
        ),
      );
    }
  }
  // The digit table covers 0–9, so this lookup always succeeds for a 12-digit value.
  const digit = centurySexDigit(value.slice(3, 4));
  if (!digit) return fail(problem('PERSONAL_ID_NOT_12_DIGITS', 'Số định danh cá nhân không hợp lệ.', FIELD));
  const birthYear = digit.century * 100 + Number(value.slice(4, 6));
  const today = expect.today !== undefined && isIsoDate(expect.today) ? expect.today : todayInVietnam();
  if (birthYear > Number(today.slice(0, 4))) {
    errors.push(
      problem(
        'PERSONAL_ID_BIRTH_YEAR_IN_FUTURE',
        `Số định danh cho năm sinh ${birthYear}, sau năm hiện tại; số có thể bị nhập sai (chữ số thứ 4–6).`,
        FIELD,
        { birthYear },
      ),
    );
  }
  if (expect.birthDate !== undefined && /^\d{4}/.test(expect.birthDate)) {
    const expectedYear = Number(expect.birthDate.slice(0, 4));
    if (expectedYear !== birthYear) {
      warnings.push(
        problem(
          'PERSONAL_ID_BIRTH_YEAR_MISMATCH',
          `Số định danh cho năm sinh ${birthYear} nhưng ngày sinh khai là ${expect.birthDate}; hãy đối chiếu lại giấy tờ.`,
          FIELD,
          { fromId: birthYear, expected: expectedYear },
        ),
      );
    }
  }
  if (expect.sex !== undefined && expect.sex !== digit.sex) {
    warnings.push(
      problem(
        'PERSONAL_ID_SEX_MISMATCH',
        `Số định danh cho giới tính ${sexLabel(digit.sex)} nhưng giới tính khai là ${sexLabel(expect.sex)}; hãy đối chiếu lại giấy tờ.`,
        FIELD,
        { fromId: digit.sex, expected: expect.sex },
      ),
    );
  }
  if (errors.length > 0) return fail(errors, warnings);
  return ok(
    {
      value,
      birthRegistrationCode,
      birthRegistrationName,
      abroad,
      sex: digit.sex,
      century: digit.century,
      birthYear,
    },
    warnings,
  );
}

/** Parts of a personal ID number, for building test and synthetic data. */
export interface PersonalIdParts {
  readonly birthRegistrationCode: string;
  readonly sex: PersonSex;
  readonly birthYear: number;
  /** The last 6 digits. */
  readonly serial: string;
}

/** Build a 12-digit number from its parts; null when a part is out of range (year outside 1900–2399, …). */
export function composePersonalId(parts: PersonalIdParts): string | null {
  const digit = centurySexDigitFor(parts.birthYear, parts.sex);
  if (digit === undefined || !/^\d{3}$/.test(parts.birthRegistrationCode) || !/^\d{6}$/.test(parts.serial)) {
    return null;
  }
  return `${parts.birthRegistrationCode}${digit}${String(parts.birthYear % 100).padStart(2, '0')}${parts.serial}`;
}

export function sexLabel(sex: PersonSex): string {
  return sex === 'male' ? 'Nam' : 'Nữ';
}
