/**
 * Which ICD-10 codes count as a chronic (long-term) condition for the "tiền sử bệnh tật" group of the
 * health book when they come from XML 130 episodes (FHIR problem-list items are chronic by category).
 *
 * Source: the groups of the long-term disease list of TT 46/2016/TT-BYT ("Danh mục bệnh dài ngày"),
 * reduced to ICD-10 ranges by hand. It is a working subset for display (hypertension, diabetes,
 * chronic heart, lung, kidney and liver disease, cancers, HIV, tuberculosis, long-term mental and
 * neurological disorders, chronic joint disease), not the full legal list; amend it here.
 */
export const CHRONIC_SOURCE =
  'TT 46/2016/TT-BYT, Danh mục bệnh dài ngày (nhóm bệnh; quy về dải mã ICD-10, tập con)';

interface ChronicRange {
  readonly from: string;
  readonly to: string;
  readonly group: string;
}

// prettier-ignore
export const CHRONIC_RANGES: readonly ChronicRange[] = [
  { from: 'A15', to: 'A19', group: 'Lao' },
  { from: 'B18', to: 'B18', group: 'Viêm gan virus mạn' },
  { from: 'B20', to: 'B24', group: 'HIV/AIDS' },
  { from: 'C00', to: 'D09', group: 'Ung thư' },
  { from: 'D50', to: 'D64', group: 'Thiếu máu mạn' },
  { from: 'E03', to: 'E05', group: 'Bệnh tuyến giáp' },
  { from: 'E10', to: 'E14', group: 'Đái tháo đường' },
  { from: 'E78', to: 'E78', group: 'Rối loạn lipid máu' },
  { from: 'F20', to: 'F33', group: 'Rối loạn tâm thần kéo dài' },
  { from: 'G20', to: 'G20', group: 'Parkinson' },
  { from: 'G40', to: 'G41', group: 'Động kinh' },
  { from: 'I05', to: 'I09', group: 'Bệnh tim do thấp' },
  { from: 'I10', to: 'I15', group: 'Tăng huyết áp' },
  { from: 'I20', to: 'I25', group: 'Bệnh tim thiếu máu cục bộ' },
  { from: 'I48', to: 'I50', group: 'Rối loạn nhịp, suy tim' },
  { from: 'I69', to: 'I69', group: 'Di chứng tai biến mạch máu não' },
  { from: 'J44', to: 'J45', group: 'Bệnh phổi tắc nghẽn mạn tính, hen' },
  { from: 'K70', to: 'K74', group: 'Bệnh gan mạn' },
  { from: 'M05', to: 'M06', group: 'Viêm khớp dạng thấp' },
  { from: 'M10', to: 'M10', group: 'Gút' },
  { from: 'M15', to: 'M19', group: 'Thoái hóa khớp' },
  { from: 'M81', to: 'M81', group: 'Loãng xương' },
  { from: 'N18', to: 'N18', group: 'Bệnh thận mạn' },
];

/** The chronic group of an ICD-10 code, or null. */
export function chronicGroup(code: string): string | null {
  const c = code.trim().toUpperCase().slice(0, 3);
  for (const r of CHRONIC_RANGES) if (c >= r.from && c <= r.to) return r.group;
  return null;
}
