import { benefitLevel } from '../codes/bhyt-benefit-levels.ts';
import { findBhytObjectGroup } from '../codes/bhyt-object-groups.ts';
import { matchProvinceCode } from '../codes/province-match.ts';
import { fail, ok, problem, type Problem, type Result } from '../problem.ts';
import { compactCode } from './clean.ts';

/**
 * A health-insurance card code (mã thẻ BHYT), 15 characters `XX Y ZZ NNNNNNNNNN` since the 2017
 * restructure (CV 3340/BHXH-ST): object group, benefit level, province of the issuing BHXH, 10-digit
 * social-insurance number (mã số BHXH). A bare 10-digit number is the mã số BHXH alone, which
 * VNeID and the portal accept too (`kind: 'bhxhNumber'`; all card fields are then null).
 */
export interface BhytCode {
  readonly kind: 'cardCode' | 'bhxhNumber';
  /** Normalised: upper case, no separators (15 or 10 characters). */
  readonly value: string;
  readonly objectGroup: string | null;
  /** Label of a known group; null for an unknown group such as `AK` (a warning is raised). */
  readonly objectGroupLabel: string | null;
  readonly benefitLevel: number | null;
  /** Share of covered costs the fund pays for this benefit level (data table, UNCONFIRMED). */
  readonly fundPaysPercent: number | null;
  readonly provinceCode: string | null;
  /** 2026 name when the code exists in the 2026 map, else the legacy name; null when unknown. */
  readonly provinceName: string | null;
  /** 10-digit mã số BHXH; null for a pre-2017 code whose last 10 characters contain letters. */
  readonly bhxhNumber: string | null;
  /** Pre-2017 card code with letters in the last 10 characters. */
  readonly legacyFormat: boolean;
  /**
   * Has the shape of a temporary newborn code (`TE1` + province + 10 digits). Ordinary cards of
   * children under 6 have the same shape, so this alone proves nothing.
   */
  readonly maybeTemporary: boolean;
  /** Known temporary code: `maybeTemporary` and the initial facility is the province placeholder `PP000`. */
  readonly temporary: boolean;
  /** `PP000`, the MA_DKBD a temporary code uses; null unless `maybeTemporary`. */
  readonly temporaryFacilityCode: string | null;
}

export interface BhytCodeContext {
  /** MA_DKBD registered with the card, when known (from the card QR or the portal). */
  readonly initialFacilityCode?: string;
}

const FIELD = 'bhytCode';

/** Parse a BHYT card code or a 10-digit mã số BHXH; case-insensitive, spaces/dashes/dots ignored. Never throws. */
export function parseBhytCode(text: string, context: BhytCodeContext = {}): Result<BhytCode> {
  const value = compactCode(text).toUpperCase();
  if (/^\d{10}$/.test(value)) return parseBhxhNumber(value);
  if (value.length !== 15) {
    return fail(
      problem(
        'BHYT_CODE_LENGTH',
        'Mã thẻ BHYT phải gồm 15 ký tự (ví dụ HS4920123456789) hoặc 10 chữ số mã số BHXH.',
        FIELD,
        { length: value.length },
      ),
    );
  }
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const group = value.slice(0, 2);
  const levelDigit = value.slice(2, 3);
  const province = value.slice(3, 5);
  const tail = value.slice(5);

  let objectGroupLabel: string | null = null;
  if (!/^[A-Z]{2}$/.test(group)) {
    errors.push(
      problem(
        'BHYT_CODE_OBJECT_GROUP_INVALID',
        'Hai ký tự đầu của mã thẻ BHYT phải là chữ cái (mã đối tượng).',
        FIELD,
      ),
    );
  } else {
    const known = findBhytObjectGroup(group);
    if (known) objectGroupLabel = known.label;
    else {
      warnings.push(
        problem(
          'BHYT_CODE_OBJECT_GROUP_UNKNOWN',
          `Mã đối tượng "${group}" không có trong danh mục đang dùng; vẫn nhận thẻ, hãy kiểm tra trên cổng BHXH.`,
          FIELD,
          { objectGroup: group },
        ),
      );
    }
  }
  const level = benefitLevel(levelDigit);
  if (!level) {
    errors.push(
      problem(
        'BHYT_CODE_BENEFIT_LEVEL_INVALID',
        'Ký tự thứ 3 của mã thẻ BHYT (mức hưởng) phải là một chữ số từ 1 đến 5.',
        FIELD,
        { benefitLevel: levelDigit },
      ),
    );
  }
  let provinceName: string | null = null;
  if (!/^\d{2}$/.test(province)) {
    errors.push(
      problem(
        'BHYT_CODE_PROVINCE_INVALID',
        'Ký tự thứ 4–5 của mã thẻ BHYT (mã tỉnh) phải là 2 chữ số.',
        FIELD,
      ),
    );
  } else {
    const match = matchProvinceCode(province);
    if (match) provinceName = match.name;
    else {
      warnings.push(
        problem(
          'BHYT_CODE_PROVINCE_UNKNOWN',
          `Mã tỉnh ${province} trên thẻ BHYT không có trong danh mục tỉnh; vẫn nhận thẻ, hãy kiểm tra trên cổng BHXH.`,
          FIELD,
          { provinceCode: province },
        ),
      );
    }
  }
  let bhxhNumber: string | null = null;
  let legacyFormat = false;
  if (/^\d{10}$/.test(tail)) bhxhNumber = tail;
  else if (/^[A-Z0-9]{10}$/.test(tail)) {
    legacyFormat = true;
    warnings.push(
      problem(
        'BHYT_CODE_LEGACY_FORMAT',
        'Mã thẻ BHYT theo mẫu cũ (trước 2017, có chữ cái trong 10 ký tự cuối); hãy đề nghị người bệnh cung cấp mã số BHXH 10 chữ số.',
        FIELD,
      ),
    );
  } else {
    errors.push(
      problem(
        'BHYT_CODE_BHXH_NUMBER_INVALID',
        '10 ký tự cuối của mã thẻ BHYT (mã số BHXH) phải là chữ số.',
        FIELD,
      ),
    );
  }
  if (bhxhNumber !== null && /^0+$/.test(bhxhNumber)) {
    errors.push(problem('BHXH_NUMBER_ALL_ZEROS', 'Mã số BHXH không thể toàn số 0.', FIELD));
  }
  if (errors.length > 0 || !level) return fail(errors, warnings);

  const maybeTemporary = group === 'TE' && level.level === 1 && bhxhNumber !== null;
  const temporaryFacilityCode = maybeTemporary ? `${province}000` : null;
  const dkbd = context.initialFacilityCode === undefined ? null : compactCode(context.initialFacilityCode);
  return ok(
    {
      kind: 'cardCode',
      value,
      objectGroup: group,
      objectGroupLabel,
      benefitLevel: level.level,
      fundPaysPercent: level.fundPaysPercent,
      provinceCode: province,
      provinceName,
      bhxhNumber,
      legacyFormat,
      maybeTemporary,
      temporary: maybeTemporary && dkbd === temporaryFacilityCode,
      temporaryFacilityCode,
    },
    warnings,
  );
}

function parseBhxhNumber(value: string): Result<BhytCode> {
  if (/^0+$/.test(value)) {
    return fail(problem('BHXH_NUMBER_ALL_ZEROS', 'Mã số BHXH không thể toàn số 0.', FIELD));
  }
  return ok({
    kind: 'bhxhNumber',
    value,
    objectGroup: null,
    objectGroupLabel: null,
    benefitLevel: null,
    fundPaysPercent: null,
    provinceCode: null,
    provinceName: null,
    bhxhNumber: value,
    legacyFormat: false,
    maybeTemporary: false,
    temporary: false,
    temporaryFacilityCode: null,
  });
}
