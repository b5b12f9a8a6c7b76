/**
 * HL7 FHIR R4 at `/fhir/R4` (`application/fhir+json`): CapabilityStatement, read and search of every
 * type of the view, `Patient/{id}/$everything`, transaction/batch Bundles and create/update of the
 * importable types, Bulk Data `$export`. Errors are OperationOutcomes (errors.ts). The FHIR view is
 * computed from the canonical model (domain/fhir); see README.md.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import {
  capabilityStatement,
  isImportable,
  outcome,
  parseSearch,
  RESOURCE_TYPES,
} from '@suckhoe/domain/fhir/index';
import type { Capability, Deps } from '../http/types.ts';
import { searchAuditEvents } from './audit-events.ts';
import { isRawJson, registerBulkRoutes } from './bulk/routes.ts';
import { ExportWorker } from './bulk/worker.ts';
import { FhirError } from './errors.ts';
import { installFhirErrors } from './errors.ts';
import { everything } from './everything.ts';
import { baseUrl, FHIR_BASE_PATH, FHIR_JSON, forceFhirContentType, registerFhirBody } from './http.ts';
import { sendStored } from '../http/stored-body.ts';
import { readResource } from './read.ts';
import { readersOf, WRITERS } from './roles.ts';
import { searchClinical } from './search-clinical.ts';
import { searchPatients } from './search-patient.ts';
import { searchShared } from './search-shared.ts';
import { processBundle } from './transaction/process.ts';

const VERSION = '0.1.0';
const SHARED = new Set(['Organization', 'Practitioner', 'Location', 'PractitionerRole']);
const idParams = z.object({ id: z.string().min(1).max(64) });

function lenient(req: FastifyRequest): boolean {
  return /handling\s*=\s*lenient/i.test(String(req.headers.prefer ?? ''));
}

async function search(req: FastifyRequest, deps: Deps, type: string): Promise<Bundle> {
  const s = parseSearch(type, req.query as Record<string, string | string[]>);
  if (s.unknown.length && !lenient(req)) {
    throw new FhirError(
      400,
      'SEARCH_PARAMETER_NOT_SUPPORTED',
      `Tham số tìm kiếm chưa được hỗ trợ cho ${type}: ${s.unknown.join(', ').slice(0, 300)} (gửi Prefer: handling=lenient để bỏ qua).`,
      'not-supported',
    );
  }
  if (type === 'Patient') return searchPatients(req, deps.db, s);
  if (type === 'AuditEvent') return searchAuditEvents(req, deps.db, s);
  if (SHARED.has(type)) return searchShared(req, deps.db, s);
  return searchClinical(req, deps.db, s);
}

/** One resource written through the Bundle processor (create or update-as-create). */
async function writeOne(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  type: string,
  id: string | null,
) {
  const body = req.body as Resource | undefined;
  if (!body || typeof body !== 'object' || body.resourceType !== type) {
    throw new FhirError(400, 'RESOURCE_TYPE_MISMATCH', `Cần gửi một ${type}.`, 'invalid');
  }
  const ifNoneExist = req.headers['if-none-exist'];
  const result = await processBundle(req, deps.db, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        resource: body,
        request: {
          method: id === null ? 'POST' : 'PUT',
          url: id === null ? type : `${type}/${id}`,
          ...(typeof ifNoneExist === 'string' ? { ifNoneExist } : {}),
        },
      },
    ],
  });
  const r = result.entry?.[0]?.response;
  const status = Number(r?.status.slice(0, 3) ?? 200);
  if (r?.location) void reply.header('location', `${baseUrl(req)}/${r.location}`);
  return reply.status(status).send(
    outcome([
      {
        severity: 'information',
        code: 'informational',
        diagnostics:
          status === 201 ? `Đã tạo ${r?.location ?? type}.` : `Đã cập nhật ${r?.location ?? type}.`,
      },
    ]),
  );
}

async function fhirApi(inner: FastifyInstance, deps: Deps, worker: ExportWorker): Promise<void> {
  const app = inner.withTypeProvider<ZodTypeProvider>();
  installFhirErrors(app);
  registerFhirBody(app, deps.config.xmlBodyLimit);
  forceFhirContentType(app, isRawJson);

  app.get(
    '/metadata',
    { config: { public: true }, schema: { tags: ['fhir'], summary: 'CapabilityStatement' } },
    async (req) =>
      capabilityStatement({
        base: baseUrl(req),
        version: VERSION,
        date: new Date().toISOString().slice(0, 10),
      }),
  );

  app.post(
    '/',
    {
      config: { roles: WRITERS },
      bodyLimit: deps.config.xmlBodyLimit,
      schema: { tags: ['fhir'], summary: 'Bundle transaction / batch (POST, PUT Type/id, ifNoneExist)' },
    },
    async (req) => processBundle(req, deps.db, req.body),
  );

  app.get(
    '/Patient/:id/$everything',
    {
      config: { roles: readersOf('Patient') },
      schema: {
        tags: ['fhir'],
        summary: 'Toàn bộ hồ sơ của một người bệnh (Bundle)',
        params: idParams,
        querystring: z.object({
          _type: z.string().max(1000).optional(),
          start: z.string().max(40).optional(),
          end: z.string().max(40).optional(),
          _since: z.string().max(40).optional(),
          _count: z.coerce.number().int().min(0).max(5000).optional(),
          _offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    async (req, reply) => {
      const r = await everything(req, deps.db, req.params.id, req.query);
      return sendStored(req, reply, r.body, r.etag, FHIR_JSON);
    },
  );

  registerBulkRoutes(app, deps.db, worker);

  for (const t of RESOURCE_TYPES) {
    const roles = readersOf(t.type);
    if (t.search) {
      app.get(
        `/${t.type}`,
        { config: { roles }, schema: { tags: ['fhir'], summary: `Tìm ${t.type}: ${t.documentation}` } },
        async (req) => search(req, deps, t.type),
      );
    }
    app.get(
      `/${t.type}/:id`,
      { config: { roles }, schema: { tags: ['fhir'], summary: `Đọc ${t.type}`, params: idParams } },
      async (req) => readResource(req, deps.db, t.type, req.params.id),
    );
    if (isImportable(t.type)) {
      app.post(
        `/${t.type}`,
        {
          config: { roles: WRITERS },
          bodyLimit: deps.config.xmlBodyLimit,
          schema: { tags: ['fhir'], summary: `Tạo ${t.type}` },
        },
        async (req, reply) => writeOne(req, reply, deps, t.type, null),
      );
      app.put(
        `/${t.type}/:id`,
        {
          config: { roles: WRITERS },
          bodyLimit: deps.config.xmlBodyLimit,
          schema: {
            tags: ['fhir'],
            summary: `Cập nhật (hoặc tạo với id của máy khách) ${t.type}`,
            params: idParams,
          },
        },
        async (req, reply) => writeOne(req, reply, deps, t.type, req.params.id),
      );
    }
  }
}

export const fhirRoutes: Capability = async (app, deps) => {
  const worker = new ExportWorker(deps.db, (msg, err) => {
    app.log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, msg);
  });
  app.addHook('onReady', async () => {
    worker.start();
  });
  app.addHook('onClose', async () => {
    await worker.stop();
  });
  await app.register(async (inner) => fhirApi(inner, deps, worker), { prefix: FHIR_BASE_PATH });
};
