/** Patient ← person registry (identifiers with their system URIs, Vietnamese name, address with administrative codes). */
import type { Address, Extension, Identifier, Patient } from '@medplum/fhirtypes';
import { findCommune } from '../../codes/communes.ts';
import { findEthnicGroup } from '../../codes/ethnic-groups.ts';
import { findProvince } from '../../codes/provinces.ts';
import type { PersonRow } from '../../healthbook/record.ts';
import { compact, fhirDate, instant, vietnameseName } from '../datatypes.ts';
import { CS, EXT, identifierSystemByKey, PLATFORM_BASE } from '../systems.ts';

function identifierOf(i: PersonRow['identifiers'][number]): Identifier {
  if (i.external) {
    return compact({
      system: i.system,
      value: i.value,
      ...(i.typeCode ? { type: { coding: [{ system: CS.v2IdType, code: i.typeCode }] } } : {}),
    });
  }
  const sys = identifierSystemByKey(i.system);
  const period = compact({ start: fhirDate(i.validFrom), end: fhirDate(i.validTo) });
  return compact({
    use: i.status && i.status !== 'active' ? ('old' as const) : ('official' as const),
    type: sys ? { coding: [{ system: CS.v2IdType, code: sys.typeCode }], text: sys.label } : undefined,
    system: sys?.uri ?? `${PLATFORM_BASE}/sid/${i.system}`,
    value: i.value,
    period: Object.keys(period).length ? period : undefined,
  });
}

function address(p: PersonRow): Address | undefined {
  if (!p.addressLine && !p.communeCode && !p.provinceCode) return undefined;
  const commune = p.communeCode ? findCommune(p.communeCode) : undefined;
  const province = p.provinceCode ? findProvince(p.provinceCode) : undefined;
  const extension: Extension[] = [
    ...(p.provinceCode ? [{ url: EXT.province, valueCode: p.provinceCode }] : []),
    ...(p.communeCode ? [{ url: EXT.commune, valueCode: p.communeCode }] : []),
  ];
  const text = [p.addressLine, commune?.fullName, province?.fullName].filter(Boolean).join(', ');
  return compact({
    extension,
    use: 'home' as const,
    type: 'physical' as const,
    text,
    line: p.addressLine ? [p.addressLine] : undefined,
    city: commune?.fullName,
    state: province?.fullName,
    country: 'VN',
  });
}

export function patientResource(p: PersonRow): Patient {
  const ethnic = p.ethnicCode ? findEthnicGroup(p.ethnicCode) : undefined;
  const lastUpdated = instant(p.updatedAt);
  return compact<Patient>({
    resourceType: 'Patient',
    id: p.id,
    meta: lastUpdated ? { lastUpdated } : undefined,
    extension: p.ethnicCode
      ? [
          {
            url: EXT.ethnicity,
            valueCodeableConcept: {
              coding: [
                {
                  system: `${PLATFORM_BASE}/CodeSystem/dan-toc`,
                  code: p.ethnicCode,
                  ...(ethnic ? { display: ethnic.name } : {}),
                },
              ],
            },
          },
        ]
      : undefined,
    identifier: [
      { use: 'secondary', system: identifierSystemByKey('platform')!.uri, value: p.id },
      ...p.identifiers.map(identifierOf),
    ],
    active: true,
    name: [vietnameseName(p.fullName)],
    telecom: p.phone ? [{ system: 'phone', value: p.phone, use: 'mobile' }] : undefined,
    gender: p.sex,
    birthDate: fhirDate(p.birthDate),
    deceasedDateTime: p.deceased?.deceased && p.deceased.at ? p.deceased.at : undefined,
    deceasedBoolean: p.deceased?.deceased && !p.deceased.at ? true : undefined,
    address: address(p) ? [address(p)!] : undefined,
  });
}
