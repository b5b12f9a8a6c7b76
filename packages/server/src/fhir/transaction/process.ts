/**
 * `POST /fhir/R4` with a transaction or batch Bundle: plan the entries, give them ids, resolve every
 * reference, map each resource to its canonical row (domain), write. A transaction is all or nothing
 * (one database transaction; the first problem fails the request with an OperationOutcome); a batch
 * writes what it can and answers every entry (201/200, or an OperationOutcome).
 */
import type { FastifyRequest } from 'fastify';
import type { Bundle, BundleEntry, OperationOutcome } from '@medplum/fhirtypes';
import { instant, outcome } from '@suckhoe/domain/fhir/index';
import { importResource, type ImportWrite } from '@suckhoe/domain/fhir/import/index';
import type { RequestAudit } from '../../audit/request.ts';
import type { Db, Queryable } from '../../db/types.ts';
import { ApiError } from '../../http/errors.ts';
import { FhirError } from '../errors.ts';
import { assignIds, type Assigned } from './assign.ts';
import { planBundle, type EntryError } from './plan.ts';
import { BundleResolver } from './resolver.ts';
import { CLINICAL_COLUMNS, CLINICAL_TABLES, type ClinicalTable } from './store-clinical.ts';
import { upsertDirectory } from './store-directory.ts';
import { createPerson, updatePerson } from './store-person.ts';
import { upsertRows, type ColumnSpec } from './upsert.ts';

interface Mapped {
  readonly a: Assigned;
  readonly write: ImportWrite | null;
}

interface EntryResult {
  readonly index: number;
  readonly status: number;
  readonly location?: string;
  readonly outcome?: OperationOutcome;
  readonly personId?: string | null;
  readonly created?: boolean;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

const errorResult = (e: EntryError): EntryResult => ({
  index: e.index,
  status: e.status,
  outcome: outcome([{ code: e.issue, diagnostics: e.message, errorCode: e.code }]),
});

function asEntryError(index: number, err: unknown): EntryError {
  if (err instanceof FhirError)
    return {
      index,
      status: err.statusCode,
      code: err.code,
      message: err.message,
      issue: err.issue === 'conflict' ? 'conflict' : 'invalid',
    };
  if (err instanceof ApiError)
    return { index, status: err.statusCode, code: err.code, message: err.message, issue: 'invalid' };
  const code = (err as { code?: unknown }).code;
  if (code === '23505')
    return {
      index,
      status: 409,
      code: 'CONFLICT',
      message: `Mục ${index}: trùng dữ liệu đã có.`,
      issue: 'conflict',
    };
  return {
    index,
    status: 500,
    code: 'INTERNAL_ERROR',
    message: `Mục ${index}: lỗi khi lưu.`,
    issue: 'processing',
  };
}

const personOfWrite = (m: Mapped): string | null =>
  m.write === null
    ? m.a.personId
    : m.write.table === 'person'
      ? m.a.id
      : m.write.table === 'directory_entry'
        ? null
        : m.write.row.personId;

/** Writes mapped entries in `q` (one transaction); returns per-entry results. */
async function writeAll(q: Queryable, items: readonly Mapped[]): Promise<EntryResult[]> {
  const results: EntryResult[] = [];
  const byTable = new Map<ClinicalTable, Mapped[]>();
  for (const m of items) {
    const { a, write } = m;
    const location = `${a.entry.type}/${a.id}`;
    if (write === null) {
      results.push({ index: a.entry.index, status: 200, location, personId: a.personId, created: false });
    } else if (write.table === 'person') {
      if (a.exists) await updatePerson(q, a.id, write.row);
      else await createPerson(q, a.id, write.row, a.alias);
      results.push({
        index: a.entry.index,
        status: a.exists ? 200 : 201,
        location,
        personId: a.id,
        created: !a.exists,
      });
    } else if (write.table === 'directory_entry') {
      const created = await upsertDirectory(q, a.id, write.row);
      results.push({ index: a.entry.index, status: created ? 201 : 200, location, created });
    } else {
      const l = byTable.get(write.table);
      if (l) l.push(m);
      else byTable.set(write.table, [m]);
    }
  }
  for (const table of CLINICAL_TABLES) {
    const list = byTable.get(table);
    if (!list) continue;
    const rows = list.map((m) => m.write!.row) as { personId: string; id: string }[];
    const inserted = await upsertRows(
      q,
      table,
      CLINICAL_COLUMNS[table] as readonly ColumnSpec<{ personId: string; id: string }>[],
      rows,
    );
    for (const m of list) {
      const created = inserted.has(m.a.id);
      results.push({
        index: m.a.entry.index,
        status: created ? 201 : 200,
        location: `${m.a.entry.type}/${m.a.id}`,
        personId: personOfWrite(m),
        created,
      });
    }
  }
  return results;
}

function responseBundle(
  kind: 'transaction' | 'batch',
  count: number,
  results: readonly EntryResult[],
): Bundle {
  const by = new Map(results.map((r) => [r.index, r]));
  const now = instant(new Date().toISOString());
  const entry: BundleEntry[] = Array.from({ length: count }, (_, i) => {
    const r = by.get(i);
    if (!r) return { response: { status: '500 Internal Server Error' } };
    return {
      response: {
        status: `${r.status} ${STATUS_TEXT[r.status] ?? ''}`.trim(),
        ...(r.location ? { location: r.location } : {}),
        ...(r.status < 300 && now ? { lastModified: now } : {}),
        ...(r.outcome ? { outcome: r.outcome } : {}),
      },
    };
  });
  return {
    resourceType: 'Bundle',
    type: kind === 'transaction' ? 'transaction-response' : 'batch-response',
    ...(entry.length ? { entry } : {}),
  };
}

function auditOf(results: readonly EntryResult[]): RequestAudit[] {
  const per = new Map<string, { n: number; created: number }>();
  for (const r of results) {
    if (!r.personId || r.status >= 300) continue;
    const x = per.get(r.personId) ?? { n: 0, created: 0 };
    x.n++;
    if (r.created) x.created++;
    per.set(r.personId, x);
  }
  return [...per.entries()].map(([personId, x]) => ({
    action: 'import' as const,
    resource: 'FhirBundle',
    personId,
    details: { resources: x.n, created: x.created },
  }));
}

export async function processBundle(req: FastifyRequest, db: Db, body: unknown): Promise<Bundle> {
  const plan = planBundle(body);
  const total = (body as Bundle).entry?.length ?? 0;
  const fail = (e: EntryError): never => {
    throw new FhirError(
      e.status,
      e.code,
      e.message,
      e.issue === 'not-supported'
        ? 'not-supported'
        : e.status === 409
          ? 'conflict'
          : e.status === 404
            ? 'not-found'
            : 'invalid',
    );
  };
  if (plan.kind === 'transaction' && plan.errors[0]) fail(plan.errors[0]);
  const errors: EntryError[] = [...plan.errors];
  const assigned: Assigned[] = [];
  for (const a of await assignIds(db, plan.entries)) {
    if ('status' in a) errors.push(a);
    else assigned.push(a);
  }
  if (plan.kind === 'transaction' && errors[0]) fail(errors[0]);
  const resolver = new BundleResolver(db, assigned);
  await resolver.prepare(assigned.map((a) => a.entry.resource));
  const mapped: Mapped[] = [];
  for (const a of assigned) {
    if (a.matched) {
      mapped.push({ a, write: null });
      continue;
    }
    const r = importResource(a.entry.resource, a.id, resolver);
    if (r.ok) mapped.push({ a, write: r.row });
    else {
      const first = r.issues[0]!;
      const status = first.code === 'not-found' ? 404 : first.code === 'not-supported' ? 400 : 422;
      errors.push({
        index: a.entry.index,
        status,
        code:
          first.code === 'not-found'
            ? 'REFERENCE_NOT_FOUND'
            : first.code === 'not-supported'
              ? 'TYPE_NOT_SUPPORTED'
              : 'RESOURCE_INVALID',
        message: `Mục ${a.entry.index}: ${r.issues.map((i) => i.message).join(' ')}`,
        issue:
          first.code === 'not-found'
            ? 'not-found'
            : first.code === 'not-supported'
              ? 'not-supported'
              : 'processing',
      });
    }
  }
  if (plan.kind === 'transaction' && errors[0]) fail(errors[0]);

  let results: EntryResult[];
  if (plan.kind === 'transaction') {
    results = await db.transaction((tx) => writeAll(tx, mapped));
  } else {
    try {
      results = await db.transaction((tx) => writeAll(tx, mapped));
    } catch {
      // One entry spoiled the batch's single transaction: write entry by entry so the others land.
      results = [];
      for (const m of mapped) {
        try {
          results.push(...(await db.transaction((tx) => writeAll(tx, [m]))));
        } catch (err) {
          results.push(errorResult(asEntryError(m.a.entry.index, err)));
        }
      }
    }
  }
  results.push(...errors.map(errorResult));
  const events = auditOf(results);
  if (events.length) await req.audit(events);
  return responseBundle(plan.kind, total, results);
}
