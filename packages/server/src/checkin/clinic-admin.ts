import { z } from 'zod';
import type { Capability } from '../http/types.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { Db } from '../db/types.ts';
import { facilityContext, forgetFacilityContext } from './facility-context.ts';
import { clinicCode, clinicOutSchema, facilityCodeParam } from './schemas.ts';

/**
 * A facility declares its own clinics (queues): `PUT /api/v1/facilities/{code}/clinics` replaces the
 * list in one transaction. Clinics left out are deactivated, not deleted — past check-ins and tickets
 * keep naming them. Until a facility declares any, the default catalogue of its level applies
 * (clinics.ts). Facility admins for their own facility, admins for all.
 */
const clinicIn = z.object({
  code: clinicCode,
  name: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120).nullable().optional(),
  /** MA_DICH_VU of the examination (XML0): the facility's own service code list. */
  serviceCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z._-]{1,50}$/, 'Mã dịch vụ không hợp lệ')
    .nullable()
    .optional(),
  serviceName: z.string().trim().min(2).max(255).nullable().optional(),
  minutesPerPatient: z.number().int().min(1).max(120),
});
type ClinicIn = z.infer<typeof clinicIn>;

const duplicateCode = (code: string): ApiError =>
  new ApiError(400, 'CLINIC_CODE_DUPLICATE', `Mã phòng khám ${code} xuất hiện hơn một lần trong danh sách.`, {
    field: 'items',
  });

async function replaceClinics(db: Db, facilityCode: string, items: readonly ClinicIn[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [f] = await tx.query('SELECT code FROM facility WHERE code = $1 FOR UPDATE', [facilityCode]);
    if (!f) return false;
    for (const [i, c] of items.entries()) {
      await tx.query(
        `INSERT INTO clinic (facility_code, code, name, name_en, service_code, service_name, minutes_per_patient, sort_order, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)
         ON CONFLICT (facility_code, code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
           service_code = EXCLUDED.service_code, service_name = EXCLUDED.service_name,
           minutes_per_patient = EXCLUDED.minutes_per_patient, sort_order = EXCLUDED.sort_order, active = true`,
        [
          facilityCode,
          c.code,
          c.name,
          c.nameEn ?? null,
          c.serviceCode ?? null,
          c.serviceName ?? null,
          c.minutesPerPatient,
          i,
        ],
      );
    }
    await tx.query(
      'UPDATE clinic SET active = false WHERE facility_code = $1 AND NOT (code = ANY($2::text[]))',
      [facilityCode, items.map((c) => c.code)],
    );
    return true;
  });
}

export const clinicAdminRoutes: Capability = async (app, { db }) => {
  app.put(
    '/api/v1/facilities/:code/clinics',
    {
      config: { roles: ['admin', 'facility_admin'], facilityParam: 'code' },
      schema: {
        tags: ['checkin'],
        summary:
          'Khai báo danh sách phòng khám (hàng đợi) của cơ sở; phòng không có trong danh sách ngừng hoạt động',
        params: z.object({ code: facilityCodeParam }),
        body: z.object({ items: z.array(clinicIn).min(1).max(60) }),
        response: { 200: z.object({ items: z.array(clinicOutSchema), total: z.number() }) },
      },
    },
    async (req) => {
      const seen = new Set<string>();
      for (const c of req.body.items) {
        if (seen.has(c.code)) throw duplicateCode(c.code);
        seen.add(c.code);
      }
      if (!(await replaceClinics(db, req.params.code, req.body.items)))
        throw notFound(`cơ sở ${req.params.code}`);
      forgetFacilityContext(db, req.params.code);
      await req.audit({
        action: 'update',
        resource: 'FacilityClinics',
        resourceId: req.params.code,
        details: { clinics: req.body.items.map((c) => c.code) },
      });
      const f = await facilityContext(db, req.params.code);
      const clinics = f?.clinics ?? [];
      return { items: [...clinics], total: clinics.length };
    },
  );
};
