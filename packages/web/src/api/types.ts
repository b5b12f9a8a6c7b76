/** Shapes of the platform's public JSON contract (DESIGN.md §4), as the web app reads them. */

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface ListResponse<T> {
  items: T[];
  total: number;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  roles: string[];
  facilityCode: string | null;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  /** Rotating refresh token: exchanged for a new access token when the short-lived one expires. */
  refreshToken?: string;
  user?: User;
}

export type Sex = 'male' | 'female' | 'unknown';

export interface Identifier {
  system: string;
  value: string;
  validFrom?: string | null;
  validTo?: string | null;
  /** Cancelled (e.g. an old personal ID) or replaced (e.g. a renewed card) identifiers stay on record. */
  status?: 'active' | 'cancelled' | 'replaced';
}

export interface Address {
  provinceCode: string | null;
  communeCode: string | null;
  line: string | null;
  communeName?: string | null;
  provinceName?: string | null;
}

export interface Person {
  id: string;
  personalId: string | null;
  fullName: string;
  /** "YYYY-MM-DD", or "YYYY" when only the year is known. */
  birthDate: string;
  sex: Sex;
  identifiers: Identifier[];
  address: Address | null;
  phone: string | null;
}
