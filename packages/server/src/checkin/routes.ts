import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { formatTicketNumber, type Role } from '@suckhoe/domain';
import type { Capability } from '../http/types.ts';
import { requirePrincipal } from '../auth/guard.ts';
import { assertCanReadPerson } from '../auth/person-access.ts';
import { actsForFacility, assertFacilityScope, facilityScopeForbidden } from '../auth/scope.ts';
import type { Clinic } from './clinics.ts';
import { checkinErrors } from './errors.ts';
import { facilityContext, type FacilityContext } from './facility-context.ts';
import { callNext, queueState } from './queue.ts';
import { getCheckin, queueCounters, type CheckinRow } from './repo.ts';
import {
  checkinBodySchema,
  checkinOutSchema,
  checkinResponseSchema,
  clinicOutSchema,
  facilityCodeParam,
  previewBodySchema,
  previewResponseSchema,
  queueOutSchema,
  ticketOutSchema,
} from './schemas.ts';
import { checkIn, previewCheckin } from './service.ts';
import { ticketPdf } from './ticket-pdf.ts';
import { vnDay } from './time.ts';
import { emitXml0 } from './xml0.ts';

/**
 * Who checks people in: desk staff, clinicians and commune-station staff of the facility, its admin, and
 * its HIS (API key). A self-service kiosk runs signed in as a registrar account of its facility.
 */
const CHECKIN_ROLES: readonly Role[] = [
  'registrar',
  'clinician',
  'station_staff',
  'facility_admin',
  'integration_client',
];
/**
 * Who calls the next ticket, and who may preview a check-in: a preview shows a person found by an
 * identifier without creating a care relationship — the same reach as the persons search (desk staff),
 * not an API key's.
 */
const DESK_ROLES: readonly Role[] = ['registrar', 'clinician', 'station_staff', 'facility_admin'];

const clinicCodeParam = z
  .string()
  .regex(/^[A-Za-z0-9]{1,10}$/, 'Mã phòng khám gồm chữ và số')
  .transform((s) => s.toUpperCase());
const dayQuery = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD')
    .optional(),
});

export const checkinRoutes: Capability = async (app, { db }) => {
  async function facilityOf(code: string): Promise<FacilityContext> {
    const f = await facilityContext(db, code);
    if (!f) throw checkinErrors.facilityNotFound(code);
    if (!f.active) throw checkinErrors.facilityInactive(code);
    return f;
  }

  function clinicOf(f: FacilityContext, code: string): Clinic {
    const c = f.clinics.find((x) => x.code === code);
    if (!c)
      throw checkinErrors.clinicUnknown(
        code,
        f.clinics.map((x) => x.code),
      );
    return c;
  }

  /** The facility of a check-in request: the body's, else the caller's; staff only for their own. */
  async function requestFacility(req: FastifyRequest, code: string | undefined): Promise<FacilityContext> {
    const facilityCode = code ?? requirePrincipal(req).facilityCode ?? undefined;
    if (!facilityCode) throw checkinErrors.facilityRequired();
    await assertFacilityScope(req, facilityCode);
    return facilityOf(facilityCode);
  }

  /** A stored check-in the caller may see: their facility's, and a person they may read. */
  async function readableCheckin(req: FastifyRequest, id: string): Promise<CheckinRow> {
    const row = await getCheckin(db, id);
    if (!row) throw checkinErrors.checkinNotFound();
    if (!actsForFacility(requirePrincipal(req), row.facility_code)) {
      const e = facilityScopeForbidden();
      // Another facility's check-in: refused, and the attempt is in the person's access log.
      await req.audit({
        action: 'read',
        resource: 'Checkin',
        resourceId: row.id,
        personId: row.person_id,
        outcome: 'denied',
        details: { code: e.code },
      });
      throw e;
    }
    await assertCanReadPerson(req, row.person_id, { resource: 'Checkin' });
    return row;
  }

  app.post(
    '/api/v1/checkin',
    {
      config: { roles: CHECKIN_ROLES },
      schema: {
        tags: ['checkin'],
        summary:
          'Tiếp đón: quét QR căn cước/thẻ BHYT hoặc nhập số định danh, mã thẻ BHYT, mã VNeID, họ tên + ngày sinh; trả về người bệnh, quyền lợi BHYT, bản ghi XML0 và số thứ tự',
        description:
          'Tạo hồ sơ từ mã QR khi người bệnh chưa có trong danh mục (không bao giờ tạo trùng). Cùng người, cùng phòng khám, cùng ngày: trả lại số cũ. ' +
          'Lỗi cụ thể: QR_UNREADABLE, PERSONAL_ID_BIRTH_YEAR_MISMATCH, BHYT_CARD_EXPIRED, BHYT_CARD_NOT_YET_VALID, BHYT_CARD_OF_OTHER_PERSON, ' +
          'CCCD_PERSON_MISMATCH, BHYT_CARD_PERSON_MISMATCH, PERSON_NOT_FOUND, PERSON_AMBIGUOUS, CLINIC_UNKNOWN, FACILITY_SCOPE_FORBIDDEN.',
        body: checkinBodySchema,
        response: { 200: checkinResponseSchema, 201: checkinResponseSchema },
      },
    },
    async (req, reply) => {
      const facility = await requestFacility(req, req.body.facilityCode);
      const clinic = clinicOf(facility, req.body.clinicCode);
      const p = requirePrincipal(req);
      const r = await checkIn(db, { body: req.body, facility, clinic, actor: p.username, now: new Date() });
      const personId = r.person.id!;
      await req.audit([
        {
          action: 'create',
          resource: 'Checkin',
          resourceId: r.checkin.id,
          personId,
          details: {
            facility: facility.code,
            clinic: clinic.code,
            inputKind: r.checkin.inputKind,
            repeated: r.checkin.repeated,
            personCreated: r.personCreated,
            cardStatus: r.eligibility?.cardStatus ?? null,
            selfPay: r.checkin.selfPay,
          },
        },
        ...(r.personUpdated
          ? [
              {
                action: 'update' as const,
                resource: 'Person',
                resourceId: personId,
                personId,
                details: { via: 'checkin' },
              },
            ]
          : []),
      ]);
      return reply.status(r.checkin.repeated ? 200 : 201).send(r);
    },
  );

  app.post(
    '/api/v1/checkin/preview',
    {
      config: { roles: DESK_ROLES },
      schema: {
        tags: ['checkin'],
        summary: 'Xem trước lượt tiếp đón (không lưu gì): người bệnh, thẻ BHYT, quyền lợi, lý do từ chối',
        body: previewBodySchema,
        response: { 200: previewResponseSchema },
      },
    },
    async (req) => {
      const facility = await requestFacility(req, req.body.facilityCode);
      const clinic = req.body.clinicCode ? clinicOf(facility, req.body.clinicCode) : null;
      const p = requirePrincipal(req);
      const r = await previewCheckin(db, {
        body: req.body,
        facility,
        clinic,
        actor: p.username,
        now: new Date(),
      });
      if (r.person.id) {
        await req.audit({
          action: 'read',
          resource: 'CheckinPreview',
          personId: r.person.id,
          details: { facility: facility.code, inputKind: r.inputKind },
        });
      }
      return r;
    },
  );

  app.get(
    '/api/v1/checkins/:id',
    {
      config: { roles: CHECKIN_ROLES },
      schema: {
        tags: ['checkin'],
        summary: 'Một lượt tiếp đón (để in lại phiếu)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            checkin: checkinOutSchema,
            ticket: ticketOutSchema,
            person: z.object({ id: z.string(), fullName: z.string(), birthDate: z.string() }),
            xml0: z.record(z.string(), z.string()),
          }),
        },
      },
    },
    async (req) => {
      const row = await readableCheckin(req, req.params.id);
      const facility = await facilityOf(row.facility_code);
      const clinic = clinicOf(facility, row.clinic_code);
      const c = await queueCounters(db, row.facility_code, row.clinic_code, row.day);
      await req.audit({ action: 'read', resource: 'Checkin', resourceId: row.id, personId: row.person_id });
      const position = Math.max(0, row.ticket_number - c.servingNumber);
      return {
        checkin: {
          id: row.id,
          facilityCode: row.facility_code,
          facilityName: row.facility_name,
          clinicCode: row.clinic_code,
          clinicName: clinic.name,
          day: row.day,
          checkedInAt: new Date(row.checked_in_at).toISOString(),
          status: row.status,
          calledAt: row.called_at === null ? null : new Date(row.called_at).toISOString(),
          visitKind: row.visit_kind,
          inputKind: row.input_kind,
          selfPay: row.self_pay,
          maLk: row.id,
          repeated: false,
        },
        ticket: {
          number: row.ticket_number,
          label: formatTicketNumber(row.clinic_code, row.ticket_number),
          clinicCode: row.clinic_code,
          position,
          estimatedWaitMinutes: 0,
        },
        person: { id: row.person_id, fullName: row.full_name, birthDate: row.birth_date },
        xml0: row.xml0,
      };
    },
  );

  app.get(
    '/api/v1/checkins/:id/xml0',
    {
      config: { roles: CHECKIN_ROLES },
      schema: {
        tags: ['checkin'],
        summary: 'Bản ghi check-in XML0 (CHI_TIEU_TRANG_THAI_KCB, QĐ 130/4750) của lượt tiếp đón',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const row = await readableCheckin(req, req.params.id);
      await req.audit({
        action: 'export',
        resource: 'Checkin',
        resourceId: row.id,
        personId: row.person_id,
        details: { format: 'XML0' },
      });
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `inline; filename="XML0_${row.facility_code}_${row.id}.xml"`)
        .send(emitXml0([row.xml0]));
    },
  );

  app.get(
    '/api/v1/checkins/:id/ticket.pdf',
    {
      config: { roles: CHECKIN_ROLES },
      schema: {
        tags: ['checkin'],
        summary: 'Phiếu số thứ tự (PDF khổ 80 mm cho máy in nhiệt, có mã QR của phiếu)',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const row = await readableCheckin(req, req.params.id);
      const facility = await facilityOf(row.facility_code);
      const clinic = clinicOf(facility, row.clinic_code);
      const c = await queueCounters(db, row.facility_code, row.clinic_code, row.day);
      const ahead = Math.max(0, row.ticket_number - c.servingNumber - 1);
      const e = row.eligibility;
      const payer =
        row.self_pay || !e ? 'Tự chi trả' : `BHYT ${String(e.effectivePercent).replace('.', ',')}%`;
      const pdf = await ticketPdf({
        checkinId: row.id,
        facilityCode: row.facility_code,
        facilityName: row.facility_name,
        clinicCode: row.clinic_code,
        clinicName: clinic.name,
        label: formatTicketNumber(row.clinic_code, row.ticket_number),
        number: row.ticket_number,
        day: row.day,
        checkedInAt: new Date(row.checked_in_at),
        fullName: row.full_name,
        birthYear: row.birth_date.slice(0, 4),
        ahead,
        estimatedWaitMinutes: ahead * clinic.minutesPerPatient,
        payer,
      });
      await req.audit({
        action: 'export',
        resource: 'Checkin',
        resourceId: row.id,
        personId: row.person_id,
        details: { format: 'ticketPdf' },
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="phieu-${row.clinic_code}-${row.ticket_number}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/facilities/:code/clinics',
    {
      config: { roles: [...CHECKIN_ROLES, 'analyst'] },
      schema: {
        tags: ['checkin'],
        summary: 'Các phòng khám (hàng đợi) của cơ sở',
        params: z.object({ code: facilityCodeParam }),
        response: { 200: z.object({ items: z.array(clinicOutSchema), total: z.number() }) },
      },
    },
    async (req) => {
      const f = await facilityOf(req.params.code);
      return { items: [...f.clinics], total: f.clinics.length };
    },
  );

  app.get(
    '/api/v1/queues/:facility/:clinic',
    {
      // Public on purpose: a waiting-room screen shows it, and it carries ticket numbers only.
      config: { public: true },
      schema: {
        tags: ['checkin'],
        summary: 'Màn hình phòng chờ: số đang gọi, số tiếp theo (chỉ số thứ tự, không có thông tin cá nhân)',
        params: z.object({ facility: facilityCodeParam, clinic: clinicCodeParam }),
        querystring: dayQuery,
        response: { 200: queueOutSchema },
      },
    },
    async (req, reply) => {
      const now = new Date();
      const f = await facilityOf(req.params.facility);
      const clinic = clinicOf(f, req.params.clinic);
      void reply.header('cache-control', 'no-store');
      return queueState(db, f, clinic, req.query.day ?? vnDay(now), now);
    },
  );

  app.post(
    '/api/v1/queues/:facility/:clinic/call-next',
    {
      config: { roles: DESK_ROLES, facilityParam: 'facility' },
      schema: {
        tags: ['checkin'],
        summary: 'Gọi số tiếp theo của phòng khám',
        params: z.object({ facility: facilityCodeParam, clinic: clinicCodeParam }),
        response: {
          200: z.object({
            called: z
              .object({
                checkinId: z.string(),
                number: z.number(),
                label: z.string(),
                person: z.object({ id: z.string(), fullName: z.string(), birthYear: z.string() }),
              })
              .nullable(),
            queue: queueOutSchema,
          }),
        },
      },
    },
    async (req) => {
      const now = new Date();
      const day = vnDay(now);
      const f = await facilityOf(req.params.facility);
      const clinic = clinicOf(f, req.params.clinic);
      const called = await callNext(db, f.code, clinic.code, day);
      const queue = await queueState(db, f, clinic, day, now);
      if (!called) return { called: null, queue };
      await assertCanReadPerson(req, called.personId, { resource: 'Checkin' });
      const row = await getCheckin(db, called.checkinId);
      await req.audit({
        action: 'update',
        resource: 'Checkin',
        resourceId: called.checkinId,
        personId: called.personId,
        details: { called: called.number, clinic: clinic.code },
      });
      return {
        called: {
          checkinId: called.checkinId,
          number: called.number,
          label: formatTicketNumber(clinic.code, called.number),
          person: {
            id: called.personId,
            fullName: row?.full_name ?? '',
            birthYear: row?.birth_date.slice(0, 4) ?? '',
          },
        },
        queue,
      };
    },
  );
};
