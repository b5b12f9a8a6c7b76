/** ServiceRequest ← XML13 referral slips (giấy chuyển tuyến / phiếu chuyển cơ sở KCB). */
import type { Organization, ServiceRequest } from '@medplum/fhirtypes';
import { icd10Name } from '../../healthbook/icd10-vi.ts';
import { codeLabel } from '../../healthbook/labels.ts';
import type { DocumentRow, EpisodeRow } from '../../healthbook/record.ts';
import { referralValidUntil } from '../../healthbook/slips.ts';
import { episodeMeta, facilityRef, type MapContext } from '../context.ts';
import { compact, concept, instant, ref } from '../datatypes.ts';
import { derivedId, doctorCodes, practitionerId } from '../ids.ts';
import { CS, SID } from '../systems.ts';

export function referralServiceRequest(
  ctx: MapContext,
  e: EpisodeRow,
  d: DocumentRow,
  today: string,
): ServiceRequest {
  const r = d.record;
  const main = r.MA_BENH_CHINH;
  const date = d.at ?? d.documentDate;
  const validUntil = date ? referralValidUntil(instant(date)?.slice(0, 10) ?? date, main ?? null) : null;
  const reason = codeLabel('MA_LYDO_CT', r.MA_LYDO_CT);
  const doctor = doctorCodes(r.MA_BAC_SI)[0];
  const to = facilityRef(ctx, d.toFacility);
  return compact<ServiceRequest>({
    resourceType: 'ServiceRequest',
    id: derivedId(e.id, `ref${d.lineNo}`),
    meta: episodeMeta(e),
    identifier: d.documentNo ? [{ system: SID.referralNo, value: d.documentNo }] : undefined,
    status: validUntil !== null && validUntil < today ? 'completed' : 'active',
    intent: 'order',
    category: [
      {
        coding: [{ system: CS.snomed, code: '3457005', display: 'Patient referral' }],
        text: 'Chuyển cơ sở khám bệnh, chữa bệnh',
      },
    ],
    code: { text: r.TEN_DICH_VU ?? 'Chuyển cơ sở khám bệnh, chữa bệnh' },
    subject: ctx.patient,
    encounter: ref('Encounter', e.id),
    occurrencePeriod: compact({ start: instant(date), end: validUntil ?? undefined }),
    authoredOn: instant(date),
    requester: doctor
      ? ref('Practitioner', practitionerId(doctor))
      : facilityRef(ctx, d.fromFacility ?? e.facilityCode),
    performer: to ? [to] : undefined,
    reasonCode: [
      ...(main ? [concept(CS.icd10, main, icd10Name(main), icd10Name(main) ?? main)!] : []),
      ...(r.CHAN_DOAN_RV ? [{ text: r.CHAN_DOAN_RV }] : []),
      ...(reason ? [concept(`${CS.xml130}/MA_LYDO_CT`, reason.code, reason.name)!] : []),
    ],
    supportingInfo: [ref<Organization>('Organization', d.fromFacility ?? e.facilityCode)],
    note: [
      r.DAU_HIEU_LS ? `Dấu hiệu lâm sàng: ${r.DAU_HIEU_LS}` : null,
      r.QT_BENHLY ? `Quá trình bệnh lý: ${r.QT_BENHLY}` : null,
      r.TOMTAT_KQ ? `Tóm tắt kết quả: ${r.TOMTAT_KQ}` : null,
      r.HUONG_DIEU_TRI ? `Hướng điều trị: ${r.HUONG_DIEU_TRI}` : null,
      r.PHUONGTIEN_VC ? `Phương tiện vận chuyển: ${r.PHUONGTIEN_VC}` : null,
    ]
      .filter((t): t is string => t !== null)
      .map((text) => ({ text })),
  });
}
