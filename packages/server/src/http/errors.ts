import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '@suckhoe/domain';
import { redactText } from '../auth/redact.ts';

/** An error meant for the API client: HTTP status, English code, Vietnamese message. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static badRequest(problems: readonly Problem[]): ApiError {
    const first = problems[0];
    return new ApiError(400, first?.code ?? 'BAD_REQUEST', first?.message ?? 'Yêu cầu không hợp lệ.', {
      problems,
    });
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'NOT_FOUND', `Không tìm thấy ${what}.`);

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function body(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Fastify's own error codes mapped to our codes and Vietnamese messages. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'Nội dung JSON không hợp lệ.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: 'Thiếu nội dung yêu cầu.' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Nội dung gửi lên vượt quá dung lượng cho phép.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Kiểu nội dung (Content-Type) không được hỗ trợ.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_CONTENT_LENGTH',
    message: 'Độ dài nội dung không khớp.',
  },
};

export const routeNotFound = (method: string, url: string): ErrorBody =>
  body('ROUTE_NOT_FOUND', `Không có đường dẫn ${method} ${url.split('?')[0] ?? ''}.`);

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ApiError) {
      return reply.status(err.statusCode).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined,
        message: v.message,
      }));
      return reply.status(400).send(
        body('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ, vui lòng kiểm tra các trường.', {
          issues,
        }),
      );
    }
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
    if (known) return reply.status(known.status).send(body(known.code, known.message));
    if (err.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', 'Quá nhiều yêu cầu, vui lòng thử lại sau.'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('BAD_REQUEST', 'Yêu cầu không hợp lệ.'));
    }
    req.log.error(
      { err: { message: redactText(err.message), stack: err.stack, code: err.code } },
      'unhandled error',
    );
    return reply
      .status(500)
      .send(body('INTERNAL_ERROR', 'Lỗi hệ thống, vui lòng thử lại hoặc báo quản trị viên.'));
  });
}
