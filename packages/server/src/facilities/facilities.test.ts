import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines } from '../testing/engines.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';
import { createUser } from '../auth/users.ts';

interface Err {
  error: { code: string };
}

function selfSignedCert(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '30',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=Benh vien test/O=SYT Can Tho',
      ],
      { stdio: 'ignore' },
    );
    return readFileSync(join(dir, 'cert.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const engine of engines()) {
  describe(`facilities registry and API keys [${engine}]`, () => {
    let p: TestPlatform;
    let admin: string;
    before(async () => {
      p = await testPlatform(engine);
      admin = await p.login();
      for (const f of [
        {
          code: '92001',
          name: 'Bệnh viện Đa khoa Thành phố Cần Thơ',
          level: 'provincial_hospital',
          provinceCode: '92',
        },
        {
          code: '92101',
          name: 'Trạm Y tế phường Cái Khế',
          level: 'commune_station',
          provinceCode: '92',
          communeCode: '31120',
          parentCode: '92001',
        },
      ]) {
        const r = await p.app.inject({
          method: 'POST',
          url: '/api/v1/facilities',
          headers: { authorization: admin },
          payload: f,
        });
        assert.equal(r.statusCode, 201, r.body);
      }
      await createUser(p.db, {
        username: 'qt92001',
        fullName: 'QT',
        password: 'password-92001',
        roles: ['facility_admin'],
        facilityCode: '92001',
      });
      await createUser(p.db, {
        username: 'bs92001',
        fullName: 'BS',
        password: 'password-92001',
        roles: ['clinician'],
        facilityCode: '92001',
      });
    });
    after(() => p.dispose());

    test('list and filter', async () => {
      const r = await p.app.inject({
        method: 'GET',
        url: '/api/v1/facilities?level=commune_station',
        headers: { authorization: admin },
      });
      const body = r.json<{ items: { code: string; parentCode: string }[]; total: number }>();
      assert.equal(body.total, 1);
      assert.equal(body.items[0]?.parentCode, '92001');
    });

    test('duplicate code 409, bad code 400, province mismatch 400', async () => {
      const dup = await p.app.inject({
        method: 'POST',
        url: '/api/v1/facilities',
        headers: { authorization: admin },
        payload: { code: '92001', name: 'Trùng mã', level: 'private_clinic', provinceCode: '92' },
      });
      assert.equal(dup.statusCode, 409);
      const bad = await p.app.inject({
        method: 'POST',
        url: '/api/v1/facilities',
        headers: { authorization: admin },
        payload: { code: '92-1', name: 'Sai mã', level: 'private_clinic', provinceCode: '92' },
      });
      assert.equal(bad.json<Err>().error.code, 'VALIDATION_FAILED');
      const mis = await p.app.inject({
        method: 'POST',
        url: '/api/v1/facilities',
        headers: { authorization: admin },
        payload: { code: '79001', name: 'Khác tỉnh', level: 'private_clinic', provinceCode: '92' },
      });
      assert.equal(mis.json<Err>().error.code, 'FACILITY_CODE_PROVINCE_MISMATCH');
    });

    test('a clinician cannot create facilities', async () => {
      const bs = await p.login('bs92001', 'password-92001');
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/facilities',
        headers: { authorization: bs },
        payload: { code: '92777', name: 'Phòng khám', level: 'private_clinic', provinceCode: '92' },
      });
      assert.equal(r.statusCode, 403);
    });

    test('certificate: PEM accepted with fingerprint, garbage refused, other facility forbidden', async () => {
      const qt = await p.login('qt92001', 'password-92001');
      const pem = selfSignedCert();
      const ok = await p.app.inject({
        method: 'PUT',
        url: '/api/v1/facilities/92001/certificate',
        headers: { authorization: qt },
        payload: { certificatePem: pem },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.match(ok.json<{ certificateSha256: string }>().certificateSha256, /^[0-9a-f]{64}$/);
      const bad = await p.app.inject({
        method: 'PUT',
        url: '/api/v1/facilities/92001/certificate',
        headers: { authorization: qt },
        payload: {
          certificatePem: '-----BEGIN CERTIFICATE-----\n' + 'A'.repeat(200) + '\n-----END CERTIFICATE-----',
        },
      });
      assert.equal(bad.json<Err>().error.code, 'CERTIFICATE_INVALID');
      const other = await p.app.inject({
        method: 'PUT',
        url: '/api/v1/facilities/92101/certificate',
        headers: { authorization: qt },
        payload: { certificatePem: pem },
      });
      assert.equal(other.statusCode, 403);
    });

    test('API key: shown once, authenticates as the facility, revocable', async () => {
      const qt = await p.login('qt92001', 'password-92001');
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/facilities/92001/api-keys',
        headers: { authorization: qt },
        payload: { label: 'HIS' },
      });
      assert.equal(r.statusCode, 201, r.body);
      const { apiKey, id } = r.json<{ apiKey: string; id: string }>();
      const me = await p.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { 'x-api-key': apiKey },
      });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json<{ facilityCode: string }>().facilityCode, '92001');
      const list = await p.app.inject({
        method: 'GET',
        url: '/api/v1/facilities/92001/api-keys',
        headers: { authorization: qt },
      });
      assert.ok(!list.body.includes(apiKey), 'the key itself is never listed');
      const wrong = await p.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { 'x-api-key': apiKey.slice(0, -2) + 'zz' },
      });
      assert.equal(wrong.statusCode, 401);
      const del = await p.app.inject({
        method: 'DELETE',
        url: `/api/v1/facilities/92001/api-keys/${id}`,
        headers: { authorization: qt },
      });
      assert.equal(del.statusCode, 204);
      const after = await p.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { 'x-api-key': apiKey },
      });
      assert.equal(after.statusCode, 401);
    });
  });
}
