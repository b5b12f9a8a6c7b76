/** The Person JSON of the public contract (DESIGN.md §4). */
export const IDENTIFIER_SYSTEMS = [
  'personalId',
  'cmnd',
  'bhyt',
  'bhxh',
  'passport',
  'cancelledPersonalId',
  'bhytTemp',
  'vneid',
] as const;
export type IdentifierSystem = (typeof IDENTIFIER_SYSTEMS)[number];

export interface Identifier {
  system: IdentifierSystem;
  value: string;
  validFrom?: string;
  validTo?: string;
  status: 'active' | 'cancelled' | 'replaced';
}

export interface Person {
  id: string;
  personalId: string | null;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female' | 'unknown';
  ethnicCode: string | null;
  identifiers: Identifier[];
  address: { provinceCode: string | null; communeCode: string | null; line: string | null };
  phone: string | null;
  status: 'active' | 'merged';
  mergedInto: string | null;
}

export interface PersonInput {
  personalId?: string | null | undefined;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female' | 'unknown';
  ethnicCode?: string | null | undefined;
  identifiers?:
    | {
        system: IdentifierSystem;
        value: string;
        validFrom?: string | undefined;
        validTo?: string | undefined;
      }[]
    | undefined;
  address?:
    | {
        provinceCode?: string | null | undefined;
        communeCode?: string | null | undefined;
        line?: string | null | undefined;
      }
    | undefined;
  phone?: string | null | undefined;
}

/** Identifiers as typed at a desk: upper-case, no spaces, dots or dashes. */
export function normalizeIdentifier(value: string): string {
  return value
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s.\-_/]/g, '');
}
