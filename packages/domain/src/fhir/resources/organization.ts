/** Organization ← facility registry (id = facility code), or ← directory entry (external organisations). */
import type { Organization } from '@medplum/fhirtypes';
import { findCommune } from '../../codes/communes.ts';
import { findProvince } from '../../codes/provinces.ts';
import type { FacilityRow } from '../../healthbook/record.ts';
import { compact } from '../datatypes.ts';
import { CS, EXT, SID } from '../systems.ts';

/** Facility levels of the registry, labelled. */
const LEVELS: Readonly<Record<string, string>> = {
  central_hospital: 'Bệnh viện tuyến trung ương',
  provincial_hospital: 'Bệnh viện tuyến tỉnh',
  district_centre: 'Trung tâm y tế khu vực (huyện cũ)',
  commune_station: 'Trạm y tế xã, phường, đặc khu',
  private_clinic: 'Phòng khám tư nhân',
};

export function facilityOrganization(f: FacilityRow): Organization {
  const commune = f.communeCode ? findCommune(f.communeCode) : undefined;
  const province = findProvince(f.provinceCode);
  return compact<Organization>({
    resourceType: 'Organization',
    id: f.code,
    identifier: [{ use: 'official', system: SID.facility, value: f.code }],
    active: f.status === 'active',
    type: [
      {
        coding: [
          { system: CS.organizationType, code: 'prov', display: 'Healthcare Provider' },
          {
            system: CS.facilityLevel,
            code: f.level,
            ...(LEVELS[f.level] ? { display: LEVELS[f.level] } : {}),
          },
        ],
      },
    ],
    name: f.name,
    address: [
      compact({
        extension: [
          { url: EXT.province, valueCode: f.provinceCode },
          ...(f.communeCode ? [{ url: EXT.commune, valueCode: f.communeCode }] : []),
        ],
        city: commune?.fullName,
        state: province?.fullName,
        country: 'VN',
      }),
    ],
    partOf: f.parentCode ? { reference: `Organization/${f.parentCode}` } : undefined,
  });
}
