import type { SynthFacility, SynthPersonRecord, SynthResident } from '@suckhoe/domain';
import type { FacilityInput } from '../facilities/repo.ts';
import type { PersonInput } from '../persons/model.ts';

/** A person as the registry stores it (the mapping the demo seed uses too). */
export function toPersonInput(p: SynthPersonRecord): PersonInput & { id: string } {
  return {
    id: p.id,
    personalId: p.personalId,
    fullName: p.fullName,
    birthDate: p.birthDate,
    sex: p.sex,
    ethnicCode: p.ethnicCode,
    address: p.address,
    phone: p.phone,
    identifiers: [
      ...(p.bhyt
        ? [
            {
              system: 'bhyt' as const,
              value: p.bhyt.code,
              validFrom: p.bhyt.validFrom,
              validTo: p.bhyt.validTo,
            },
          ]
        : []),
      ...(p.oldCmnd ? [{ system: 'cmnd' as const, value: p.oldCmnd }] : []),
    ],
  };
}

export function toFacilityInput(f: SynthFacility, acceptUnsigned: boolean): FacilityInput {
  return {
    code: f.code,
    name: f.name,
    level: f.level,
    provinceCode: f.provinceCode,
    communeCode: f.communeCode,
    parentCode: f.parentCode,
    acceptUnsigned,
    status: f.status,
  };
}

/** One line of `households.ndjson`. */
export interface HouseholdLine {
  id: string;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  members: { personId: string; role: string }[];
}

/**
 * Groups the person stream into households. Members of a household are consecutive in the stream,
 * so only the current household is held: `add` returns the previous one when a new one starts.
 */
export class HouseholdCollector {
  private current: HouseholdLine | null = null;

  add(p: SynthResident): HouseholdLine | null {
    if (this.current?.id === p.householdId) {
      this.current.members.push({ personId: p.id, role: p.householdRole });
      return null;
    }
    const done = this.current;
    this.current = {
      id: p.householdId,
      provinceCode: p.address.provinceCode,
      communeCode: p.address.communeCode,
      addressLine: p.address.line,
      members: [{ personId: p.id, role: p.householdRole }],
    };
    return done;
  }

  /** The last household (call once at the end). */
  finish(): HouseholdLine | null {
    const done = this.current;
    this.current = null;
    return done;
  }
}
