import { fail, ok, problem, type Result } from '../problem.ts';
import { compactCode } from './clean.ts';
import { parsePersonalId, type PersonalId } from './personal-id.ts';

/**
 * An old identity-card number (chứng minh nhân dân, CMND).
 * - `cmnd9`: the 9-digit card (first two digits = issuing police office; that table is not shipped,
 *   so the digits are not decoded).
 * - `personalId12`: the 12-digit CMND issued 2012–2016 already carried the personal identification
 *   number, so it is parsed exactly like a CCCD number and `personalId` is filled in.
 */
export interface Cmnd {
  readonly value: string;
  readonly format: 'cmnd9' | 'personalId12';
  readonly personalId: PersonalId | null;
}

/** Parse an old CMND number (9 digits, or 12 digits = personal ID). Separators are ignored; never throws. */
export function parseCmnd(text: string, options: { readonly today?: string } = {}): Result<Cmnd> {
  const value = compactCode(text);
  if (/^\d{9}$/.test(value)) {
    if (/^0+$/.test(value)) {
      return fail(problem('CMND_ALL_ZEROS', 'Số CMND không thể toàn số 0.', 'cmnd'));
    }
    return ok({ value, format: 'cmnd9', personalId: null });
  }
  if (/^\d{12}$/.test(value)) {
    const id = parsePersonalId(value, options);
    if (!id.ok) return id;
    return ok({ value, format: 'personalId12', personalId: id.value }, id.warnings);
  }
  return fail(
    problem(
      'CMND_NOT_9_OR_12_DIGITS',
      'Số CMND phải gồm 9 chữ số (hoặc 12 chữ số với CMND cấp 2012–2016).',
      'cmnd',
      {
        length: value.length,
      },
    ),
  );
}
