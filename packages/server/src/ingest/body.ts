/**
 * Request bodies of POST /api/v1/xml130: the GIAMDINHHS document itself (`application/xml`,
 * `text/xml`, kept as raw bytes — never parsed by Fastify) or the BHXH portal form
 * `{ "fileHSBase64": "…" }` (the whole envelope base64-encoded once more).
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors.ts';

export const XML_TYPES = ['application/xml', 'text/xml'];

/** Registers the raw XML parser and a JSON parser sized for base64 envelopes, in this plugin's scope. */
export function registerBodyParsers(app: FastifyInstance, xmlBodyLimit: number): void {
  app.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: xmlBodyLimit }, (_req, body, done) => {
    done(null, body);
  });
  // The portal form carries the envelope base64-encoded: 4/3 of its size, plus the JSON around it.
  const jsonLimit = Math.ceil(xmlBodyLimit / 3) * 4 + 64 * 1024;
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: jsonLimit },
    app.getDefaultJsonParser('error', 'error'),
  );
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const badBody = (): ApiError =>
  new ApiError(
    400,
    'XML130_BODY_INVALID',
    'Nội dung gửi lên phải là tệp GIAMDINHHS (Content-Type: application/xml) hoặc JSON { "fileHSBase64": "…" }.',
  );

/** The envelope bytes of a request body (Buffer for XML, decoded `fileHSBase64` for JSON). */
export function envelopeBytes(body: unknown, xmlBodyLimit: number): Buffer {
  if (Buffer.isBuffer(body)) {
    if (body.length === 0) throw new ApiError(400, 'EMPTY_INPUT', 'Không có nội dung XML.');
    return body;
  }
  if (typeof body !== 'object' || body === null) throw badBody();
  const b64 = (body as { fileHSBase64?: unknown }).fileHSBase64;
  if (typeof b64 !== 'string' || b64.trim() === '') throw badBody();
  const compact = b64.replace(/\s+/g, '');
  if (!BASE64.test(compact)) {
    throw new ApiError(
      400,
      'INVALID_BASE64',
      'fileHSBase64 không phải chuỗi base64 hợp lệ (có ký tự không thuộc bảng base64).',
    );
  }
  if (compact.length % 4 !== 0) {
    throw new ApiError(400, 'INVALID_BASE64', 'fileHSBase64 bị cắt cụt (độ dài không phải bội số của 4).');
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > xmlBodyLimit) {
    throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Nội dung gửi lên vượt quá dung lượng cho phép.', {
      limit: xmlBodyLimit,
    });
  }
  if (bytes.length === 0) throw new ApiError(400, 'EMPTY_INPUT', 'Không có nội dung XML.');
  return bytes;
}
