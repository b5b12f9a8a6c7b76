/** Fixtures of the check-in tests: two facilities, staff of each, and QR texts of synthetic people. */
import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { formatBhytQr, formatCccdQr, type Role } from '@suckhoe/domain';
import { createUser } from '../auth/users.ts';
import type { Engine } from '../db/types.ts';
import { insertFacilities } from '../facilities/repo.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';

export const HOME = '92003';
export const OTHER = '92044';
export const PASSWORD = 'checkin-test-password';

export interface CheckinFixture {
  p: TestPlatform;
  /** `Authorization` values by name. */
  as: { registrar: string; clinician: string; otherRegistrar: string; analyst: string; admin: string };
  inject(o: InjectOptions & { as?: string }): Promise<LightMyRequestResponse>;
  post(body: object, as?: string): Promise<LightMyRequestResponse>;
  count(sql: string, params?: unknown[]): Promise<number>;
  dispose(): Promise<void>;
}

export async function checkinFixture(engine: Engine): Promise<CheckinFixture> {
  const p = await testPlatform(engine);
  await insertFacilities(p.db, [
    {
      code: HOME,
      name: 'Bệnh viện Đa khoa Thành phố Cần Thơ',
      level: 'provincial_hospital',
      provinceCode: '92',
    },
    { code: OTHER, name: 'Trung tâm Y tế khu vực Ninh Kiều', level: 'district_centre', provinceCode: '92' },
  ]);
  await p.db.query(
    `UPDATE facility SET technical_level = 'co_ban', technical_score = 62, former_level = 'provincial' WHERE code = $1`,
    [HOME],
  );
  const user = async (username: string, roles: Role[], facilityCode: string | null): Promise<string> => {
    await createUser(p.db, { username, fullName: username, password: PASSWORD, roles, facilityCode });
    return p.login(username, PASSWORD);
  };
  const as = {
    registrar: await user('tiepdon1', ['registrar'], HOME),
    clinician: await user('bacsi1', ['clinician'], HOME),
    otherRegistrar: await user('tiepdon2', ['registrar'], OTHER),
    analyst: await user('phantich1', ['analyst'], null),
    admin: await p.login(),
  };
  const inject = (o: InjectOptions & { as?: string }): Promise<LightMyRequestResponse> => {
    const { as: auth, ...rest } = o;
    return p.app.inject({
      ...rest,
      headers: { ...(rest.headers ?? {}), ...(auth ? { authorization: auth } : {}) },
    });
  };
  return {
    p,
    as,
    inject,
    post: (body, auth = as.registrar) =>
      inject({ method: 'POST', url: '/api/v1/checkin', payload: body, as: auth }),
    async count(sql, params = []) {
      const [r] = await p.db.query<{ n: number }>(sql, params);
      return r?.n ?? 0;
    },
    dispose: () => p.dispose(),
  };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export function errorOf(r: LightMyRequestResponse): ErrorBody['error'] {
  return r.json<ErrorBody>().error;
}

export function expectError(r: LightMyRequestResponse, status: number, code: string): ErrorBody['error'] {
  assert.equal(r.statusCode, status, r.body);
  const e = errorOf(r);
  assert.equal(e.code, code, r.body);
  assert.ok(/[àáảãạăâđèéêìíòóôơùúưýạ]/i.test(e.message), `Vietnamese message: ${e.message}`);
  return e;
}

/** A synthetic CCCD QR (12-digit ID 092 + century/sex + year + 6 digits). */
export function cccdQr(o: {
  personalId: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  oldId?: string | null;
}): string {
  return formatCccdQr({
    personalId: o.personalId,
    oldIdNumber: o.oldId ?? null,
    fullName: o.fullName,
    birthDate: o.birthDate,
    sex: o.sex,
    address: 'Số 12 đường 30/4, Phường Ninh Kiều, Thành phố Cần Thơ',
    issueDate: '2021-04-15',
  });
}

export function bhytQr(o: {
  cardCode: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  initialFacilityCode?: string;
  validFrom?: string;
  validTo?: string;
}): string {
  return formatBhytQr({
    cardCode: o.cardCode,
    fullName: o.fullName,
    birthDate: o.birthDate,
    sex: o.sex,
    address: 'Phường Cái Khế, Thành phố Cần Thơ',
    initialFacilityCode: o.initialFacilityCode ?? HOME,
    validFrom: o.validFrom ?? '2026-01-01',
    validTo: o.validTo ?? '2099-12-31',
  });
}

export interface CheckinJson {
  person: {
    id: string;
    personalId: string | null;
    fullName: string;
    birthDate: string;
    identifiers: { system: string; value: string }[];
    phone: string | null;
  };
  personCreated: boolean;
  card: { code: string; validTo: string | null; initialFacilityCode: string | null; source: string } | null;
  eligibility: {
    cardStatus: string;
    effectivePercent: number;
    routeStatus: string;
    reasons: string[];
  } | null;
  checkin: {
    id: string;
    clinicCode: string;
    repeated: boolean;
    inputKind: string;
    selfPay: boolean;
    day: string;
  };
  ticket: {
    number: number;
    label: string;
    clinicCode: string;
    position: number;
    estimatedWaitMinutes: number;
  };
  warnings: { code: string; message: string }[];
}
