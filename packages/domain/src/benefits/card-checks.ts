import { cardValidity, type CardValidity } from '../identifiers/bhyt-qr.ts';
import { isIsoDate, toSlashDmy } from '../identifiers/dates.ts';
import { compactCode } from '../identifiers/clean.ts';
import { problem, type Problem } from '../problem.ts';
import { daysBetween } from './calendar.ts';
import type { EligibilityCard } from './eligibility-types.ts';
import { formatPercent } from './format.ts';

/** Warn when the card ends within this many days of the visit. */
export const CARD_EXPIRY_WARNING_DAYS = 30;

export interface CardCheck {
  readonly status: CardValidity;
  readonly warnings: readonly Problem[];
  readonly reasons: readonly string[];
}

const dmy = (iso: string): string => (isIsoDate(iso) ? toSlashDmy(iso) : iso);

function validityOf(card: EligibilityCard, visitDate: string): CardCheck {
  const from = card.validFrom ?? null;
  const to = card.validTo ?? null;
  if (from === null || to === null || !isIsoDate(from) || !isIsoDate(to)) {
    return {
      status: 'valid',
      warnings: [
        problem(
          'BHYT_CARD_VALIDITY_UNKNOWN',
          'Chưa rõ thời hạn sử dụng của thẻ BHYT; hãy tra cứu trên cổng BHXH trước khi tính quyền lợi.',
          'card.validTo',
        ),
      ],
      reasons: ['Chưa rõ thời hạn thẻ: cần tra cứu trên cổng BHXH'],
    };
  }
  const status = cardValidity({ validFrom: from, validTo: to }, visitDate);
  switch (status) {
    case 'expired':
      return {
        status,
        warnings: [
          problem('BHYT_CARD_EXPIRED', `Thẻ BHYT đã hết hạn ngày ${dmy(to)}.`, 'card.validTo', {
            validTo: to,
          }),
        ],
        reasons: [`Thẻ hết hạn ngày ${dmy(to)}: quỹ BHYT không thanh toán`],
      };
    case 'notYetValid':
      return {
        status,
        warnings: [
          problem(
            'BHYT_CARD_NOT_YET_VALID',
            `Thẻ BHYT chưa có giá trị sử dụng (có giá trị từ ngày ${dmy(from)}).`,
            'card.validFrom',
            { validFrom: from },
          ),
        ],
        reasons: [`Thẻ chưa có giá trị sử dụng: có giá trị từ ngày ${dmy(from)}`],
      };
    case 'valid': {
      const left = daysBetween(visitDate, to);
      const warnings =
        left !== null && left <= CARD_EXPIRY_WARNING_DAYS
          ? [
              problem(
                'BHYT_CARD_EXPIRING_SOON',
                `Thẻ BHYT hết hạn ngày ${dmy(to)} (còn ${left} ngày); nhắc người bệnh gia hạn.`,
                'card.validTo',
                { validTo: to, daysLeft: left },
              ),
            ]
          : [];
      return { status, warnings, reasons: [`Thẻ còn giá trị sử dụng đến ngày ${dmy(to)}`] };
    }
  }
}

/** Card validity on the visit date, and what the desk should know about the card code. Never throws. */
export function checkCard(card: EligibilityCard, visitDate: string): CardCheck {
  const validity = validityOf(card, visitDate);
  const warnings = [...validity.warnings];
  const reasons = [...validity.reasons];
  const code = card.code;

  if (code.benefitLevel === null || code.fundPaysPercent === null) {
    warnings.push(
      problem(
        'BHYT_BENEFIT_LEVEL_UNKNOWN',
        'Chỉ có mã số BHXH, chưa rõ mức hưởng; hãy tra cứu thẻ trên cổng BHXH.',
        'card.code',
      ),
    );
    reasons.push('Chưa rõ mức hưởng của thẻ (chỉ có mã số BHXH)');
  } else {
    reasons.push(
      `Mức hưởng theo thẻ: ${formatPercent(code.fundPaysPercent)} (mã mức hưởng ${code.benefitLevel})`,
    );
  }
  if (code.objectGroup !== null && code.objectGroupLabel === null) {
    warnings.push(
      problem(
        'BHYT_OBJECT_GROUP_UNKNOWN',
        `Mã đối tượng "${code.objectGroup}" không có trong danh mục đang dùng; vẫn nhận thẻ, hãy kiểm tra trên cổng BHXH.`,
        'card.code',
        { objectGroup: code.objectGroup },
      ),
    );
  }
  const initial = compactCode(card.initialFacilityCode ?? '').toUpperCase();
  if (code.temporary || (code.maybeTemporary && initial !== '' && initial === code.temporaryFacilityCode)) {
    warnings.push(
      problem(
        'BHYT_TEMPORARY_NEWBORN_CODE',
        'Mã thẻ tạm của trẻ sơ sinh (nơi đăng ký ban đầu là mã tỉnh + 000); hãy đề nghị gia đình cung cấp mã thẻ chính thức khi có.',
        'card.code',
        { code: code.value },
      ),
    );
  }
  return { status: validity.status, warnings, reasons };
}
