/**
 * Other documents of the book: discharge paper (XML7), episode summary (XML8), birth certificate
 * (XML9), pregnancy rest (XML10), sick leave (XML11), HIV and TB treatment records (XML6, XML15) — with
 * their main fields labelled in
 * Vietnamese — and documents received through FHIR (DocumentReference).
 */
import { conceptText } from './concepts.ts';
import { DOCUMENT_TITLES } from './labels.ts';
import { episodeProvenance, facilityLabel, fhirProvenance } from './provenance.ts';
import type { DocumentKind, PersonRecord } from './record.ts';
import type { BookDocument } from './types.ts';

/** Which fields of each paper the book shows, with their Vietnamese labels (XML 130 field names). */
const FIELDS: Partial<Record<DocumentKind, readonly (readonly [field: string, label: string])[]>> = {
  discharge: [
    ['CHAN_DOAN_RV', 'Chẩn đoán ra viện'],
    ['PP_DIEUTRI', 'Phương pháp điều trị'],
    ['GHI_CHU', 'Lời dặn của bác sĩ'],
    ['TEN_BS', 'Bác sĩ'],
    ['SO_NGAY_NGHI', 'Số ngày nghỉ'],
  ],
  summary: [
    ['CHAN_DOAN_VAO', 'Chẩn đoán vào viện'],
    ['CHAN_DOAN_RV', 'Chẩn đoán ra viện'],
    ['QT_BENHLY', 'Quá trình bệnh lý và diễn biến lâm sàng'],
    ['TOMTAT_KQ', 'Tóm tắt kết quả cận lâm sàng có giá trị chẩn đoán'],
    ['PP_DIEUTRI', 'Phương pháp điều trị'],
    ['GHI_CHU', 'Ghi chú'],
  ],
  birth: [
    ['HO_TEN_CON', 'Họ tên con'],
    ['GIOI_TINH_CON', 'Giới tính con'],
    ['CAN_NANG_CON', 'Cân nặng (gam)'],
    ['NGAY_SINH_CON', 'Ngày sinh con'],
    ['NOI_SINH_CON', 'Nơi sinh'],
    ['TINH_TRANG_CON', 'Tình trạng con'],
    ['NGUOI_DO_DE', 'Người đỡ đẻ'],
  ],
  pregnancy_leave: [
    ['CHAN_DOAN_RV', 'Chẩn đoán'],
    ['SO_NGAY_NGHI', 'Số ngày nghỉ'],
    ['TU_NGAY', 'Từ ngày'],
    ['DEN_NGAY', 'Đến ngày'],
  ],
  hiv: [
    ['NGAYKD_HIV', 'Ngày khẳng định HIV'],
    ['NGAY_BAT_DAU_XU_TRI', 'Ngày bắt đầu điều trị'],
  ],
  tuberculosis: [
    ['NGAYBD_DTRI_LAO', 'Ngày bắt đầu điều trị lao'],
    ['NGAYKT_DTRI_LAO', 'Ngày kết thúc điều trị lao'],
  ],
  sick_leave: [
    ['SO_SERI', 'Số seri'],
    ['CHAN_DOAN_RV', 'Chẩn đoán'],
    ['SO_NGAY_NGHI', 'Số ngày nghỉ'],
    ['TU_NGAY', 'Từ ngày'],
    ['DEN_NGAY', 'Đến ngày'],
  ],
};

/** The same papers as the FHIR view's DocumentReferences (referrals and appointments have their own groups). */
const SHOWN: ReadonlySet<DocumentKind> = new Set([
  'discharge',
  'summary',
  'birth',
  'pregnancy_leave',
  'sick_leave',
  'hiv',
  'tuberculosis',
]);

/** `yyyyMMdd` / `yyyyMMddHHmm` → `yyyy-MM-dd`, other text unchanged. */
function displayValue(v: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?$/.exec(v);
  if (!m) return v;
  return `${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}${m[4] ? ` ${m[4]}:${m[5] ?? '00'}` : ''}`;
}

export function papers(record: PersonRecord): BookDocument[] {
  const f = record.facilities;
  const episodes = new Map(record.episodeIndex.map((e) => [e.id, e]));
  const fromXml = record.documents
    .filter((d) => SHOWN.has(d.kind) && episodes.has(d.episodeId))
    .map((d): BookDocument => ({
      kind: d.kind,
      title: DOCUMENT_TITLES[d.kind],
      number: d.documentNo,
      date: d.documentDate ?? d.at,
      facility: facilityLabel(f, d.facilityCode),
      fields: (FIELDS[d.kind] ?? []).flatMap(([field, label]) => {
        const v = d.record[field];
        return v ? [{ label, value: displayValue(v) }] : [];
      }),
      provenance: episodeProvenance(f, episodes.get(d.episodeId)!, d.tableId),
    }));
  const fromFhir = record.documentReferences.map((d): BookDocument => ({
    kind: 'document',
    title: conceptText(d.type, 'Tài liệu'),
    number: null,
    date: d.date,
    facility: d.custodianDisplay ? { code: '', name: d.custodianDisplay } : null,
    fields: [
      ...(d.description ? [{ label: 'Mô tả', value: d.description }] : []),
      ...(d.authorDisplay ? [{ label: 'Người lập', value: d.authorDisplay }] : []),
    ],
    provenance: fhirProvenance(f, { encounterId: d.encounterIds[0] ?? null, receivedAt: d.updatedAt }),
  }));
  return [...fromXml, ...fromFhir].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
