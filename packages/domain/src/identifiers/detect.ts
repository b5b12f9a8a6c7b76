import { fail, problem, type Result } from '../problem.ts';
import { parseBhytCode, type BhytCode } from './bhyt-code.ts';
import { parseBhytQr, type BhytQr } from './bhyt-qr.ts';
import { parseCccdQr, type CccdQr } from './cccd-qr.ts';
import { cleanInput, compactCode } from './clean.ts';
import { parseCmnd, type Cmnd } from './cmnd.ts';
import { parseFacilityCode, type FacilityCode } from './facility-code.ts';
import { parsePassport, type Passport } from './passport.ts';
import { parsePersonalId, type PersonalId } from './personal-id.ts';

/** What `parseIdentityText` recognised, with the fields of the parser it chose. */
export type IdentityText =
  | { readonly kind: 'cccd'; readonly fields: CccdQr }
  | { readonly kind: 'bhyt'; readonly fields: BhytQr }
  | { readonly kind: 'personalId'; readonly fields: PersonalId }
  | { readonly kind: 'cmnd'; readonly fields: Cmnd }
  | { readonly kind: 'bhytCode'; readonly fields: BhytCode }
  | { readonly kind: 'bhxhNumber'; readonly fields: BhytCode }
  | { readonly kind: 'facilityCode'; readonly fields: FacilityCode }
  | { readonly kind: 'passport'; readonly fields: Passport };

export type IdentityKind = IdentityText['kind'];

export interface IdentityTextOptions {
  /** `YYYY-MM-DD`, default today in Vietnam (birth years / dates after it are rejected). */
  readonly today?: string;
}

/** Longest text accepted (a Căn cước QR with all extras is a few hundred characters). */
export const IDENTITY_TEXT_MAX_LENGTH = 2000;

/**
 * Which kind of identity text is this? Pick a parser from the shape of the text (one box at the
 * desk for a scanner or typed input), then return that parser's result. Never throws.
 * - `|`-separated, first field 12 digits → CCCD / Căn cước QR;
 * - `|`-separated, first field a BHYT code (2 letters…) or 10 digits → BHYT card QR;
 * - 12 digits → personal ID; 9 digits → CMND; 10 digits → mã số BHXH; 5 digits → facility code;
 * - 15 letters/digits starting with 2 letters → BHYT card code; 1 letter + 7 digits → passport.
 */
export function parseIdentityText(text: string, options: IdentityTextOptions = {}): Result<IdentityText> {
  if (text.length > IDENTITY_TEXT_MAX_LENGTH) {
    return fail(
      problem(
        'IDENTITY_TEXT_TOO_LONG',
        `Nội dung quá dài (${text.length} ký tự, tối đa ${IDENTITY_TEXT_MAX_LENGTH}); đây không phải mã giấy tờ.`,
        'text',
        { length: text.length, max: IDENTITY_TEXT_MAX_LENGTH },
      ),
    );
  }
  const clean = cleanInput(text).trim();
  if (clean === '') return fail(problem('IDENTITY_TEXT_EMPTY', 'Chưa có nội dung để nhận dạng.', 'text'));

  if (clean.includes('|')) {
    const first = compactCode(clean.slice(0, clean.indexOf('|'))).toUpperCase();
    const pipes = clean.split('|').length - 1;
    if (/^\d{12}$/.test(first) || (pipes >= 6 && /^\d+$/.test(first) && first.length !== 10)) {
      return as('cccd', parseCccdQr(clean, options));
    }
    if (/^[A-Z]{2}[0-9A-Z]{13}$/.test(first) || /^\d{10}$/.test(first)) return as('bhyt', parseBhytQr(clean));
    return unrecognised();
  }

  const compact = compactCode(clean).toUpperCase();
  if (/^\d{12}$/.test(compact)) return as('personalId', parsePersonalId(compact, options));
  if (/^\d{9}$/.test(compact)) return as('cmnd', parseCmnd(compact));
  if (/^\d{10}$/.test(compact)) return as('bhxhNumber', parseBhytCode(compact));
  if (/^\d{5}$/.test(compact)) return as('facilityCode', parseFacilityCode(compact));
  if (/^[A-Z]{2}[0-9A-Z]{13}$/.test(compact)) return as('bhytCode', parseBhytCode(compact));
  if (/^[A-Z]\d{7}$/.test(compact)) return as('passport', parsePassport(compact));
  return unrecognised();
}

function as<K extends IdentityKind>(
  kind: K,
  result: Result<Extract<IdentityText, { kind: K }>['fields']>,
): Result<IdentityText> {
  if (!result.ok) return result;
  return { ok: true, value: { kind, fields: result.value } as IdentityText, warnings: result.warnings };
}

function unrecognised(): Result<IdentityText> {
  return fail(
    problem(
      'IDENTITY_TEXT_UNRECOGNISED',
      'Không nhận dạng được nội dung: không phải mã QR căn cước hay thẻ BHYT, số định danh (12 số), CMND (9 số), mã số BHXH (10 số), mã thẻ BHYT (15 ký tự), mã cơ sở (5 số) hay số hộ chiếu.',
      'text',
    ),
  );
}
