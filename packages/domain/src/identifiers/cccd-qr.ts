import type { PersonSex } from '../codes/century-sex-digits.ts';
import { fail, ok, problem, type Problem, type Result } from '../problem.ts';
import { titleCaseName } from '../text.ts';
import { cleanInput, compactCode } from './clean.ts';
import { isIsoDate, parseCompactDmy, toCompactDmy, todayInVietnam } from './dates.ts';
import { parsePersonalId, type PersonalId } from './personal-id.ts';
import { parseSexWord } from './sex-text.ts';

/**
 * The QR code of a chip CCCD (2021 – 06/2024, front side) or a Căn cước card (from 07/2024, back
 * side): `|`-separated, no labels —
 * `số định danh | số CMND cũ (may be empty) | họ tên | ngày sinh ddMMyyyy | Nam/Nữ | nơi thường trú/cư trú | ngày cấp ddMMyyyy [| extras…]`.
 * The order of the extra fields of the 2024 card is unconfirmed, so they are kept raw.
 */
export interface CccdQr {
  readonly personalId: PersonalId;
  readonly oldIdNumber: string | null;
  /** Title-cased, diacritics kept ("NGUYỄN VĂN AN" → "Nguyễn Văn An"). */
  readonly fullName: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly sex: PersonSex;
  readonly address: string;
  /** `YYYY-MM-DD`. */
  readonly issueDate: string;
  /** Fields after the 7th (2024 Căn cước: cancelled ID numbers, parents' names, …), trailing empties dropped. */
  readonly extras: readonly string[];
  /** Guess: `cancuoc` when extra fields are present or the card was issued from 2024-07-01, else `cccd`. */
  readonly card: 'cccd' | 'cancuoc';
}

export interface CccdQrOptions {
  /** `YYYY-MM-DD`, default today in Vietnam. */
  readonly today?: string;
}

/** The day the Căn cước card (Luật Căn cước 26/2023/QH15, TT 16/2024/TT-BCA) replaced the CCCD. */
export const CAN_CUOC_FROM = '2024-07-01';

/** Split a CCCD QR payload into trimmed fields (BOM, CR/LF and stray white space removed). */
export function splitCccdQr(text: string): string[] {
  return cleanInput(text)
    .split('|')
    .map((f) => f.replace(/\s+/g, ' ').trim());
}

/** Parse the text read from a CCCD / Căn cước QR code. Never throws. */
export function parseCccdQr(text: string, options: CccdQrOptions = {}): Result<CccdQr> {
  const fields = splitCccdQr(text);
  if (fields.length < 7) {
    return fail(
      problem(
        'CCCD_QR_FIELD_COUNT',
        `Mã QR căn cước phải có ít nhất 7 trường ngăn cách bởi dấu "|", mã này chỉ có ${fields.length}. Hãy quét lại.`,
        'qr',
        { fieldCount: fields.length },
      ),
    );
  }
  const [
    idText = '',
    oldIdText = '',
    nameText = '',
    birthText = '',
    sexText = '',
    address = '',
    issueText = '',
  ] = fields;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const today = options.today !== undefined && isIsoDate(options.today) ? options.today : todayInVietnam();

  const birthDate = parseCompactDmy(birthText.replace(/\s/g, ''));
  if (birthDate === null) {
    errors.push(
      problem(
        'CCCD_QR_BIRTH_DATE_INVALID',
        `Ngày sinh "${birthText}" trong mã QR không phải ngày hợp lệ (dạng ngày tháng năm ddMMyyyy).`,
        'birthDate',
      ),
    );
  } else if (birthDate > today) {
    errors.push(
      problem('CCCD_QR_BIRTH_DATE_IN_FUTURE', 'Ngày sinh trong mã QR sau ngày hôm nay.', 'birthDate'),
    );
  }
  const issueDate = parseCompactDmy(issueText.replace(/\s/g, ''));
  if (issueDate === null) {
    errors.push(
      problem(
        'CCCD_QR_ISSUE_DATE_INVALID',
        `Ngày cấp "${issueText}" trong mã QR không phải ngày hợp lệ (dạng ngày tháng năm ddMMyyyy).`,
        'issueDate',
      ),
    );
  } else {
    if (issueDate > today) {
      warnings.push(
        problem(
          'CCCD_QR_ISSUE_DATE_IN_FUTURE',
          'Ngày cấp trong mã QR sau ngày hôm nay; hãy kiểm tra lại.',
          'issueDate',
        ),
      );
    }
    if (birthDate !== null && issueDate < birthDate) {
      warnings.push(
        problem(
          'CCCD_QR_ISSUED_BEFORE_BIRTH',
          'Ngày cấp trong mã QR trước ngày sinh; hãy kiểm tra lại.',
          'issueDate',
        ),
      );
    }
  }
  const sex = parseSexWord(sexText);
  if (sex === null) {
    errors.push(
      problem('CCCD_QR_SEX_INVALID', `Giới tính "${sexText}" trong mã QR không phải "Nam" hay "Nữ".`, 'sex'),
    );
  }
  const fullName = titleCaseName(nameText);
  if (fullName === '') {
    errors.push(problem('CCCD_QR_NAME_EMPTY', 'Mã QR không có họ tên.', 'fullName'));
  }
  const oldId = compactCode(oldIdText);
  if (oldId !== '' && !/^(\d{9}|\d{12})$/.test(oldId)) {
    warnings.push(
      problem(
        'CCCD_QR_OLD_ID_FORMAT',
        `Số CMND cũ "${oldIdText}" trong mã QR không gồm 9 (hoặc 12) chữ số; đã giữ nguyên.`,
        'oldIdNumber',
      ),
    );
  }

  const id = parsePersonalId(idText, {
    ...(birthDate === null ? {} : { birthDate }),
    ...(sex === null ? {} : { sex }),
    today,
  });
  warnings.push(...id.warnings);
  if (!id.ok) errors.push(...id.errors);

  if (!id.ok || errors.length > 0 || birthDate === null || issueDate === null || sex === null) {
    return fail(errors, warnings);
  }
  const extras = fields.slice(7);
  while (extras.length > 0 && extras[extras.length - 1] === '') extras.pop();
  return ok(
    {
      personalId: id.value,
      oldIdNumber: oldId === '' ? null : oldId,
      fullName,
      birthDate,
      sex,
      address,
      issueDate,
      extras,
      card: extras.length > 0 || issueDate >= CAN_CUOC_FROM ? 'cancuoc' : 'cccd',
    },
    warnings,
  );
}

/** What `formatCccdQr` needs: the parsed shape with the ID as a plain string. */
export interface CccdQrInput {
  readonly personalId: string;
  readonly oldIdNumber: string | null;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: PersonSex;
  readonly address: string;
  readonly issueDate: string;
  readonly extras?: readonly string[];
}

/** Build the QR payload of a card (for synthetic data and tests); inverse of `parseCccdQr`. */
export function formatCccdQr(card: CccdQrInput): string {
  return [
    card.personalId,
    card.oldIdNumber ?? '',
    card.fullName,
    toCompactDmy(card.birthDate),
    card.sex === 'male' ? 'Nam' : 'Nữ',
    card.address,
    toCompactDmy(card.issueDate),
    ...(card.extras ?? []),
  ].join('|');
}
