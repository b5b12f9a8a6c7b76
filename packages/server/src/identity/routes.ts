import { z } from 'zod';
import { ROLE_NAMES, parseIdentityText } from '@suckhoe/domain';
import { ApiError } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';

const problemSchema = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

export const identityRoutes: Capability = async (app) => {
  app.post(
    '/api/v1/identity/parse',
    {
      config: { roles: ROLE_NAMES },
      schema: {
        tags: ['identity'],
        summary:
          'Nhận dạng và phân tích chuỗi định danh: QR căn cước/CCCD, QR thẻ BHYT, mã thẻ BHYT, số định danh, CMND, mã số BHXH, hộ chiếu',
        body: z.object({ text: z.string().min(1).max(4000) }),
        response: {
          200: z.object({
            kind: z.string(),
            fields: z.record(z.string(), z.unknown()),
            warnings: z.array(problemSchema),
          }),
        },
      },
    },
    async (req) => {
      const r = parseIdentityText(req.body.text);
      if (!r.ok) throw ApiError.badRequest(r.errors);
      return {
        kind: r.value.kind,
        fields: r.value.fields as unknown as Record<string, unknown>,
        warnings: [...r.warnings],
      };
    },
  );
};
