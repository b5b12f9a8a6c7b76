import { demoProvince, todayInVietnam } from '@suckhoe/domain';
import type { Db } from '../db/types.ts';
import { insertFacilities } from '../facilities/repo.ts';
import { seedDemoClassification } from '../checkin/demo.ts';
import { insertPersons } from '../persons/repo.ts';
import { createUser } from '../auth/users.ts';
import type { Role } from '@suckhoe/domain';

/** Password of every demo user (demo mode only; documented in README). */
export const DEMO_PASSWORD = 'SucKhoe@2026';

interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  facility: 'hospital' | 'station' | null;
}

const DEMO_USERS: readonly DemoUser[] = [
  { username: 'bacsi', fullName: 'BS. Trần Minh Khoa', role: 'clinician', facility: 'hospital' },
  { username: 'tiepdon', fullName: 'Nguyễn Thị Lan', role: 'registrar', facility: 'hospital' },
  { username: 'tramyte', fullName: 'Lê Văn Tâm', role: 'station_staff', facility: 'station' },
  { username: 'qtcoso', fullName: 'Phạm Quốc Huy', role: 'facility_admin', facility: 'hospital' },
  { username: 'phantich', fullName: 'Võ Thị Mai', role: 'analyst', facility: null },
  { username: 'congan', fullName: 'Đại úy Huỳnh Văn Phúc', role: 'police_liaison', facility: null },
  { username: 'his', fullName: 'HIS Bệnh viện', role: 'integration_client', facility: 'hospital' },
];

/**
 * On an empty database: the demo province (Cần Thơ, 92) — its facilities, a few hundred persons
 * with a handful of probable duplicates for the review queue — and one demo user per role.
 */
export async function seedDemoIfEmpty(db: Db, print: (line: string) => void): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM facility');
  if ((row?.n ?? 0) > 0) return false;
  const demo = demoProvince(92, { asOf: todayInVietnam() });
  const hospital = demo.facilities.find((f) => f.level === 'provincial_hospital') ?? demo.facilities[0];
  const station = demo.facilities.find((f) => f.level === 'commune_station') ?? demo.facilities[0];
  const citizenUsername = await db.transaction(async (tx): Promise<string | null> => {
    await insertFacilities(
      tx,
      demo.facilities.map((f) => ({ ...f, acceptUnsigned: true })),
    );
    await seedDemoClassification(tx);
    const personIds = await insertPersons(
      tx,
      demo.persons.map((p) => ({
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
      })),
    );
    for (const u of DEMO_USERS) {
      const f = u.facility === 'hospital' ? hospital : u.facility === 'station' ? station : undefined;
      await createUser(tx, {
        username: u.username,
        fullName: u.fullName,
        password: DEMO_PASSWORD,
        roles: [u.role],
        facilityCode: f?.code ?? null,
      });
    }
    const citizen = demo.persons.find((p) => p.personalId);
    if (citizen?.personalId) {
      await createUser(tx, {
        username: citizen.personalId,
        fullName: citizen.fullName,
        password: DEMO_PASSWORD,
        roles: ['citizen'],
        personId: personIds[demo.persons.indexOf(citizen)] ?? null,
      });
      return citizen.personalId;
    }
    return null;
  });
  print(
    `Dữ liệu demo: ${demo.facilities.length} cơ sở, ${demo.persons.length} người dân (Cần Thơ). ` +
      `Tài khoản demo (mật khẩu ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.username).join(', ')}` +
      (citizenUsername ? `, người dân ${citizenUsername}.` : '.'),
  );
  return true;
}
