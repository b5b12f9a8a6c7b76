/**
 * The in-process Bulk Data worker: claims queued export jobs (SKIP LOCKED: several servers share
 * the queue), walks the job's persons page by page, maps each record to FHIR (consent applied as
 * for the requester's facility), writes NDJSON parts per resource type, audits every exported
 * person, beats a heartbeat (a job of a dead worker is taken over after 2 minutes) and stops when
 * the job is cancelled.
 */
import { randomUUID } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import {
  directoryResource,
  facilityOrganization,
  recordResources,
  type DirectoryRow,
} from '@suckhoe/domain/fhir/index';
import { appendAudit } from '../../audit/store.ts';
import { consentFilter } from '../../consent/repo.ts';
import type { Db } from '../../db/types.ts';
import { loadRecord } from '../../healthbook/load.ts';
import { allFacilities } from '../directory-repo.ts';
import { groupFacility, GROUP_MEMBERS_SQL } from '../groups.ts';
import { todayVn } from '../http.ts';
import { addFile, beat, claimJob, finishJob, purgeExpired, type ExportJob } from './jobs.ts';

const PAGE = 100;
const FILE_RESOURCES = 5000;
const IDLE_MS = 1000;

class Output {
  private seq = 0;
  private readonly buffers = new Map<string, string[]>();
  constructor(
    private readonly db: Db,
    private readonly job: ExportJob,
  ) {}

  async add(r: Resource): Promise<void> {
    if (!this.job.types.includes(r.resourceType)) return;
    if (this.job.since && r.meta?.lastUpdated && Date.parse(r.meta.lastUpdated) < Date.parse(this.job.since))
      return;
    let b = this.buffers.get(r.resourceType);
    if (!b) this.buffers.set(r.resourceType, (b = []));
    b.push(JSON.stringify(r));
    if (b.length >= FILE_RESOURCES) await this.flush(r.resourceType);
  }

  async flush(type?: string): Promise<void> {
    for (const [t, lines] of this.buffers) {
      if ((type && t !== type) || lines.length === 0) continue;
      await addFile(this.db, this.job.id, this.seq++, t, lines);
      this.buffers.set(t, []);
    }
  }
}

async function personPage(db: Db, job: ExportJob, after: string | null, offset: number): Promise<string[]> {
  if (job.personScope) return job.personScope.slice(offset, offset + PAGE);
  if (job.level === 'group') {
    const code = groupFacility(job.groupId ?? '') ?? '';
    return (await db.query<{ person_id: string }>(GROUP_MEMBERS_SQL, [code, after, PAGE])).map(
      (r) => r.person_id,
    );
  }
  return (
    await db.query<{ id: string }>(
      `SELECT id FROM person WHERE status = 'active' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT ${PAGE}`,
      [after],
    )
  ).map((r) => r.id);
}

async function personTotal(db: Db, job: ExportJob): Promise<number> {
  if (job.personScope) return job.personScope.length;
  if (job.level === 'group') {
    const [r] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT person_id FROM episode WHERE facility_code = $1
         UNION SELECT person_id FROM care_relationship WHERE facility_code = $1
         UNION SELECT person_id FROM checkin WHERE facility_code = $1) m`,
      [groupFacility(job.groupId ?? '') ?? ''],
    );
    return r?.n ?? 0;
  }
  const [r] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM person WHERE status = 'active'");
  return r?.n ?? 0;
}

/** Runs one job to its end (or cancellation). */
export async function runJob(db: Db, job: ExportJob): Promise<void> {
  const out = new Output(db, job);
  const total = await personTotal(db, job);
  const today = todayVn();
  const referenced = new Map<string, Resource>();
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await personPage(db, job, after, done);
    if (ids.length === 0) break;
    for (const personId of ids) {
      const view = await consentFilter(db, personId, { facilityCode: job.requester.facilityCode });
      const loaded = await loadRecord(db, personId, {
        hidden: [...view.hiddenEpisodes],
        blocked: view.facilityBlocked,
        fullDocuments: true,
      });
      if (!loaded) continue;
      for (const r of recordResources(loaded.record, { today, withReferenced: true })) {
        if (r.resourceType === 'Organization' || r.resourceType === 'Practitioner')
          referenced.set(`${r.resourceType}/${r.id ?? ''}`, r);
        else await out.add(r);
      }
    }
    await appendAudit(
      db,
      ids.map((personId) => ({
        actor: job.requester,
        action: 'export' as const,
        resourceType: 'BulkExport',
        resourceId: job.id,
        personId,
        purpose: 'FHIR Bulk Data $export',
      })),
    );
    done += ids.length;
    after = ids[ids.length - 1] ?? after;
    if (!(await beat(db, job.id, done, total))) return; // cancelled
  }
  if (job.level === 'system') {
    for (const f of await allFacilities(db))
      referenced.set(`Organization/${f.code}`, facilityOrganization(f));
    const dir = await db.query<DirectoryRow & Record<string, unknown>>(
      `SELECT kind, id, name, identifiers, active, part_of AS "partOf", practitioner_id AS "practitionerId", details, updated_at AS "updatedAt"
       FROM directory_entry ORDER BY kind, id`,
    );
    for (const d of dir) referenced.set(`${d.kind}/${d.id}`, directoryResource(d));
  }
  for (const r of referenced.values()) await out.add(r);
  await out.flush();
  await finishJob(db, job.id, 'completed', null);
}

export class ExportWorker {
  private readonly name = `worker-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {}

  start(): void {
    this.schedule(IDLE_MS);
  }

  /** Look for work now (after a kick-off). */
  kick(): void {
    if (!this.running && !this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick().finally(() => {
        this.running = null;
      });
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let worked = false;
    try {
      await purgeExpired(this.db);
      const job = await claimJob(this.db, this.name);
      if (job) {
        worked = true;
        try {
          await runJob(this.db, job);
        } catch (err) {
          this.log('bulk export failed', err);
          await finishJob(this.db, job.id, 'failed', 'Lỗi khi xuất dữ liệu.');
        }
      }
    } catch (err) {
      if (!this.stopped) this.log('bulk export worker error', err);
    }
    this.schedule(worked ? 0 : IDLE_MS);
  }
}
