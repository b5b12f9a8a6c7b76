import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUser } from '../auth/users.ts';
import { engines } from '../testing/engines.ts';
import { defaultClinics } from './clinics.ts';
import {
  cccdQr,
  checkinFixture,
  expectError,
  HOME,
  OTHER,
  PASSWORD,
  type CheckinFixture,
  type CheckinJson,
} from './test-support.ts';

interface ClinicsJson {
  items: { code: string; name: string; serviceCode: string | null; minutesPerPatient: number }[];
  total: number;
}

const declared = {
  items: [
    {
      code: 'nt1',
      name: 'Khám Nội tim mạch',
      serviceCode: '02.1897',
      serviceName: 'Khám Tim mạch',
      minutesPerPatient: 9,
    },
    { code: 'K01', name: 'Khám Nội', nameEn: 'Internal medicine', minutesPerPatient: 6 },
  ],
};

for (const engine of engines()) {
  describe(`a facility declares its clinics [${engine}]`, () => {
    let f: CheckinFixture;
    let facilityAdmin: string;
    let otherAdmin: string;
    before(async () => {
      f = await checkinFixture(engine);
      await createUser(f.p.db, {
        username: 'qt92003',
        fullName: 'QT',
        password: PASSWORD,
        roles: ['facility_admin'],
        facilityCode: HOME,
      });
      await createUser(f.p.db, {
        username: 'qt92044',
        fullName: 'QT',
        password: PASSWORD,
        roles: ['facility_admin'],
        facilityCode: OTHER,
      });
      facilityAdmin = await f.p.login('qt92003', PASSWORD);
      otherAdmin = await f.p.login('qt92044', PASSWORD);
    });
    after(() => f.dispose());

    const put = (body: unknown, as: string, code = HOME) =>
      f.inject({ method: 'PUT', url: `/api/v1/facilities/${code}/clinics`, payload: body as object, as });
    const list = async (): Promise<ClinicsJson> =>
      (
        await f.inject({ method: 'GET', url: `/api/v1/facilities/${HOME}/clinics`, as: f.as.registrar })
      ).json<ClinicsJson>();

    test('before declaring: the default catalogue of the level', async () => {
      assert.deepEqual(
        (await list()).items.map((c) => c.code),
        defaultClinics('provincial_hospital').map((c) => c.code),
      );
    });

    test('the facility admin replaces the list: order kept, codes upper-cased, audited; the desk sees it at once', async () => {
      const r = await put(declared, facilityAdmin);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(
        r.json<ClinicsJson>().items.map((c) => [c.code, c.serviceCode, c.minutesPerPatient]),
        [
          ['NT1', '02.1897', 9],
          ['K01', null, 6],
        ],
      );
      assert.deepEqual(
        (await list()).items.map((c) => c.code),
        ['NT1', 'K01'],
      );
      assert.equal(
        await f.count(
          "SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'FacilityClinics' AND resource_id = $1",
          [HOME],
        ),
        1,
      );
      const checkin = await f.post({
        text: cccdQr({
          personalId: '092060011001',
          fullName: 'LÊ VĂN TIM',
          birthDate: '1960-02-03',
          sex: 'male',
        }),
        clinicCode: 'nt1',
      });
      assert.equal(checkin.statusCode, 201, checkin.body);
      assert.equal(checkin.json<CheckinJson>().ticket.label, 'NT1-001');
    });

    test('a clinic left out is deactivated, not deleted: its past check-ins keep it; new check-ins refused', async () => {
      const r = await put({ items: [declared.items[1]] }, facilityAdmin);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(
        await f.count(
          "SELECT count(*)::int AS n FROM clinic WHERE facility_code = $1 AND code = 'NT1' AND NOT active",
          [HOME],
        ),
        1,
      );
      assert.equal(await f.count("SELECT count(*)::int AS n FROM checkin WHERE clinic_code = 'NT1'"), 1);
      const refused = await f.post({
        text: cccdQr({
          personalId: '092162011002',
          fullName: 'LÊ THỊ TIM',
          birthDate: '1962-02-03',
          sex: 'female',
        }),
        clinicCode: 'NT1',
      });
      expectError(refused, 400, 'CLINIC_UNKNOWN');
      // Declared again: active again, same row.
      assert.equal((await put(declared, facilityAdmin)).statusCode, 200);
      assert.deepEqual(
        (await list()).items.map((c) => c.code),
        ['NT1', 'K01'],
      );
    });

    test('bad lists are refused whole, with the field named; nothing changes', async () => {
      const before = await list();
      expectError(
        await put({ items: [declared.items[0], { ...declared.items[0], name: 'Trùng mã' }] }, facilityAdmin),
        400,
        'CLINIC_CODE_DUPLICATE',
      );
      assert.equal(
        (await put({ items: [{ ...declared.items[0], code: 'PHÒNG 1' }] }, facilityAdmin)).statusCode,
        400,
      );
      assert.equal(
        (await put({ items: [{ ...declared.items[0], minutesPerPatient: 0 }] }, facilityAdmin)).statusCode,
        400,
      );
      assert.equal((await put({ items: [] }, facilityAdmin)).statusCode, 400);
      assert.deepEqual(await list(), before);
    });

    test("only that facility's admin (or an admin); registrars and other facilities' admins are refused", async () => {
      assert.equal((await put(declared, f.as.registrar)).statusCode, 403);
      assert.equal((await put(declared, otherAdmin)).statusCode, 403);
      assert.equal((await put(declared, f.as.admin)).statusCode, 200);
      assert.equal((await put(declared, f.as.admin, '92999')).statusCode, 404);
    });
  });
}
