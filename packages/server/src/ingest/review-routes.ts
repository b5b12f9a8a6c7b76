/**
 * The person review queue of ingest, over HTTP:
 * - `GET /api/v1/ingest/reviews` — items (default: open) with the episode's patient as the facility
 *   sent it, the person the episode is stored under, and candidate persons;
 * - `POST /api/v1/ingest/reviews/{id}/resolve` — `{ personId }` | `{ create: true }` | `{ reject: true, reason }`.
 * Roles as the persons registry's duplicate review (DESIGN.md §5: identity decisions are the registrar's
 * and the facility admin's): registrar and facility admin for their own facility's items, admin for all.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requirePrincipal } from '../auth/guard.ts';
import { facilityScopeForbidden } from '../auth/scope.ts';
import type { RequestAudit } from '../audit/request.ts';
import { ApiError } from '../http/errors.ts';
import type { Capability } from '../http/types.ts';
import { personSchema } from '../persons/schemas.ts';
import type { Person } from '../persons/model.ts';
import { resolveReview, type Decision, type ResolveOutcome } from './review-resolve.ts';
import {
  countReviews,
  getReviewRow,
  isoTime,
  listReviewRows,
  REVIEW_STATUSES,
  withPersons,
  type ReviewItem,
} from './review-store.ts';

const REVIEWERS = ['registrar', 'facility_admin'] as const;

/** A candidate is shown like a search result: no phone number, no street address. */
const candidatePerson = personSchema.omit({ phone: true, address: true }).extend({
  address: z.object({ provinceCode: z.string().nullable(), communeCode: z.string().nullable() }),
});

const itemSchema = z.object({
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  reason: z.string().describe('no_identifier | identifier_conflict'),
  facilityCode: z.string(),
  maLk: z.string(),
  episodeId: z.string(),
  createdAt: z.string(),
  episode: z
    .object({
      maBn: z.string().nullable(),
      encounterType: z.string().nullable(),
      admittedAt: z.string().nullable(),
      dischargedAt: z.string().nullable(),
      mainIcd: z.string().nullable(),
    })
    .nullable(),
  patient: z
    .object({
      fullName: z.string(),
      birthDate: z.string().nullable(),
      sex: z.enum(['male', 'female', 'unknown']),
      personalId: z.string().nullable(),
      insuranceCards: z.array(
        z.object({ number: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() }),
      ),
      socialInsuranceNumber: z.string().nullable(),
      ethnicCode: z.string().nullable(),
      address: z.string().nullable(),
      provinceCode: z.string().nullable(),
      communeCode: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable()
    .describe('The patient as the facility sent them in XML1 (the facility’s own data)'),
  currentPerson: candidatePerson.nullable().describe('The person the episode is stored under now'),
  candidates: z.array(
    z.object({
      person: candidatePerson,
      sources: z.array(z.enum(['ingest', 'name_birth', 'identifier'])),
    }),
  ),
  resolution: z
    .object({
      kind: z.enum(['linked', 'created', 'rejected']),
      personId: z.string().nullable(),
      reason: z.string().nullable(),
      resolvedBy: z.string().nullable(),
      resolvedAt: z.string().nullable(),
    })
    .nullable(),
});

const resolveBody = z.union([
  z.object({ personId: z.uuid() }).strict(),
  z.object({ create: z.literal(true) }).strict(),
  z.object({ reject: z.literal(true), reason: z.string().trim().min(3).max(500) }).strict(),
]);

const outcomeSchema = z.object({
  id: z.string(),
  facilityCode: z.string(),
  maLk: z.string(),
  episodeId: z.string(),
  resolution: z.enum(['linked', 'created', 'rejected']),
  personId: z.string(),
  previousPersonId: z.string(),
  moved: z.boolean(),
  personCreated: z.boolean(),
  mergedPersonId: z.string().nullable(),
  resolvedBy: z.string(),
  resolvedAt: z.string(),
  replayed: z.boolean(),
});

const shown = (p: Person): z.infer<typeof candidatePerson> => ({
  id: p.id,
  personalId: p.personalId,
  fullName: p.fullName,
  birthDate: p.birthDate,
  sex: p.sex,
  ethnicCode: p.ethnicCode,
  identifiers: p.identifiers,
  address: { provinceCode: p.address.provinceCode, communeCode: p.address.communeCode },
  status: p.status,
  mergedInto: p.mergedInto,
});

function itemOut(x: ReviewItem): z.infer<typeof itemSchema> {
  const r = x.row;
  const p = r.patient;
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    facilityCode: r.facility_code,
    maLk: r.ma_lk,
    episodeId: r.episode_id,
    createdAt: isoTime(r.created_at)!,
    episode:
      r.patient === null
        ? null
        : {
            maBn: r.ma_bn,
            encounterType: r.encounter_type,
            admittedAt: isoTime(r.admitted_at),
            dischargedAt: isoTime(r.discharged_at),
            mainIcd: r.main_icd,
          },
    patient:
      p === null
        ? null
        : {
            fullName: p.hoTen,
            birthDate: p.ngaySinh?.date ?? (p.ngaySinh ? String(p.ngaySinh.year) : null),
            sex: p.gender,
            personalId: p.soCccd ?? null,
            insuranceCards: p.cards.map((c) => ({
              number: c.number,
              validFrom: c.validFrom ?? null,
              validTo: c.validTo ?? null,
            })),
            socialInsuranceNumber: p.maBhxh ?? null,
            ethnicCode: p.maDanToc ?? null,
            address: p.diaChi ?? null,
            provinceCode: p.maTinhCuTru ?? null,
            communeCode: p.maXaCuTru ?? null,
            phone: p.dienThoai ?? null,
          },
    currentPerson: x.currentPerson ? shown(x.currentPerson) : null,
    candidates: x.candidates.map((c) => ({ person: shown(c.person), sources: c.sources })),
    resolution:
      r.resolution === null
        ? null
        : {
            kind: r.resolution,
            personId: r.resolved_person_id,
            reason: r.resolution_reason,
            resolvedBy: r.resolved_by,
            resolvedAt: isoTime(r.resolved_at),
          },
  };
}

/** Staff see and resolve their facility's items; admin every facility's (or one, with `?facility=`). */
function scopeOf(req: FastifyRequest, requested: string | undefined): string | undefined {
  const p = requirePrincipal(req);
  if (p.roles.includes('admin')) return requested;
  if (p.facilityCode === null) throw facilityScopeForbidden();
  if (requested !== undefined && requested !== p.facilityCode) throw facilityScopeForbidden();
  return p.facilityCode;
}

function decisionOf(body: z.infer<typeof resolveBody>): Decision {
  if ('personId' in body) return { kind: 'link', personId: body.personId };
  if ('create' in body) return { kind: 'create' };
  return { kind: 'reject', reason: body.reason };
}

/** Audit events of a resolution: the decision, the episode moved (on both persons), a person created or merged. */
export function resolutionAudit(o: ResolveOutcome): RequestAudit[] {
  if (o.replayed) return [];
  const events: RequestAudit[] = [];
  if (o.personCreated) {
    events.push({
      action: 'create',
      resource: 'Person',
      resourceId: o.personId,
      personId: o.personId,
      details: { source: 'ingest-review' },
    });
  }
  events.push({
    action: 'update',
    resource: 'IngestPersonReview',
    resourceId: o.id,
    personId: o.personId,
    details: { resolution: o.resolution, moved: o.moved },
  });
  if (o.moved) {
    for (const personId of [o.previousPersonId, o.personId]) {
      events.push({
        action: 'update',
        resource: 'Episode',
        resourceId: `${o.facilityCode}/${o.maLk}`,
        personId,
        details: { relinked: true, review: o.id },
      });
    }
  }
  if (o.mergedPersonId !== null) {
    events.push({
      action: 'merge',
      resource: 'Person',
      resourceId: o.mergedPersonId,
      personId: o.personId,
      details: { source: 'ingest-review' },
    });
  }
  return events;
}

export const reviewRoutes: Capability = async (app, { db }) => {
  app.get(
    '/api/v1/ingest/reviews',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags: ['xml130'],
        summary: 'Hàng đợi xem xét danh tính người bệnh của hồ sơ XML 130 (không ghép được người)',
        description:
          'Episodes stored without a certain person match (no usable personal ID, or identifiers pointing at ' +
          'different persons). Each item carries the patient as the facility sent them, the person the episode ' +
          'is stored under, and candidate persons (found by ingest, by name + birth date, by identifier). ' +
          'Registrars and facility admins see their own facility; admin sees all (`facility` filters).',
        querystring: z.object({
          status: z.enum(REVIEW_STATUSES).default('open'),
          facility: z
            .string()
            .regex(/^[0-9A-Z]{5}$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(50).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(itemSchema), total: z.number() }) },
      },
    },
    async (req) => {
      const facility = scopeOf(req, req.query.facility);
      const filter = { facility, status: req.query.status, limit: req.query.limit, offset: req.query.offset };
      const [rows, total] = await Promise.all([listReviewRows(db, filter), countReviews(db, filter)]);
      const items = await withPersons(db, rows);
      await req.audit({
        action: 'search',
        resource: 'IngestPersonReview',
        details: { resultCount: total, status: req.query.status },
      });
      return { items: items.map(itemOut), total };
    },
  );

  app.get(
    '/api/v1/ingest/reviews/:id',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags: ['xml130'],
        summary: 'Một mục xem xét danh tính (kèm các hồ sơ ứng viên)',
        params: z.object({ id: z.uuid() }),
        response: { 200: itemSchema },
      },
    },
    async (req) => {
      const facility = scopeOf(req, undefined);
      const row = await getReviewRow(db, req.params.id);
      if (!row || (facility !== undefined && row.facility_code !== facility)) {
        throw new ApiError(404, 'REVIEW_NOT_FOUND', 'Không tìm thấy mục cần xem xét này.');
      }
      const [item] = await withPersons(db, [row]);
      await req.audit({
        action: 'read',
        resource: 'IngestPersonReview',
        resourceId: row.id,
        personId: row.person_id,
      });
      return itemOut(item!);
    },
  );

  app.post(
    '/api/v1/ingest/reviews/:id/resolve',
    {
      config: { roles: REVIEWERS },
      schema: {
        tags: ['xml130'],
        summary: 'Xử lý một mục: gắn vào người đã có, tạo người mới, hoặc từ chối',
        description:
          'Body: `{ "personId": "<uuid>" }` (the episode belongs to this existing person; the current one = confirm), ' +
          '`{ "create": true }` (register a new person from the episode’s patient data) or ' +
          '`{ "reject": true, "reason": "…" }` (close the item, the episode stays). Linking or creating moves the ' +
          'episode with its lines, documents and findings in one transaction. A second, different decision on ' +
          'a resolved item → 409 `REVIEW_ALREADY_RESOLVED`; the same clerk repeating the same decision gets the ' +
          'recorded outcome (`replayed: true`).',
        params: z.object({ id: z.uuid() }),
        body: resolveBody,
        response: { 200: outcomeSchema },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      const facility = scopeOf(req, undefined);
      const outcome = await resolveReview(db, req.params.id, decisionOf(req.body), p.username, facility);
      const events = resolutionAudit(outcome);
      if (events.length > 0) await req.audit(events);
      return outcome;
    },
  );
};
