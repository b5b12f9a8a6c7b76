/**
 * Findings that come from the platform rather than from the XML 130 rules of the domain: the
 * signature policy, the sender's facility, person matching, storage. Same shape as the domain's
 * findings (table, field, rule, code, severity, Vietnamese message) so a receipt lists both alike.
 */
import type { Finding } from '@suckhoe/domain/xml130/index';

export const INGEST_RULES = {
  SIGNATURE_REQUIRED: {
    severity: 'error',
    message:
      'Tệp chưa được ký số (CHUKYDONVI trống) và cơ sở {facility} không được phép gửi hồ sơ không ký. Hãy ký số bằng chứng thư đã đăng ký.',
  },
  SIGNATURE_NO_CERTIFICATE: {
    severity: 'error',
    message:
      'Tệp có chữ ký số nhưng cơ sở {facility} chưa đăng ký chứng thư số nên không kiểm tra được. Hãy đăng ký chứng thư (PUT /api/v1/facilities/{facility}/certificate).',
  },
  SIGNATURE_INVALID: {
    severity: 'error',
    message: 'Chữ ký số không hợp lệ với chứng thư số đã đăng ký của cơ sở {facility}.',
  },
  SIGNATURE_DIGEST_MISMATCH: {
    severity: 'error',
    message: 'Nội dung tệp đã bị thay đổi sau khi ký số (giá trị băm không khớp).',
  },
  SIGNATURE_UNTRUSTED_CERTIFICATE: {
    severity: 'error',
    message: 'Tệp được ký bằng chứng thư số không phải chứng thư đã đăng ký của cơ sở {facility}.',
  },
  SIGNATURE_PROFILE_UNSUPPORTED: {
    severity: 'error',
    message:
      'Chữ ký số dùng thuật toán hoặc cấu trúc không được hỗ trợ ({detail}). Yêu cầu: XMLDSig enveloped, C14N, RSA-SHA256.',
  },
  SIGNATURE_MALFORMED: {
    severity: 'error',
    message: 'Phần chữ ký số (CHUKYDONVI) không đúng cấu trúc XMLDSig ({detail}).',
  },
  UNSIGNED_ACCEPTED: {
    severity: 'warning',
    message:
      'Tệp không có chữ ký số; được nhận vì cơ sở {facility} được phép gửi hồ sơ không ký (đã đánh dấu).',
  },
  SIGNATURE_NOT_VERIFIED: {
    severity: 'warning',
    message:
      'Tệp có chữ ký số nhưng chưa kiểm tra được (cơ sở {facility} chưa đăng ký chứng thư); được nhận và đánh dấu.',
  },
  FACILITY_UNKNOWN: {
    severity: 'error',
    message: 'Cơ sở KCB {facility} (MACSKCB) chưa có trong danh mục cơ sở của Sở Y tế.',
  },
  FACILITY_NOT_SENDER: {
    severity: 'error',
    message: 'MACSKCB của tệp ({facility}) không phải cơ sở của khóa API / tài khoản gửi ({sender}).',
  },
  PERSON_REVIEW: {
    severity: 'warning',
    message:
      'Chưa xác định chắc chắn người bệnh ({reason}); hồ sơ được lưu và đưa vào hàng chờ rà soát định danh, không tự động gộp.',
  },
  EPISODE_MAPPING_FAILED: {
    severity: 'error',
    message: 'Không chuyển được hồ sơ sang mô hình lưu trữ: {detail}.',
  },
  STORE_FAILED: {
    severity: 'error',
    message: 'Lỗi khi lưu hồ sơ vào cơ sở dữ liệu; hồ sơ chưa được lưu, vui lòng gửi lại.',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; message: string }>;

export type IngestRuleId = keyof typeof INGEST_RULES;

export function ingestFinding(
  rule: IngestRuleId,
  where: { table: Finding['table']; field?: string; hoso?: number },
  params: Readonly<Record<string, string | number>> = {},
): Finding {
  const spec = INGEST_RULES[rule];
  const message = spec.message.replace(/\{(\w+)\}/g, (whole, k: string) => {
    const v = params[k];
    return v === undefined ? whole : String(v);
  });
  return {
    rule,
    code: rule,
    severity: spec.severity,
    message,
    table: where.table,
    ...(where.field === undefined ? {} : { field: where.field }),
    ...(where.hoso === undefined ? {} : { hoso: where.hoso }),
    ...(Object.keys(params).length === 0 ? {} : { details: { ...params } }),
  };
}
