/**
 * Every error of the FHIR endpoint is an OperationOutcome (401, 403, 404, 400, 409, 422, 5xx), with
 * the platform's English error code in `issue.details.coding` and the Vietnamese message as
 * `diagnostics`. Installed in the FHIR plugin's scope, so it also catches the guard's 401/403.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { issueCodeForStatus, outcome, type IssueCode } from '@suckhoe/domain/fhir/index';
import { redactText } from '../auth/redact.ts';
import { ApiError } from '../http/errors.ts';
import { FHIR_JSON } from './http.ts';

/** An error with an explicit FHIR issue code. */
export class FhirError extends ApiError {
  constructor(
    statusCode: number,
    code: string,
    message: string,
    readonly issue: IssueCode = issueCodeForStatus(statusCode),
    readonly expression?: string[],
  ) {
    super(statusCode, code, message);
  }
}

export const notSupported = (what: string): FhirError =>
  new FhirError(400, 'NOT_SUPPORTED', `Máy chủ FHIR chưa hỗ trợ ${what}.`, 'not-supported');

export const resourceNotFound = (type: string, id: string): FhirError =>
  new FhirError(404, 'RESOURCE_NOT_FOUND', `Không tìm thấy ${type}/${id.slice(0, 64)}.`, 'not-found');

const FASTIFY: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'Nội dung JSON không hợp lệ.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'EMPTY_BODY', 'Thiếu nội dung yêu cầu.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'Nội dung gửi lên vượt quá dung lượng cho phép.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Kiểu nội dung phải là application/fhir+json.',
  ],
};

export function installFhirErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500;
    let code = 'INTERNAL_ERROR';
    let message = 'Lỗi hệ thống, vui lòng thử lại hoặc báo quản trị viên.';
    let issue: IssueCode | undefined;
    let expression: string[] | undefined;
    if (err instanceof ApiError) {
      status = err.statusCode;
      code = err.code;
      message = err.message;
      if (err instanceof FhirError) {
        issue = err.issue;
        expression = err.expression;
      }
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      code = 'VALIDATION_FAILED';
      message = `Tham số không hợp lệ: ${err.validation.map((v) => `${v.instancePath || '/'} ${v.message ?? ''}`).join('; ')}`;
    } else if (err.code && FASTIFY[err.code]) {
      [status, code, message] = FASTIFY[err.code]!;
    } else if (err.statusCode === 429) {
      status = 429;
      code = 'RATE_LIMITED';
      message = 'Quá nhiều yêu cầu, vui lòng thử lại sau.';
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      code = 'BAD_REQUEST';
      message = 'Yêu cầu không hợp lệ.';
    } else {
      req.log.error(
        { err: { message: redactText(err.message), stack: err.stack, code: err.code } },
        'unhandled FHIR error',
      );
    }
    return reply
      .status(status)
      .header('content-type', FHIR_JSON)
      .send(
        outcome([
          {
            code: issue ?? issueCodeForStatus(status),
            diagnostics: message,
            errorCode: code,
            ...(expression ? { expression } : {}),
          },
        ]),
      );
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .header('content-type', FHIR_JSON)
      .send(
        outcome([
          {
            code: 'not-supported',
            diagnostics: `Không có thao tác FHIR ${req.method} ${req.url.split('?')[0] ?? ''}.`,
            errorCode: 'ROUTE_NOT_FOUND',
          },
        ]),
      ),
  );
}
