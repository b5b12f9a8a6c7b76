/** Which tables a HOSO may / should contain, as conditions on its XML1 record (xml130.md §2.4, §10.2 #26). */
import type { Condition, TableId } from '../registry/types.ts';
import type { RuleSpec } from './types.ts';

export interface PresenceRule extends RuleSpec {
  readonly table: TableId;
  /** `onlyWhen`: the table must be absent unless `when` holds. `expectedWhen`: the table should be present when `when` holds. */
  readonly kind: 'onlyWhen' | 'expectedWhen';
  /** Condition on the XML1 record. */
  readonly when: Condition;
}

export const PRESENCE_RULES = {
  PRESENCE_XML8: {
    table: 'XML8',
    kind: 'onlyWhen',
    when: { op: 'in', field: 'MA_LOAI_KCB', values: ['03', '04', '06'] },
    code: 'TABLE_NOT_ALLOWED',
    severity: 'error',
    description: 'XML8 only when XML1.MA_LOAI_KCB ∈ {03, 04, 06}',
    message: 'Bảng XML8 chỉ có khi MA_LOAI_KCB ở XML1 là 03, 04 hoặc 06 (đang là "{value}").',
    spec: '§2.4, §10.2 #26',
    sources: ['S1', 'S4'],
  },
  PRESENCE_XML13: {
    table: 'XML13',
    kind: 'onlyWhen',
    when: { op: 'in', field: 'MA_LOAI_RV', values: ['2', '5'] },
    code: 'TABLE_NOT_ALLOWED',
    severity: 'error',
    description: 'XML13 (referral) only when XML1.MA_LOAI_RV ∈ {2, 5}',
    message: 'Bảng XML13 chỉ có khi MA_LOAI_RV ở XML1 là 2 hoặc 5 (đang là "{value}").',
    spec: '§2.4, §10.2 #26',
    sources: ['S1'],
  },
  PRESENCE_XML5: {
    table: 'XML5',
    kind: 'onlyWhen',
    when: { op: 'in', field: 'MA_LOAI_KCB', values: ['02', '03', '04', '05', '06', '08', '09'] },
    code: 'TABLE_UNEXPECTED',
    severity: 'warning',
    description:
      'XML5 only for treatment episodes (outpatient treatment, inpatient, day-inpatient, TYT stay, < 4 h)',
    message: 'Bảng XML5 chỉ dùng cho đợt điều trị (MA_LOAI_KCB 02–06, 08, 09); đang là "{value}".',
    spec: '§2.4, §10.2 #26',
    sources: ['S1'],
  },
  EXPECTED_XML7: {
    table: 'XML7',
    kind: 'expectedWhen',
    when: {
      op: 'all',
      of: [
        { op: 'in', field: 'MA_LOAI_KCB', values: ['03', '04'] },
        { op: 'notIn', field: 'MA_LOAI_RV', values: ['3'] },
      ],
    },
    code: 'TABLE_EXPECTED',
    severity: 'warning',
    description:
      'Inpatient episodes carry a discharge paper (XML7) unless the patient absconded (MA_LOAI_RV 3)',
    message: 'Đợt điều trị nội trú (MA_LOAI_KCB "{value}") nên có bảng XML7 (giấy ra viện).',
    spec: '§2.4, §10.2 #26',
    sources: ['S6'],
  },
  EXPECTED_XML13: {
    table: 'XML13',
    kind: 'expectedWhen',
    when: { op: 'in', field: 'MA_LOAI_RV', values: ['2', '5'] },
    code: 'TABLE_EXPECTED',
    severity: 'warning',
    description: 'A referral out (MA_LOAI_RV 2/5) should carry the referral paper XML13',
    message: 'Chuyển tuyến (MA_LOAI_RV "{value}") nên có bảng XML13 (giấy chuyển tuyến).',
    spec: '§2.4',
    sources: ['S1'],
  },
} as const satisfies Record<string, PresenceRule>;
