/**
 * Bulk Data Access (FHIR Bulk Data IG v2, async pattern): kick-off `GET [base]/$export`,
 * `GET [base]/Patient/$export`, `GET [base]/Group/{id}/$export` with `Prefer: respond-async` → 202 and
 * `Content-Location` of the status URL; polling `GET [base]/$export-status/{job}` → 202 (with
 * `X-Progress`) until done, then the JSON manifest; `DELETE` cancels; files at
 * `GET [base]/$export-file/{job}.{n}` (`application/fhir+ndjson`).
 * Who: system level — admin; Patient level — admin (everyone) or a facility (the persons it has
 * in care); Group level (`facility-{code}`) — admin, or that facility. Every exported person is audited.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { EXPORT_TYPES, outcome } from '@suckhoe/domain/fhir/index';
import { actorOf } from '../../audit/request.ts';
import { personsInCare } from '../../auth/care.ts';
import { requirePrincipal } from '../../auth/guard.ts';
import { actsForFacility } from '../../auth/scope.ts';
import type { Db } from '../../db/types.ts';
import type { App } from '../../http/types.ts';
import { FhirError, resourceNotFound } from '../errors.ts';
import { groupFacility, GROUP_MEMBERS_SQL } from '../groups.ts';
import { baseUrl } from '../http.ts';
import {
  cancelJob,
  createJob,
  fileContent,
  getJob,
  listFiles,
  type ExportJob,
  type JobLevel,
} from './jobs.ts';
import type { ExportWorker } from './worker.ts';

export const EXPORT_ROLES = {
  system: ['admin'],
  patient: ['facility_admin', 'integration_client'],
  group: ['facility_admin', 'integration_client'],
  status: ['facility_admin', 'integration_client'],
} as const;

const NDJSON_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);
const PERSON_TYPES = EXPORT_TYPES.filter((t) => !['Location', 'PractitionerRole'].includes(t));

const kickOffQuery = z.object({
  _outputFormat: z.string().optional(),
  _type: z.string().max(2000).optional(),
  _since: z.string().max(40).optional(),
  _typeFilter: z.string().optional(),
  patient: z.string().optional(),
  includeAssociatedData: z.string().optional(),
});
type KickOffQuery = z.infer<typeof kickOffQuery>;

async function facilityMembers(db: Db, code: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: string[] = (
      await db.query<{ person_id: string }>(GROUP_MEMBERS_SQL, [code, after, 5000])
    ).map((r) => r.person_id);
    out.push(...page);
    if (page.length < 5000) return out;
    after = page[page.length - 1] ?? null;
  }
}

function parseTypes(level: JobLevel, raw: string | undefined): string[] {
  const allowed = level === 'system' ? EXPORT_TYPES : PERSON_TYPES;
  if (!raw) return [...allowed];
  const types = raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const bad = types.filter((t) => !allowed.includes(t));
  if (bad.length)
    throw new FhirError(
      400,
      'EXPORT_TYPE_NOT_SUPPORTED',
      `Không xuất được loại: ${bad.join(', ').slice(0, 200)}.`,
      'not-supported',
    );
  return types;
}

export function registerBulkRoutes(app: App, db: Db, worker: ExportWorker): void {
  const kickOff = async (
    req: FastifyRequest,
    reply: FastifyReply,
    level: JobLevel,
    q: KickOffQuery,
    groupId: string | null,
  ) => {
    const p = requirePrincipal(req);
    const prefer = String(req.headers.prefer ?? '');
    if (!/respond-async/i.test(prefer)) {
      throw new FhirError(
        400,
        'PREFER_RESPOND_ASYNC_REQUIRED',
        'Yêu cầu $export cần header Prefer: respond-async.',
        'invalid',
      );
    }
    if (q._outputFormat && !NDJSON_FORMATS.has(q._outputFormat)) {
      throw new FhirError(
        400,
        'OUTPUT_FORMAT_NOT_SUPPORTED',
        'Chỉ hỗ trợ _outputFormat=application/fhir+ndjson.',
        'not-supported',
      );
    }
    if (q._typeFilter !== undefined || q.patient !== undefined || q.includeAssociatedData !== undefined) {
      throw new FhirError(
        400,
        'EXPORT_PARAMETER_NOT_SUPPORTED',
        'Chưa hỗ trợ _typeFilter, patient, includeAssociatedData.',
        'not-supported',
      );
    }
    const since = q._since ? Date.parse(q._since) : null;
    if (since !== null && Number.isNaN(since))
      throw new FhirError(400, 'INVALID_DATE', '_since không phải thời điểm hợp lệ.', 'invalid');
    const types = parseTypes(level, q._type);
    const admin = p.roles.includes('admin');
    let scope: string[] | null = null;
    if (level === 'group') {
      const code = groupFacility(groupId ?? '');
      if (
        !code ||
        !actsForFacility(p, code) ||
        (await db.query('SELECT 1 FROM facility WHERE code = $1', [code])).length === 0
      ) {
        throw resourceNotFound('Group', groupId ?? '');
      }
      if (!admin) scope = await facilityMembers(db, code);
    } else if (level === 'patient' && !admin) {
      if (!p.facilityCode)
        throw new FhirError(403, 'FACILITY_REQUIRED', 'Tài khoản chưa gắn với cơ sở y tế.', 'forbidden');
      scope = await facilityMembers(db, p.facilityCode);
    }
    if (scope && p.facilityCode && !admin) {
      const window = req.securityDeps.config.security.careWindowDays;
      const inCare = await personsInCare(db, scope, p.facilityCode, window);
      scope = scope.filter((id) => inCare.has(id));
    }
    const id = randomUUID();
    await createJob(db, {
      id,
      level,
      groupId,
      types,
      since: since === null ? null : new Date(since).toISOString(),
      requestUrl: `${baseUrl(req)}${req.url.replace(/^\/fhir\/R4/, '')}`,
      requester: actorOf(p),
      personScope: scope,
    });
    await req.audit({
      action: 'export',
      resource: 'BulkExport',
      resourceId: id,
      details: { level, types: types.length },
    });
    worker.kick();
    return reply
      .status(202)
      .header('content-location', `${baseUrl(req)}/$export-status/${id}`)
      .send(
        outcome([
          {
            severity: 'information',
            code: 'informational',
            diagnostics: 'Đã nhận yêu cầu xuất dữ liệu; theo dõi tại Content-Location.',
          },
        ]),
      );
  };

  const ownJob = async (req: FastifyRequest, id: string): Promise<ExportJob> => {
    const p = requirePrincipal(req);
    const job = await getJob(db, id);
    if (!job || (job.requester.id !== p.id && !p.roles.includes('admin')))
      throw resourceNotFound('$export', id);
    return job;
  };

  app.get(
    '/$export',
    {
      config: { roles: EXPORT_ROLES.system },
      schema: {
        tags: ['fhir'],
        summary: 'Bulk Data: xuất toàn hệ thống (NDJSON)',
        querystring: kickOffQuery,
      },
    },
    (req, reply) => kickOff(req, reply, 'system', req.query, null),
  );
  app.get(
    '/Patient/$export',
    {
      config: { roles: EXPORT_ROLES.patient },
      schema: {
        tags: ['fhir'],
        summary: 'Bulk Data: xuất dữ liệu người bệnh (NDJSON)',
        querystring: kickOffQuery,
      },
    },
    (req, reply) => kickOff(req, reply, 'patient', req.query, null),
  );
  app.get(
    '/Group/:id/$export',
    {
      config: { roles: EXPORT_ROLES.group },
      schema: {
        tags: ['fhir'],
        summary: 'Bulk Data: xuất dữ liệu nhóm người dân của một cơ sở',
        params: z.object({ id: z.string().max(64) }),
        querystring: kickOffQuery,
      },
    },
    (req, reply) => kickOff(req, reply, 'group', req.query, req.params.id),
  );

  app.get(
    '/$export-status/:id',
    {
      config: { roles: EXPORT_ROLES.status },
      schema: {
        tags: ['fhir'],
        summary: 'Bulk Data: trạng thái xuất dữ liệu',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      const job = await ownJob(req, req.params.id);
      if (job.status === 'queued' || job.status === 'running') {
        const progress = job.personsTotal ? `${job.personsDone}/${job.personsTotal} người` : 'đang chuẩn bị';
        return reply
          .status(202)
          .header('x-progress', encodeURIComponent(progress))
          .header('retry-after', '2')
          .send();
      }
      if (job.status === 'cancelled') throw resourceNotFound('$export', job.id);
      if (job.status === 'failed')
        throw new FhirError(500, 'EXPORT_FAILED', job.error ?? 'Xuất dữ liệu không thành công.', 'exception');
      const base = baseUrl(req);
      const files = await listFiles(db, job.id);
      reply.header('content-type', 'application/json; charset=utf-8');
      markRawJson(reply);
      return {
        transactionTime: job.createdAt,
        request: job.requestUrl,
        requiresAccessToken: true,
        output: files.map((f) => ({
          type: f.type,
          url: `${base}/$export-file/${job.id}.${f.seq}`,
          count: f.count,
        })),
        error: [],
      };
    },
  );

  app.delete(
    '/$export-status/:id',
    {
      config: { roles: EXPORT_ROLES.status },
      schema: {
        tags: ['fhir'],
        summary: 'Bulk Data: hủy xuất dữ liệu',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      const job = await ownJob(req, req.params.id);
      if (!(await cancelJob(db, job.id))) throw resourceNotFound('$export', job.id);
      return reply
        .status(202)
        .send(
          outcome([
            { severity: 'information', code: 'informational', diagnostics: 'Đã hủy yêu cầu xuất dữ liệu.' },
          ]),
        );
    },
  );

  app.get(
    '/$export-file/:id',
    {
      config: { roles: EXPORT_ROLES.status },
      schema: {
        tags: ['fhir'],
        summary: 'Bulk Data: tệp NDJSON',
        params: z.object({ id: z.string().max(80) }),
      },
    },
    async (req, reply) => {
      const m = /^([0-9a-f-]{36})\.(\d{1,6})$/i.exec(req.params.id);
      if (!m) throw resourceNotFound('$export-file', req.params.id);
      const job = await ownJob(req, m[1] ?? '');
      const content = job.status === 'completed' ? await fileContent(db, job.id, Number(m[2])) : null;
      if (content === null) throw resourceNotFound('$export-file', req.params.id);
      return reply.header('content-type', 'application/fhir+ndjson').send(content);
    },
  );
}

const RAW = new WeakSet<object>();
/** Keep `application/json` (the Bulk Data manifest is not a FHIR resource). */
export const markRawJson = (reply: FastifyReply): void => {
  RAW.add(reply);
};
export const isRawJson = (reply: FastifyReply): boolean => RAW.has(reply);
