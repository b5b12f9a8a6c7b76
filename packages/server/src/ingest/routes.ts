/** POST /api/v1/xml130 — a facility HIS (or an admin) sends GIAMDINHHS envelopes; per-record receipt. */
import { z } from 'zod';
import { requestAuditRecords, type RequestAudit } from '../audit/request.ts';
import { requirePrincipal } from '../auth/guard.ts';
import type { Capability } from '../http/types.ts';
import { ApiError } from '../http/errors.ts';
import { episodeRoutes } from '../episodes/routes.ts';
import { envelopeBytes, registerBodyParsers } from './body.ts';
import { reviewRoutes } from './review-routes.ts';
import { ingestEnvelope, isRefusal, type StoredEvent } from './pipeline.ts';
import { bufferSource } from './source.ts';

const issue = z.object({
  table: z.string(),
  field: z.string().nullable(),
  rule: z.string(),
  code: z.string(),
  message: z.string(),
  record: z.number().optional(),
});

const receipt = z.object({
  accepted: z.number(),
  rejected: z.number(),
  dryRun: z.boolean(),
  envelope: z.object({
    sha256: z.string(),
    facility: z.string(),
    size: z.number(),
    hosoCount: z.number(),
    signed: z.boolean(),
    signatureVerified: z.boolean(),
    stored: z.boolean(),
    warnings: z.array(issue).readonly(),
  }),
  results: z
    .array(
      z.object({
        hoso: z.number(),
        maLk: z.string(),
        facility: z.string(),
        status: z.enum(['accepted', 'rejected']),
        personId: z.string().optional(),
        version: z.number().optional(),
        errors: z.array(issue).readonly(),
        warnings: z.array(issue).readonly(),
      }),
    )
    .readonly(),
});

/** Audit events of one stored batch: the episode import, and each person the import created. */
export function auditRecords(events: readonly StoredEvent[]): RequestAudit[] {
  return events.flatMap((e): RequestAudit[] => {
    const stored: RequestAudit = {
      action: 'import',
      resource: 'Episode',
      resourceId: `${e.facility}/${e.maLk}`,
      personId: e.personId,
      details: { version: e.version, envelope: e.envelopeSha256 },
    };
    if (!e.personCreated) return [stored];
    return [
      { action: 'create', resource: 'Person', personId: e.personId, details: { source: 'xml130' } },
      stored,
    ];
  });
}

/** The XML 130 capability: ingest here, export in episodes/routes.ts (one entry in CAPABILITIES). */
export const ingestRoutes: Capability = async (app, deps) => {
  const { db, config } = deps;
  await app.register(episodeRoutes, deps);
  await app.register(reviewRoutes, deps);
  registerBodyParsers(app, config.xmlBodyLimit);

  app.post(
    '/api/v1/xml130',
    {
      config: { roles: ['integration_client', 'facility_admin'] },
      schema: {
        tags: ['xml130'],
        summary: 'Nhận hồ sơ XML 130 (GIAMDINHHS) — biên nhận từng hồ sơ',
        description:
          'Body: the GIAMDINHHS document (`application/xml` or `text/xml`, at most XML_BODY_LIMIT_BYTES) or ' +
          '`{ "fileHSBase64": "…" }`. Authenticated by a facility API key (`X-API-Key`) or a facility user; a key ' +
          'or user sends only for its own facility (MACSKCB). The XMLDSig in CHUKYDONVI is verified against the ' +
          "facility's registered certificate; unsigned files only where the facility accepts them. Each HOSO " +
          'is accepted (stored, replacing an earlier send of the same MA_LK) or rejected with its errors. ' +
          'Query `dryRun=true` validates without storing.',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
        response: { 200: receipt },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      const bytes = envelopeBytes(req.body, config.xmlBodyLimit);
      const result = await ingestEnvelope(bufferSource(bytes), {
        db,
        sender: { facilityCode: p.facilityCode, admin: p.roles.includes('admin'), name: p.username },
        source: 'api',
        dryRun: req.query.dryRun === 'true',
        audit: (events) => requestAuditRecords(req, auditRecords(events)),
        onStoreError: (e) => {
          req.log.error(
            { err: { message: e instanceof Error ? e.message : String(e) } },
            'xml130 store failed',
          );
        },
      });
      if (isRefusal(result)) {
        await req.audit({
          action: 'import',
          resource: 'XmlEnvelope',
          resourceId: result.sha256 ?? null,
          outcome: 'denied',
          details: { code: result.code },
        });
        throw new ApiError(result.status, result.code, result.message, { errors: result.errors });
      }
      return result;
    },
  );
};
