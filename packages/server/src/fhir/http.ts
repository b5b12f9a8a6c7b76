/** Media type, body parsing and response helpers of the FHIR endpoint (`application/fhir+json`). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const FHIR_BASE_PATH = '/fhir/R4';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Accept `application/fhir+json` (and `application/json`) bodies up to `limit` bytes, in this plugin's scope. */
export function registerFhirBody(app: FastifyInstance, limit: number): void {
  app.removeContentTypeParser(['application/json']);
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser(
    ['application/fhir+json', 'application/json'],
    { parseAs: 'string', bodyLimit: limit },
    parse,
  );
}

/** Every FHIR response is `application/fhir+json` (Fastify would say application/json), except `keep` ones. */
export function forceFhirContentType(app: FastifyInstance, keep: (reply: FastifyReply) => boolean): void {
  app.addHook('onSend', async (_req, reply: FastifyReply, payload) => {
    if (keep(reply)) return payload;
    const ct = reply.getHeader('content-type');
    if (typeof ct !== 'string' || ct.startsWith('application/json'))
      void reply.header('content-type', FHIR_JSON);
    return payload;
  });
}

/** `http://host/fhir/R4` as the client reached it (for fullUrl and paging links). */
export function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? '127.0.0.1'}${FHIR_BASE_PATH}`;
}

/** The query string of a request without `_count` and `_offset` (paging links add their own). */
export function queryWithoutPaging(req: FastifyRequest): string {
  const q = req.url.indexOf('?');
  if (q < 0) return '';
  const params = new URLSearchParams(req.url.slice(q + 1));
  params.delete('_count');
  params.delete('_offset');
  return params.toString();
}

/** Today in Vietnam (`YYYY-MM-DD`). */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
