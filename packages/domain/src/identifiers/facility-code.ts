import { matchProvinceCode } from '../codes/province-match.ts';
import { fail, ok, problem, type Problem, type Result } from '../problem.ts';
import { compactCode } from './clean.ts';

/**
 * A 5-character facility code (MA_CSKCB / MA_DKBD, QĐ 384/QĐ-BYT): the first 2 digits are the
 * province code. `PP000` is the placeholder used with temporary newborn cards.
 */
export interface FacilityCode {
  readonly value: string;
  readonly provinceCode: string;
  readonly provinceName: string;
  /** The province code exists only in the legacy 63-province map (an old code, usable until 2025-12-31). */
  readonly legacyProvince: boolean;
  /** `PP000`: the province placeholder of a temporary card, not a real facility. */
  readonly provincePlaceholder: boolean;
}

const FIELD = 'facilityCode';

/** Parse a facility code ("92001", also "92 - 001" as printed in the BHYT QR). Never throws. */
export function parseFacilityCode(text: string): Result<FacilityCode> {
  const value = compactCode(text).toUpperCase();
  if (!/^\d{2}[0-9A-Z]{3}$/.test(value)) {
    return fail(
      problem(
        'FACILITY_CODE_FORMAT',
        'Mã cơ sở khám chữa bệnh phải gồm 5 ký tự, 2 ký tự đầu là mã tỉnh.',
        FIELD,
        {
          length: value.length,
        },
      ),
    );
  }
  const warnings: Problem[] = [];
  if (!/^\d{5}$/.test(value)) {
    warnings.push(
      problem(
        'FACILITY_CODE_LETTERS',
        'Mã cơ sở khám chữa bệnh có chữ cái; mã thường chỉ gồm chữ số, hãy kiểm tra lại.',
        FIELD,
      ),
    );
  }
  const provinceCode = value.slice(0, 2);
  const match = matchProvinceCode(provinceCode);
  if (!match) {
    return fail(
      problem(
        'FACILITY_CODE_PROVINCE_UNKNOWN',
        `Hai số đầu ${provinceCode} của mã cơ sở khám chữa bệnh không phải mã tỉnh nào.`,
        FIELD,
        { provinceCode },
      ),
      warnings,
    );
  }
  return ok(
    {
      value,
      provinceCode,
      provinceName: match.name,
      legacyProvince: match.era === 'legacy',
      provincePlaceholder: value.endsWith('000'),
    },
    warnings,
  );
}
