import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ROLE_NAMES, type Role } from '@suckhoe/domain';
import type { Engine } from '../db/types.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';
import { insertFacilities } from '../facilities/repo.ts';
import { insertPersons } from '../persons/repo.ts';
import { createUser } from '../auth/users.ts';
import { createApiKey } from '../auth/api-keys.ts';
import { startCare } from '../auth/care.ts';

export const PASSWORD = 'security-test-password';
export const HOME = '92001';
export const OTHER = '92002';
/** A break-glass reason (ASCII: HTTP headers are Latin-1; Vietnamese text is sent percent-encoded). */
export const REASON = 'Cap cuu: benh nhan bat tinh, can tien su di ung';

export interface PersonRef {
  id: string;
  personalId: string;
  fullName: string;
}

/** Who is asking: an `Authorization` or `X-API-Key` header. */
export type Caller = Record<string, string>;

export interface SecurityFixture {
  p: TestPlatform;
  /** In care at HOME (manual care relationship); the citizen account `citizen` is this person. */
  patient: PersonRef;
  /** No care relationship anywhere; has a citizen account `citizen2`. */
  stranger: PersonRef;
  /** One caller per role, staff at HOME; `integration_client` is HOME's API key. */
  as: Record<Role, Caller>;
  /** Staff of OTHER and OTHER's API key. */
  other: { facilityAdmin: Caller; clinician: Caller; apiKey: Caller };
  strangerCitizen: Caller;
  userIds: Record<string, string>;
  inject(opts: InjectOptions & { as?: Caller }): Promise<LightMyRequestResponse>;
  dispose(): Promise<void>;
}

const USERNAMES: Record<Role, string> = {
  citizen: '(personal ID)',
  clinician: 'bs-home',
  registrar: 'td-home',
  station_staff: 'tyt-home',
  facility_admin: 'qt-home',
  analyst: 'pt-so',
  police_liaison: 'ca-so',
  integration_client: 'his-user',
  admin: 'admin',
};

/**
 * A small province for the security suite: two facilities, two persons, one user per role at the
 * first facility, a facility admin and a clinician at the second, an API key for each facility.
 */
export async function securityFixture(
  engine: Engine,
  env: Record<string, string> = {},
): Promise<SecurityFixture> {
  const p = await testPlatform(engine, env);
  await insertFacilities(p.db, [
    {
      code: HOME,
      name: 'Bệnh viện Đa khoa Thành phố Cần Thơ',
      level: 'provincial_hospital',
      provinceCode: '92',
    },
    { code: OTHER, name: 'Trung tâm Y tế quận Ninh Kiều', level: 'district_centre', provinceCode: '92' },
  ]);
  const [patientId, strangerId] = await insertPersons(p.db, [
    {
      personalId: '092190012345',
      fullName: 'Nguyễn Thị Ánh Tuyết',
      birthDate: '1990-05-17',
      sex: 'female',
      phone: '0912345678',
      identifiers: [{ system: 'bhyt', value: 'DN4929212345678' }],
    },
    { personalId: '092085001234', fullName: 'Trần Văn Bảy', birthDate: '1985-02-03', sex: 'male' },
  ]);
  const patient = { id: patientId!, personalId: '092190012345', fullName: 'Nguyễn Thị Ánh Tuyết' };
  const stranger = { id: strangerId!, personalId: '092085001234', fullName: 'Trần Văn Bảy' };
  await startCare(p.db, patient.id, HOME, 'fixture');

  const userIds: Record<string, string> = {};
  const add = async (
    username: string,
    roles: Role[],
    facilityCode: string | null,
    personId: string | null = null,
  ) => {
    const u = await createUser(p.db, {
      username,
      fullName: `User ${username}`,
      password: PASSWORD,
      roles,
      facilityCode,
      personId,
    });
    userIds[username] = u.id;
  };
  for (const role of ROLE_NAMES) {
    if (role === 'admin' || role === 'integration_client') continue;
    const staff = role !== 'citizen' && role !== 'analyst' && role !== 'police_liaison';
    // Citizens log in with their personal ID as username.
    const username = role === 'citizen' ? patient.personalId : USERNAMES[role];
    await add(username, [role], staff ? HOME : null, role === 'citizen' ? patient.id : null);
  }
  await add(stranger.personalId, ['citizen'], null, stranger.id);
  await add('qt-other', ['facility_admin'], OTHER);
  await add('bs-other', ['clinician'], OTHER);

  const bearer = async (username: string, password = PASSWORD): Promise<Caller> => ({
    authorization: await p.login(username, password),
  });
  const as = {} as Record<Role, Caller>;
  for (const role of ROLE_NAMES) {
    if (role === 'integration_client') continue;
    as[role] =
      role === 'admin'
        ? { authorization: await p.login() }
        : await bearer(role === 'citizen' ? patient.personalId : USERNAMES[role]);
  }
  as.integration_client = { 'x-api-key': (await createApiKey(p.db, HOME, 'fixture', 'HIS')).apiKey };
  const other = {
    facilityAdmin: await bearer('qt-other'),
    clinician: await bearer('bs-other'),
    apiKey: { 'x-api-key': (await createApiKey(p.db, OTHER, 'fixture', 'HIS')).apiKey },
  };
  return {
    p,
    patient,
    stranger,
    as,
    other,
    strangerCitizen: await bearer(stranger.personalId),
    userIds,
    inject: ({ as: caller, headers, ...opts }) =>
      p.app.inject({ ...opts, headers: { ...(headers ?? {}), ...(caller ?? {}) } } as InjectOptions),
    dispose: () => p.dispose(),
  };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const errorCode = (r: LightMyRequestResponse): string | undefined => {
  try {
    const body = r.json<
      Partial<ErrorBody> & { resourceType?: string; issue?: { details?: { coding?: { code?: string }[] } }[] }
    >();
    // FHIR routes answer errors as an OperationOutcome carrying the same code (fhir/errors.ts).
    if (body.resourceType === 'OperationOutcome') return body.issue?.[0]?.details?.coding?.[0]?.code;
    return body.error?.code;
  } catch {
    return undefined;
  }
};
