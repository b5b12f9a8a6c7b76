/**
 * Referral slips (XML13, giấy chuyển tuyến / phiếu chuyển cơ sở KCB) and re-exam appointment slips
 * (XML14, giấy hẹn khám lại) of every visible episode, newest first.
 */
import { CHRONIC_RANGES } from './chronic.ts';
import { codeLabel, icd } from './labels.ts';
import { episodeProvenance, facilityLabel } from './provenance.ts';
import type { DocumentRow, PersonRecord } from './record.ts';
import type { BookAppointment, BookReferral } from './types.ts';

const ICD = 'http://hl7.org/fhir/sid/icd-10';

/**
 * Validity of a referral (TT 01/2025/TT-BYT Đ12): 10 working days from signing, one year for the
 * chronic diseases of its PL III (approximated by the chronic ranges of chronic.ts). Working days
 * are Monday–Friday; public holidays are not taken into account.
 */
export function referralValidUntil(signedOn: string, mainIcd: string | null): string | null {
  const d = new Date(`${signedOn.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  const c = (mainIcd ?? '').slice(0, 3).toUpperCase();
  if (c && CHRONIC_RANGES.some((r) => c >= r.from && c <= r.to)) {
    d.setUTCFullYear(d.getUTCFullYear() + 1);
    return d.toISOString().slice(0, 10);
  }
  let left = 10;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

const byNewest = (
  a: { date?: string | null; at?: string | null },
  b: { date?: string | null; at?: string | null },
) => (b.date ?? b.at ?? '').localeCompare(a.date ?? a.at ?? '');

export function referrals(record: PersonRecord): BookReferral[] {
  const f = record.facilities;
  const episodes = new Map(record.episodeIndex.map((e) => [e.id, e]));
  return record.documents
    .filter((d): d is DocumentRow => d.kind === 'referral' && episodes.has(d.episodeId))
    .map((d) => {
      const r = d.record;
      const e = episodes.get(d.episodeId)!;
      const main = r.MA_BENH_CHINH ?? null;
      const date = d.at ?? d.documentDate;
      return {
        number: d.documentNo,
        date,
        from: facilityLabel(f, d.fromFacility ?? d.facilityCode),
        to: facilityLabel(f, d.toFacility),
        reason: codeLabel('MA_LYDO_CT', r.MA_LYDO_CT),
        diagnosis: r.CHAN_DOAN_RV ?? null,
        mainIcd: main ? { ...icd(main), system: ICD } : null,
        clinicalSigns: r.DAU_HIEU_LS ?? null,
        treatmentGiven: r.PP_DIEU_TRI ?? r.PP_DIEUTRI ?? null,
        direction: r.HUONG_DIEU_TRI ?? null,
        transport: r.PHUONGTIEN_VC ?? null,
        doctor: r.MA_BAC_SI ?? null,
        validUntil: date ? referralValidUntil(date, main) : null,
        provenance: episodeProvenance(f, e, d.tableId),
      };
    })
    .sort(byNewest);
}

export function appointments(record: PersonRecord): BookAppointment[] {
  const f = record.facilities;
  const episodes = new Map(record.episodeIndex.map((e) => [e.id, e]));
  return record.documents
    .filter((d) => d.kind === 'appointment' && episodes.has(d.episodeId))
    .map((d) => {
      const r = d.record;
      const main = r.MA_BENH_CHINH ?? null;
      return {
        number: d.documentNo,
        at: d.at,
        facility: facilityLabel(f, r.MA_CSKCB ?? d.facilityCode),
        diagnosis: r.CHAN_DOAN_RV ?? null,
        mainIcd: main ? { ...icd(main), system: ICD } : null,
        doctor: r.MA_BAC_SI ?? null,
        issuedOn: d.documentDate,
        provenance: episodeProvenance(f, episodes.get(d.episodeId)!, d.tableId),
      };
    })
    .sort(byNewest);
}
