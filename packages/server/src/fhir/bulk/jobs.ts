/** Bulk Data export jobs and their NDJSON files (tables fhir_export_job, fhir_export_file). */
import type { AuditActor } from '../../audit/types.ts';
import type { Queryable } from '../../db/types.ts';

export type JobLevel = 'system' | 'group' | 'patient';
export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface ExportJob {
  readonly id: string;
  readonly level: JobLevel;
  readonly groupId: string | null;
  readonly types: readonly string[];
  readonly since: string | null;
  readonly status: JobStatus;
  readonly requestUrl: string;
  readonly requester: AuditActor;
  readonly personScope: readonly string[] | null;
  readonly personsDone: number;
  readonly personsTotal: number | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

const COLS = `id, level, group_id AS "groupId", types, since, status, request_url AS "requestUrl", requester,
  person_scope AS "personScope", persons_done AS "personsDone", persons_total AS "personsTotal", error,
  created_at AS "createdAt", finished_at AS "finishedAt"`;

type Row = ExportJob & Record<string, unknown>;

export async function createJob(
  q: Queryable,
  j: Pick<
    ExportJob,
    'id' | 'level' | 'groupId' | 'types' | 'since' | 'requestUrl' | 'requester' | 'personScope'
  >,
): Promise<void> {
  await q.query(
    `INSERT INTO fhir_export_job (id, level, group_id, types, since, request_url, requester, person_scope)
     VALUES ($1::uuid, $2, $3, $4::text[], $5::timestamptz, $6, $7::jsonb, $8::uuid[])`,
    [
      j.id,
      j.level,
      j.groupId,
      [...j.types],
      j.since,
      j.requestUrl,
      JSON.stringify(j.requester),
      j.personScope ? [...j.personScope] : null,
    ],
  );
}

export async function getJob(q: Queryable, id: string): Promise<ExportJob | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [r] = await q.query<Row>(`SELECT ${COLS} FROM fhir_export_job WHERE id = $1::uuid`, [id]);
  return r ?? null;
}

/** Claims the oldest queued job (or one whose worker stopped beating), for this worker. */
export async function claimJob(q: Queryable, worker: string): Promise<ExportJob | null> {
  const [r] = await q.query<Row>(
    `UPDATE fhir_export_job SET status = 'running', started_at = coalesce(started_at, now()), worker = $1, heartbeat_at = now()
     WHERE id = (SELECT id FROM fhir_export_job
                 WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - interval '2 minutes')
                 ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
     RETURNING ${COLS}`,
    [worker],
  );
  return r ?? null;
}

/** Progress; resolves false when the job was cancelled meanwhile (the worker then stops). */
export async function beat(q: Queryable, id: string, done: number, total: number | null): Promise<boolean> {
  const rows = await q.query<{ status: string }>(
    `UPDATE fhir_export_job SET heartbeat_at = now(), persons_done = $2, persons_total = coalesce($3, persons_total)
     WHERE id = $1::uuid RETURNING status`,
    [id, done, total],
  );
  return rows[0]?.status === 'running';
}

export async function finishJob(
  q: Queryable,
  id: string,
  status: 'completed' | 'failed',
  error: string | null,
): Promise<void> {
  await q.query(
    `UPDATE fhir_export_job SET status = $2, error = $3, finished_at = now(), expires_at = now() + interval '1 day'
     WHERE id = $1::uuid AND status = 'running'`,
    [id, status, error],
  );
}

export async function cancelJob(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE fhir_export_job SET status = 'cancelled', finished_at = now(), expires_at = now() + interval '1 hour'
     WHERE id = $1::uuid AND status IN ('queued', 'running') RETURNING id`,
    [id],
  );
  if (rows.length) await q.query('DELETE FROM fhir_export_file WHERE job_id = $1::uuid', [id]);
  return rows.length > 0;
}

export async function addFile(
  q: Queryable,
  jobId: string,
  seq: number,
  type: string,
  lines: readonly string[],
): Promise<void> {
  await q.query(
    'INSERT INTO fhir_export_file (job_id, seq, resource_type, count, content) VALUES ($1::uuid, $2, $3, $4, $5)',
    [jobId, seq, type, lines.length, `${lines.join('\n')}\n`],
  );
}

export async function listFiles(
  q: Queryable,
  jobId: string,
): Promise<{ seq: number; type: string; count: number }[]> {
  return q.query<{ seq: number; type: string; count: number }>(
    'SELECT seq, resource_type AS type, count FROM fhir_export_file WHERE job_id = $1::uuid ORDER BY seq',
    [jobId],
  );
}

export async function fileContent(q: Queryable, jobId: string, seq: number): Promise<string | null> {
  const [r] = await q.query<{ content: string }>(
    'SELECT content FROM fhir_export_file WHERE job_id = $1::uuid AND seq = $2',
    [jobId, seq],
  );
  return r?.content ?? null;
}

/** Removes jobs past their expiry (files go with them). */
export async function purgeExpired(q: Queryable): Promise<void> {
  await q.query('DELETE FROM fhir_export_job WHERE expires_at IS NOT NULL AND expires_at < now()');
}
