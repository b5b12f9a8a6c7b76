import type { PersonSex } from '../codes/century-sex-digits.ts';
import { fail, ok, problem, type Problem, type Result } from '../problem.ts';
import { titleCaseName } from '../text.ts';
import { parseBhytCode, type BhytCode } from './bhyt-code.ts';
import { cleanInput, compactCode } from './clean.ts';
import { parseSlashDmy, toSlashDmy } from './dates.ts';
import { parseFacilityCode } from './facility-code.ts';
import { decodeHexUtf8, encodeHexUtf8 } from './hex-utf8.ts';

/**
 * The QR code of a BHYT card (de-facto format of public HIS code; no official spec found):
 * `mã thẻ | họ tên (hex UTF-8) | ngày sinh dd/MM/yyyy or yyyy | giới tính 1/2 | địa chỉ (hex UTF-8) |
 * MA_DKBD "PP - NNN" | từ ngày | đến ngày | 8…13 (meaning unconfirmed) | $`.
 */
export interface BhytQr {
  readonly card: BhytCode;
  /** Title-cased, diacritics kept. */
  readonly fullName: string;
  /** `YYYY-MM-DD`, or `YYYY` when the card only has the birth year (see `birthDatePrecision`). */
  readonly birthDate: string;
  readonly birthDatePrecision: 'day' | 'year';
  readonly sex: PersonSex;
  readonly address: string;
  /** 5-character MA_DKBD ("92001"). */
  readonly initialFacilityCode: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly validFrom: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly validTo: string;
  /** Field 12 when it is a date: probably the day 5 consecutive years of participation are reached. */
  readonly fiveYearsFrom: string | null;
  /** Fields 8 onwards, raw (meaning unconfirmed), without the `$` terminator. */
  readonly extras: readonly string[];
}

/** Split a BHYT QR payload into trimmed fields; `terminated` tells whether the `$` terminator was there. */
export function splitBhytQr(text: string): { fields: string[]; terminated: boolean } {
  const fields = cleanInput(text)
    .trim()
    .split('|')
    .map((f) => f.trim());
  let terminated = false;
  const last = fields[fields.length - 1] ?? '';
  if (last === '$') {
    fields.pop();
    terminated = true;
  } else if (last.endsWith('$')) {
    fields[fields.length - 1] = last.slice(0, -1).trim();
    terminated = true;
  }
  if (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return { fields, terminated };
}

/** Parse the text read from a BHYT card QR. Never throws. */
export function parseBhytQr(text: string): Result<BhytQr> {
  const { fields, terminated } = splitBhytQr(text);
  const warnings: Problem[] = [];
  if (!terminated) {
    warnings.push(
      problem(
        'BHYT_QR_TERMINATOR_MISSING',
        'Mã QR thẻ BHYT thiếu ký tự kết thúc "$"; có thể quét chưa hết, hãy kiểm tra.',
        'qr',
      ),
    );
  }
  if (fields.length < 8) {
    return fail(
      problem(
        'BHYT_QR_FIELD_COUNT',
        `Mã QR thẻ BHYT phải có ít nhất 8 trường ngăn cách bởi dấu "|", mã này chỉ có ${fields.length}. Hãy quét lại.`,
        'qr',
        { fieldCount: fields.length },
      ),
      warnings,
    );
  }
  const [
    codeText = '',
    nameHex = '',
    birthText = '',
    sexText = '',
    addressHex = '',
    dkbdText = '',
    fromText = '',
    toText = '',
  ] = fields;
  const errors: Problem[] = [];

  const facility = parseFacilityCode(dkbdText);
  warnings.push(...facility.warnings.map((p) => ({ ...p, field: 'initialFacilityCode' })));
  if (!facility.ok) errors.push(...facility.errors.map((p) => ({ ...p, field: 'initialFacilityCode' })));

  const card = parseBhytCode(codeText, { initialFacilityCode: compactCode(dkbdText) });
  warnings.push(...card.warnings);
  if (!card.ok) errors.push(...card.errors);

  const name = decodeHexUtf8(nameHex);
  if (name === null) {
    errors.push(
      problem(
        'BHYT_QR_NAME_HEX_INVALID',
        'Họ tên trong mã QR thẻ BHYT không giải mã được (sai mã hex).',
        'fullName',
      ),
    );
  } else if (titleCaseName(name) === '') {
    errors.push(problem('BHYT_QR_NAME_EMPTY', 'Mã QR thẻ BHYT không có họ tên.', 'fullName'));
  }
  const address = decodeHexUtf8(addressHex);
  if (address === null) {
    errors.push(
      problem(
        'BHYT_QR_ADDRESS_HEX_INVALID',
        'Địa chỉ trong mã QR thẻ BHYT không giải mã được (sai mã hex).',
        'address',
      ),
    );
  }

  const yearOnly = /^\d{4}$/.test(birthText);
  const birthDate = yearOnly ? birthText : parseSlashDmy(birthText);
  if (birthDate === null) {
    errors.push(
      problem(
        'BHYT_QR_BIRTH_DATE_INVALID',
        `Ngày sinh "${birthText}" trong mã QR thẻ BHYT không hợp lệ (dạng dd/MM/yyyy hoặc yyyy).`,
        'birthDate',
      ),
    );
  }
  const sex: PersonSex | null = sexText === '1' ? 'male' : sexText === '2' ? 'female' : null;
  if (sex === null) {
    errors.push(
      problem(
        'BHYT_QR_SEX_INVALID',
        `Giới tính "${sexText}" trong mã QR thẻ BHYT phải là 1 (Nam) hoặc 2 (Nữ).`,
        'sex',
      ),
    );
  }
  const validFrom = parseSlashDmy(fromText);
  if (validFrom === null) {
    errors.push(
      problem(
        'BHYT_QR_VALID_FROM_INVALID',
        `Ngày thẻ có giá trị từ "${fromText}" không hợp lệ (dạng dd/MM/yyyy).`,
        'validFrom',
      ),
    );
  }
  const validTo = parseSlashDmy(toText);
  if (validTo === null) {
    errors.push(
      problem(
        'BHYT_QR_VALID_TO_INVALID',
        `Ngày thẻ có giá trị đến "${toText}" không hợp lệ (dạng dd/MM/yyyy).`,
        'validTo',
      ),
    );
  }
  if (validFrom !== null && validTo !== null && validTo < validFrom) {
    warnings.push(
      problem(
        'BHYT_QR_VALIDITY_REVERSED',
        'Ngày hết hạn của thẻ BHYT trước ngày bắt đầu; hãy kiểm tra trên cổng BHXH.',
        'validTo',
      ),
    );
  }

  if (
    errors.length > 0 ||
    !card.ok ||
    !facility.ok ||
    name === null ||
    address === null ||
    birthDate === null ||
    sex === null ||
    validFrom === null ||
    validTo === null
  ) {
    return fail(errors, warnings);
  }
  const extras = fields.slice(8);
  return ok(
    {
      card: card.value,
      fullName: titleCaseName(name),
      birthDate,
      birthDatePrecision: yearOnly ? 'year' : 'day',
      sex,
      address: address.replace(/\s+/g, ' ').trim(),
      initialFacilityCode: facility.value.value,
      validFrom,
      validTo,
      fiveYearsFrom: parseSlashDmy(extras[4] ?? ''),
      extras,
    },
    warnings,
  );
}

export type CardValidity = 'valid' | 'expired' | 'notYetValid';

/** Whether a card is valid on a day (`YYYY-MM-DD`); both ends of the validity are inclusive. */
export function cardValidity(
  card: { readonly validFrom: string; readonly validTo: string },
  onDate: string,
): CardValidity {
  if (onDate < card.validFrom) return 'notYetValid';
  if (onDate > card.validTo) return 'expired';
  return 'valid';
}

/** What `formatBhytQr` needs. */
export interface BhytQrInput {
  readonly cardCode: string;
  readonly fullName: string;
  /** `YYYY-MM-DD` or `YYYY`. */
  readonly birthDate: string;
  readonly sex: PersonSex;
  readonly address: string;
  readonly initialFacilityCode: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** Fields 8…13, written as given (none by default). */
  readonly extras?: readonly string[];
}

/** Build a BHYT card QR payload (for synthetic data and tests); inverse of `parseBhytQr`. */
export function formatBhytQr(card: BhytQrInput): string {
  const dkbd = card.initialFacilityCode;
  return [
    card.cardCode,
    encodeHexUtf8(card.fullName),
    /^\d{4}$/.test(card.birthDate) ? card.birthDate : toSlashDmy(card.birthDate),
    card.sex === 'male' ? '1' : '2',
    encodeHexUtf8(card.address),
    `${dkbd.slice(0, 2)} - ${dkbd.slice(2)}`,
    toSlashDmy(card.validFrom),
    toSlashDmy(card.validTo),
    ...(card.extras ?? []),
    '$',
  ].join('|');
}
