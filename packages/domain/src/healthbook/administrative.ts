/** Group A of the health book: who the person is (registry data, and XML1 fields the registry has no column for). */
import { findCommune } from '../codes/communes.ts';
import { findEthnicGroup } from '../codes/ethnic-groups.ts';
import { findProvince } from '../codes/provinces.ts';
import { identifierLabel } from '../fhir/systems.ts';
import { facilityLabel, type Facilities } from './provenance.ts';
import type { EpisodeRow, PersonRow } from './record.ts';
import type { BookAdministrative } from './types.ts';

const SEX_LABEL = { male: 'Nam', female: 'Nữ', unknown: 'Chưa xác định' } as const;

/** Vietnam's code in MA_QUOCTICH (QĐ 130 uses the 3-digit list of TT 07/2016/TT-BCA; "000" = Việt Nam, unconfirmed). */
const NATIONALITY_LABELS: Readonly<Record<string, string>> = {
  '000': 'Việt Nam',
  VN: 'Việt Nam',
  VNM: 'Việt Nam',
};

function insurance(
  person: PersonRow,
  latest: EpisodeRow | undefined,
  facilities: Facilities,
): BookAdministrative['insurance'] {
  const card = [...person.cards].sort((a, b) => b.seenAt.localeCompare(a.seenAt))[0];
  if (card) {
    return {
      cardNumber: card.code,
      validFrom: card.validFrom,
      validTo: card.validTo,
      registeredFacility: facilityLabel(facilities, card.initialFacilityCode),
      source: 'checkin',
    };
  }
  const bhyt = person.identifiers
    .filter((i) => i.system === 'bhyt' && (i.status ?? 'active') === 'active')
    .sort((a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? ''))[0];
  if (bhyt) {
    return {
      cardNumber: bhyt.value,
      validFrom: bhyt.validFrom ?? null,
      validTo: bhyt.validTo ?? null,
      registeredFacility: null,
      source: 'registry',
    };
  }
  if (latest?.insuranceCard) {
    return {
      cardNumber: latest.insuranceCard,
      validFrom: null,
      validTo: null,
      registeredFacility: null,
      source: 'xml130',
    };
  }
  return null;
}

/** The commune health station of the person's commune, when the registry knows one. */
function stationOf(person: PersonRow, facilities: Facilities): BookAdministrative['recordManager'] {
  if (!person.communeCode) return null;
  const station = Object.values(facilities).find(
    (f) => f.communeCode === person.communeCode && /station|tram|commune/i.test(f.level),
  );
  return station ? { code: station.code, name: station.name } : null;
}

export function administrative(
  person: PersonRow,
  episodes: readonly EpisodeRow[],
  facilities: Facilities,
): BookAdministrative {
  const latest = [...episodes].sort((a, b) => b.admittedAt.localeCompare(a.admittedAt))[0];
  const ethnic = person.ethnicCode ? findEthnicGroup(person.ethnicCode) : undefined;
  const nat = latest?.xml1.MA_QUOCTICH;
  const job = latest?.xml1.MA_NGHE_NGHIEP;
  return {
    personId: person.id,
    personalId: person.personalId,
    fullName: person.fullName,
    birthDate: person.birthDate,
    sex: person.sex,
    sexLabel: SEX_LABEL[person.sex],
    ethnicity: person.ethnicCode ? { code: person.ethnicCode, name: ethnic?.name ?? null } : null,
    nationality: nat ? { code: nat, name: NATIONALITY_LABELS[nat] ?? null } : null,
    occupation: job ? { code: job, name: null } : null,
    phone: person.phone,
    address: {
      line: person.addressLine,
      communeCode: person.communeCode,
      communeName: person.communeCode ? (findCommune(person.communeCode)?.fullName ?? null) : null,
      provinceCode: person.provinceCode,
      provinceName: person.provinceCode ? (findProvince(person.provinceCode)?.fullName ?? null) : null,
    },
    identifiers: person.identifiers.map((i) => ({
      system: i.system,
      label: identifierLabel(i.system),
      value: i.value,
      validFrom: i.validFrom ?? null,
      validTo: i.validTo ?? null,
      status: i.status ?? null,
    })),
    insurance: insurance(person, latest, facilities),
    deceased: person.deceased?.deceased ? { at: person.deceased.at } : null,
    recordManager: stationOf(person, facilities),
  };
}
