/**
 * `GET /api/v1/persons/{person}/health-book` — the citizen's electronic health book (QĐ 1332 groups),
 * episodes newest first and paged (`episodesLimit`, `episodesBefore` cursor); and
 * `GET /api/v1/persons/{person}/health-book/export` — the VNeID-ready JSON of every group.
 * Access: the citizen themself, staff with a care relationship, or break-glass (guard, `config.person`);
 * the citizen's consent directives are applied (a notice says something is withheld, never what).
 */
import { z } from 'zod';
import { decodeCursor, export1332 } from '@suckhoe/domain/healthbook/index';
import { ApiError } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import { sendStored } from '../http/stored-body.ts';
import { readBook, readBookJson } from './read.ts';

/** Who may open a health book (then the person check decides whose). */
export const BOOK_READERS = [
  'citizen',
  'clinician',
  'registrar',
  'station_staff',
  'facility_admin',
  'integration_client',
] as const;

const params = z.object({ person: z.string().min(1).max(64) });

export const healthBookRoutes: Capability = async (app, { db }) => {
  app.get(
    '/api/v1/persons/:person/health-book',
    {
      config: { roles: BOOK_READERS, person: { access: 'read', resource: 'HealthBook' } },
      schema: {
        tags: ['health-book'],
        summary:
          'Sổ sức khỏe điện tử (QĐ 1332): hành chính, tiền sử, tiêm chủng, các đợt khám chữa bệnh (mới nhất trước, phân trang), giấy chuyển tuyến, giấy hẹn, giấy tờ',
        params,
        querystring: z.object({
          episodesLimit: z.coerce.number().int().min(1).max(100).default(20),
          episodesBefore: z.string().trim().min(3).max(100).optional(),
        }),
      },
    },
    async (req, reply) => {
      const personId = req.personAccess!.personId;
      const cursor = req.query.episodesBefore === undefined ? null : decodeCursor(req.query.episodesBefore);
      if (req.query.episodesBefore !== undefined && cursor === null) {
        throw new ApiError(
          400,
          'INVALID_CURSOR',
          'Tham số episodesBefore không hợp lệ (dùng giá trị nextCursor đã nhận).',
        );
      }
      const book = await readBookJson(req, db, {
        personId,
        limit: req.query.episodesLimit,
        before: cursor ? { start: cursor.before, id: cursor.id } : null,
      });
      await req.audit({
        action: 'read',
        resource: 'HealthBook',
        personId,
        details: { episodes: book.episodes, withheld: book.withheld },
      });
      return sendStored(req, reply, book.body, book.etag, 'application/json; charset=utf-8');
    },
  );

  app.get(
    '/api/v1/persons/:person/health-book/export',
    {
      config: { roles: BOOK_READERS, person: { access: 'read', action: 'export', resource: 'HealthBook' } },
      schema: {
        tags: ['health-book'],
        summary: 'Xuất sổ sức khỏe theo các nhóm QĐ 1332 (JSON sẵn sàng cho VNeID)',
        params,
      },
    },
    async (req, reply) => {
      const personId = req.personAccess!.personId;
      const book = await readBook(req, db, { personId, limit: null, before: null });
      await req.audit({
        action: 'export',
        resource: 'HealthBook',
        personId,
        details: { episodes: book.episodes.items.length, withheld: book.consent.withheld },
      });
      return reply
        .header('content-disposition', `attachment; filename="so-suc-khoe-${personId}.json"`)
        .send(export1332(book));
    },
  );
};
