/**
 * Patient → person registry: registry identifiers by their system URI (systems.ts), other
 * identifiers kept as FHIR identifiers of the person; Vietnamese name order (family first);
 * address with administrative-unit codes (extensions) or as a text line.
 */
import type { Address, HumanName, Patient } from '@medplum/fhirtypes';
import { parsePersonalId } from '../../identifiers/personal-id.ts';
import { EXT, identifierSystemByUri } from '../systems.ts';
import { failed, okRow, type Imported, type ImportIssue } from './common.ts';

export interface PersonWrite {
  readonly personalId: string | null;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female' | 'unknown';
  readonly ethnicCode: string | null;
  readonly provinceCode: string | null;
  readonly communeCode: string | null;
  readonly addressLine: string | null;
  readonly phone: string | null;
  /** Registry identifiers (person_identifier): system key → value. */
  readonly identifiers: readonly {
    system: string;
    value: string;
    validFrom: string | null;
    validTo: string | null;
  }[];
  /** Other identifiers (person_fhir_identifier). */
  readonly external: readonly { system: string; value: string; typeCode: string | null }[];
  readonly deceased: { deceased: boolean; at: string | null } | null;
}

export function nameText(n: HumanName | undefined): string | null {
  if (!n) return null;
  if (n.text?.trim()) return n.text.trim().replace(/\s+/g, ' ');
  const parts = [n.family, ...(n.given ?? [])].filter((x): x is string => Boolean(x?.trim()));
  return parts.length ? parts.join(' ').replace(/\s+/g, ' ') : null;
}

function addressOf(
  a: Address | undefined,
): Pick<PersonWrite, 'provinceCode' | 'communeCode' | 'addressLine'> {
  if (!a) return { provinceCode: null, communeCode: null, addressLine: null };
  const ext = (url: string) => a.extension?.find((e) => e.url === url)?.valueCode ?? null;
  const province = ext(EXT.province);
  const commune = ext(EXT.commune);
  const vietnamese = province !== null || commune !== null;
  const line = vietnamese
    ? (a.line ?? []).join(', ')
    : [...(a.line ?? []), a.city, a.district, a.state, a.postalCode, a.country].filter(Boolean).join(', ');
  return { provinceCode: province, communeCode: commune, addressLine: line || a.text || null };
}

function birthDateOf(v: string | undefined): string | null {
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) || /^\d{4}$/.test(v)) return v;
  if (/^\d{4}-\d{2}$/.test(v)) return v.slice(0, 4);
  return null;
}

export function importPatient(p: Patient): Imported<PersonWrite> {
  const issues: ImportIssue[] = [];
  const name = nameText(p.name?.find((n) => n.use === 'official') ?? p.name?.[0]);
  if (!name)
    issues.push({ code: 'required', message: 'Thiếu họ tên (Patient.name).', expression: 'Patient.name' });
  const birthDate = birthDateOf(p.birthDate);
  if (!birthDate) {
    issues.push({
      code: 'required',
      message: 'Cần ngày sinh (Patient.birthDate, YYYY-MM-DD hoặc năm) để lưu người dân vào danh bạ.',
      expression: 'Patient.birthDate',
    });
  }
  const identifiers: PersonWrite['identifiers'][number][] = [];
  const external: PersonWrite['external'][number][] = [];
  let personalId: string | null = null;
  for (const [i, id] of (p.identifier ?? []).entries()) {
    if (!id.value) continue;
    const sys = id.system ? identifierSystemByUri(id.system) : undefined;
    if (sys?.key === 'platform') continue;
    if (sys) {
      const value = id.value.replace(/[\s.\-_/]/g, '').toUpperCase();
      if (sys.key === 'personalId') {
        const parsed = parsePersonalId(value);
        if (!parsed.ok) {
          issues.push({
            code: 'value',
            message: parsed.errors[0]?.message ?? 'Số định danh không hợp lệ.',
            expression: `Patient.identifier[${i}]`,
          });
          continue;
        }
        if (id.use !== 'old') personalId = value;
      }
      identifiers.push({
        system: sys.key,
        value,
        validFrom: id.period?.start?.slice(0, 10) ?? null,
        validTo: id.period?.end?.slice(0, 10) ?? null,
      });
    } else {
      external.push({
        system: id.system ?? 'urn:unknown',
        value: id.value,
        typeCode: id.type?.coding?.[0]?.code ?? null,
      });
    }
  }
  if (issues.length) return failed(...issues);
  const home = p.address?.find((a) => a.use === 'home') ?? p.address?.[0];
  const phone = p.telecom?.find((t) => t.system === 'phone')?.value ?? null;
  const ethnic =
    p.extension?.find((e) => e.url === EXT.ethnicity)?.valueCodeableConcept?.coding?.[0]?.code ?? null;
  const deceased =
    p.deceasedDateTime !== undefined
      ? { deceased: true, at: p.deceasedDateTime }
      : p.deceasedBoolean !== undefined
        ? { deceased: p.deceasedBoolean, at: null }
        : null;
  return okRow({
    personalId,
    fullName: name!,
    birthDate: birthDate!,
    sex: p.gender === 'male' || p.gender === 'female' ? p.gender : 'unknown',
    ethnicCode: ethnic,
    ...addressOf(home),
    phone,
    identifiers,
    external,
    deceased,
  });
}
