import type {
  EligibilityFacility,
  EligibilityFacilityLevel,
  FormerLevel,
  TechnicalLevel,
} from '@suckhoe/domain';
import type { Queryable } from '../db/types.ts';
import { defaultClinics, type Clinic } from './clinics.ts';

/** What a check-in needs to know about the facility: the benefit-rule facts, its name and its clinics. */
export interface FacilityContext {
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
  readonly eligibility: EligibilityFacility;
  readonly clinics: readonly Clinic[];
  /** Clinics come from the `clinic` table (true) or the default catalogue for the level (false). */
  readonly clinicsDeclared: boolean;
}

interface FacilityRow {
  code: string;
  name: string;
  level: EligibilityFacilityLevel;
  province_code: string;
  status: string;
  technical_level: TechnicalLevel | null;
  technical_score: number | null;
  former_level: FormerLevel | null;
  [k: string]: unknown;
}

interface ClinicRow {
  code: string;
  name: string;
  name_en: string | null;
  service_code: string | null;
  service_name: string | null;
  minutes_per_patient: number;
  [k: string]: unknown;
}

async function load(db: Queryable, code: string): Promise<FacilityContext | null> {
  const [f] = await db.query<FacilityRow>(
    `SELECT code, name, level, province_code, status, technical_level, technical_score::float8 AS technical_score,
            former_level
     FROM facility WHERE code = $1`,
    [code],
  );
  if (!f) return null;
  const rows = await db.query<ClinicRow>(
    `SELECT code, name, name_en, service_code, service_name, minutes_per_patient FROM clinic
     WHERE facility_code = $1 AND active ORDER BY sort_order, code`,
    [code],
  );
  const clinics: Clinic[] =
    rows.length > 0
      ? rows.map((r) => ({
          code: r.code,
          name: r.name,
          nameEn: r.name_en,
          serviceCode: r.service_code,
          serviceName: r.service_name,
          minutesPerPatient: r.minutes_per_patient,
        }))
      : [...defaultClinics(f.level)];
  return {
    code: f.code,
    name: f.name,
    active: f.status === 'active',
    eligibility: {
      code: f.code,
      provinceCode: f.province_code,
      level: f.level,
      ...(f.technical_level ? { technicalLevel: f.technical_level } : {}),
      ...(f.technical_score === null ? {} : { score: f.technical_score }),
      ...(f.former_level ? { formerLevel: f.former_level } : {}),
    },
    clinics,
    clinicsDeclared: rows.length > 0,
  };
}

/** How long a facility's context is reused before it is read again (the registry changes rarely). */
export const FACILITY_CONTEXT_TTL_MS = 10_000;

const caches = new WeakMap<object, Map<string, { at: number; value: Promise<FacilityContext | null> }>>();

/**
 * The facility's context, read from the registry at most every FACILITY_CONTEXT_TTL_MS per database
 * handle (the check-in hot path then costs no registry query).
 */
export function facilityContext(
  db: Queryable,
  code: string,
  now = Date.now(),
): Promise<FacilityContext | null> {
  const cache = caches.get(db) ?? new Map<string, { at: number; value: Promise<FacilityContext | null> }>();
  caches.set(db, cache);
  const hit = cache.get(code);
  if (hit && now - hit.at < FACILITY_CONTEXT_TTL_MS) return hit.value;
  const value = load(db, code);
  cache.set(code, { at: now, value });
  value.catch(() => cache.delete(code));
  return value;
}

/** Forget cached contexts (after a facility or its clinics changed). */
export function forgetFacilityContext(db: Queryable, code?: string): void {
  const cache = caches.get(db);
  if (code === undefined) caches.delete(db);
  else cache?.delete(code);
}
