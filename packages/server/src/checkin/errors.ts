import type { Problem } from '@suckhoe/domain';
import { ApiError } from '../http/errors.ts';

/**
 * Every refusal of a check-in: an English code the kiosk and desk key on, and a Vietnamese message for
 * the person at the screen. Nothing is stored when one of these is thrown (one transaction).
 */
export const checkinErrors = {
  inputMissing: () =>
    new ApiError(
      400,
      'CHECKIN_INPUT_MISSING',
      'Cần quét mã QR (thẻ căn cước hoặc thẻ BHYT), hoặc nhập số định danh, mã thẻ BHYT, mã VNeID, hoặc họ tên và ngày sinh.',
    ),
  qrUnreadable: (problems: readonly Problem[]) =>
    new ApiError(
      400,
      'QR_UNREADABLE',
      `Không đọc được mã: ${problems[0]?.message ?? 'nội dung không phải mã QR căn cước hay thẻ BHYT.'}`,
      { problems },
    ),
  notAPerson: () =>
    new ApiError(
      400,
      'IDENTITY_NOT_A_PERSON',
      'Đây là mã cơ sở khám chữa bệnh, không phải giấy tờ của người bệnh. Hãy quét thẻ căn cước hoặc thẻ BHYT.',
    ),
  birthYearMismatch: (fromId: number, birthDate: string) =>
    new ApiError(
      400,
      'PERSONAL_ID_BIRTH_YEAR_MISMATCH',
      `Số định danh cho năm sinh ${fromId} nhưng ngày sinh là ${birthDate}: giấy tờ không khớp, hãy kiểm tra lại.`,
      { fromId, birthDate },
    ),
  facilityRequired: () =>
    new ApiError(400, 'FACILITY_REQUIRED', 'Cần chọn cơ sở khám chữa bệnh nơi tiếp đón (facilityCode).'),
  facilityNotFound: (code: string) =>
    new ApiError(404, 'FACILITY_NOT_FOUND', `Không có cơ sở khám chữa bệnh mã ${code} trong danh mục.`),
  facilityInactive: (code: string) =>
    new ApiError(409, 'FACILITY_INACTIVE', `Cơ sở ${code} đã ngừng hoạt động trong danh mục.`),
  clinicUnknown: (code: string, known: readonly string[]) =>
    new ApiError(
      400,
      'CLINIC_UNKNOWN',
      `Cơ sở không có phòng khám mã ${code}. Các phòng khám: ${known.join(', ')}.`,
      { clinics: known },
    ),
  personNotFound: () =>
    new ApiError(
      404,
      'PERSON_NOT_FOUND',
      'Chưa có người này trong danh mục. Hãy quét mã QR trên thẻ căn cước (hoặc thẻ BHYT) để tạo hồ sơ, hoặc kiểm tra lại số đã nhập.',
    ),
  personAmbiguous: (count: number) =>
    new ApiError(
      409,
      'PERSON_AMBIGUOUS',
      `Có ${count} người cùng họ tên và ngày sinh này. Hãy dùng số định danh, mã thẻ BHYT hoặc quét mã QR.`,
      { count },
    ),
  cccdPersonMismatch: () =>
    new ApiError(
      409,
      'CCCD_PERSON_MISMATCH',
      'Số định danh trên thẻ căn cước đã thuộc về một hồ sơ khác (khác cả họ tên và ngày sinh). Không tiếp đón tự động; hãy đối chiếu giấy tờ và báo quản trị để xử lý hồ sơ.',
    ),
  bhytCardPersonMismatch: () =>
    new ApiError(
      409,
      'BHYT_CARD_PERSON_MISMATCH',
      'Mã số BHXH trên thẻ BHYT đã thuộc về một hồ sơ khác (khác cả họ tên và ngày sinh). Hãy đối chiếu giấy tờ.',
    ),
  cardOfOtherPerson: () =>
    new ApiError(
      409,
      'BHYT_CARD_OF_OTHER_PERSON',
      'Thẻ BHYT này là của người khác: mã số BHXH trên thẻ thuộc về một người khác với người mang giấy tờ tùy thân. Hãy dùng đúng thẻ của người bệnh.',
    ),
  identifiersOfSeveralPersons: () =>
    new ApiError(
      409,
      'IDENTIFIERS_OF_SEVERAL_PERSONS',
      'Các số trên giấy tờ thuộc về nhiều hồ sơ khác nhau (có thể là hồ sơ trùng). Hãy báo quản trị để gộp hồ sơ trước khi tiếp đón.',
    ),
  cardExpired: (message: string, validTo: string | null) =>
    new ApiError(
      422,
      'BHYT_CARD_EXPIRED',
      `${message} Không áp dụng được quyền lợi BHYT; có thể tiếp đón như người bệnh tự chi trả.`,
      { validTo },
    ),
  cardNotYetValid: (message: string, validFrom: string | null) =>
    new ApiError(422, 'BHYT_CARD_NOT_YET_VALID', `${message} Có thể tiếp đón như người bệnh tự chi trả.`, {
      validFrom,
    }),
  correctionInvalid: (problems: readonly Problem[]) => ApiError.badRequest(problems),
  checkinNotFound: () => new ApiError(404, 'CHECKIN_NOT_FOUND', 'Không tìm thấy lượt tiếp đón này.'),
};
