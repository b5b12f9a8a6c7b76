import { findCommune, findEthnicGroup, parsePersonalId, problem, type Problem } from '@suckhoe/domain';
import type { PersonInput } from './model.ts';
import { normalizeIdentifier } from './model.ts';

/** Domain checks of a new person beyond the JSON shape: errors reject, warnings are returned. */
export function validatePersonInput(p: PersonInput): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  if (p.birthDate.length === 10) {
    const d = new Date(`${p.birthDate}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== p.birthDate) {
      errors.push(problem('BIRTH_DATE_INVALID', 'Ngày sinh không phải là một ngày có thật.', 'birthDate'));
    }
  }
  const year = Number(p.birthDate.slice(0, 4));
  if (year < 1890 || p.birthDate > new Date().toISOString().slice(0, 10)) {
    errors.push(problem('BIRTH_DATE_OUT_OF_RANGE', 'Ngày sinh nằm ngoài khoảng hợp lệ.', 'birthDate'));
  }
  if (p.personalId) {
    const r = parsePersonalId(p.personalId, {
      ...(p.birthDate.length === 10 ? { birthDate: p.birthDate } : {}),
      ...(p.sex === 'unknown' ? {} : { sex: p.sex }),
    });
    if (r.ok) {
      warnings.push(...r.warnings.map((w) => ({ ...w, field: 'personalId' })));
      if (p.birthDate.length === 4 && r.value.birthYear !== year) {
        warnings.push(
          problem(
            'PERSONAL_ID_BIRTH_YEAR_MISMATCH',
            'Năm sinh không khớp với số định danh cá nhân.',
            'personalId',
          ),
        );
      }
    } else errors.push(...r.errors.map((e) => ({ ...e, field: 'personalId' })));
  }
  const commune = p.address?.communeCode;
  if (commune) {
    const c = findCommune(commune);
    if (!c)
      errors.push(problem('COMMUNE_UNKNOWN', `Không có xã/phường mã ${commune}.`, 'address.communeCode'));
    else if (p.address?.provinceCode && c.provinceCode !== p.address.provinceCode) {
      errors.push(
        problem('COMMUNE_PROVINCE_MISMATCH', 'Xã/phường không thuộc tỉnh đã chọn.', 'address.communeCode'),
      );
    }
  }
  if (p.ethnicCode && !findEthnicGroup(p.ethnicCode)) {
    errors.push(problem('ETHNIC_CODE_UNKNOWN', `Không có dân tộc mã ${p.ethnicCode}.`, 'ethnicCode'));
  }
  for (const id of p.identifiers ?? []) {
    if (
      id.system === 'personalId' &&
      p.personalId &&
      normalizeIdentifier(id.value) !== normalizeIdentifier(p.personalId)
    ) {
      errors.push(problem('PERSONAL_ID_CONFLICT', 'Có hai số định danh cá nhân khác nhau.', 'identifiers'));
    }
  }
  return { errors, warnings };
}
