import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { engines, openTestDb, testConfig } from '../testing/engines.ts';
import { createPlatform } from '../server.ts';
import { insertPersons } from '../persons/repo.ts';
import { createUser } from '../auth/users.ts';
import { recordFailure } from '../auth/throttle.ts';
import { redactPath } from '../auth/redact.ts';
import { testPlatform, ADMIN_PASSWORD, type TestPlatform } from '../testing/platform.ts';
import { errorCode, PASSWORD, securityFixture, type SecurityFixture } from './fixtures.ts';

for (const engine of engines()) {
  describe(`login throttling [${engine}]`, () => {
    let f: SecurityFixture;
    before(async () => {
      f = await securityFixture(engine);
    });
    after(() => f.dispose());

    const login = (username: string, password: string, remoteAddress = '10.1.1.1') =>
      f.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

    test('5 failures lock the username for 1 minute (even the right password), audited as login_failed', async () => {
      for (let i = 0; i < 4; i++) assert.equal((await login('bs-home', 'wrong-password')).statusCode, 401);
      const fifth = await login('bs-home', 'wrong-password');
      assert.equal(fifth.statusCode, 401);
      assert.equal(fifth.headers['retry-after'], '60');
      const locked = await login('bs-home', PASSWORD, '10.1.1.2');
      assert.equal(locked.statusCode, 429);
      assert.equal(errorCode(locked), 'LOGIN_LOCKED');
      assert.ok(Number(locked.headers['retry-after']) > 50);
      const [c] = await f.p.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'login_failed' AND resource_id = $1",
        [f.userIds['bs-home']],
      );
      assert.equal(c?.n, 6);
      // the lock is per username: others log in
      assert.equal((await login('td-home', PASSWORD, '10.1.1.2')).statusCode, 200);
    });

    test('after the lock, each further failure doubles it (1, 2, 4 … min), capped at 1 hour', async () => {
      const expire = () =>
        f.p.db.query("UPDATE login_throttle SET locked_until = now() - interval '1 second'");
      await expire();
      const second = await login('bs-home', 'wrong-password');
      assert.equal(second.headers['retry-after'], '120');
      await expire();
      assert.equal((await login('bs-home', 'wrong-password')).headers['retry-after'], '240');
      const sec = f.p.deps.config.security;
      let lock = 0;
      for (let i = 0; i < 12; i++) lock = await recordFailure(f.p.db, 'u:cap-test', 1, sec);
      assert.equal(lock, 3600);
      await expire();
      await f.p.db.query('DELETE FROM login_throttle');
      assert.equal((await login('bs-home', PASSWORD)).statusCode, 200, 'a success after the lock clears it');
    });

    test('20 failures from one address lock that address, not others', async () => {
      for (let i = 0; i < 20; i++) await login(`nobody-${i}`, 'x', '10.9.9.9');
      const r = await login('tyt-home', PASSWORD, '10.9.9.9');
      assert.equal(r.statusCode, 429);
      assert.equal((await login('tyt-home', PASSWORD, '10.9.9.10')).statusCode, 200);
    });

    test('a failed login for a citizen account appears in that citizen’s access log, without the username', async () => {
      await login(f.patient.personalId, 'wrong-password', '10.2.2.2');
      const r = await f.inject({
        method: 'GET',
        url: `/api/v1/persons/${f.patient.id}/access-log`,
        as: f.as.citizen,
      });
      const items = r.json<{ items: { action: string; actor: { name: string | null } }[] }>().items;
      const failed = items.find((e) => e.action === 'login_failed');
      assert.ok(failed);
      assert.equal(failed.actor.name, null);
      const rows = await f.p.db.query<{ details: unknown; actor_name: string | null }>(
        "SELECT details, actor_name FROM audit_event WHERE action IN ('login', 'login_failed')",
      );
      assert.ok(
        !JSON.stringify(rows).includes(f.patient.personalId),
        'personal IDs never stored as usernames',
      );
    });
  });

  describe(`security headers, CORS, secrets [${engine}]`, () => {
    let p: TestPlatform;
    let cors: TestPlatform;
    before(async () => {
      p = await testPlatform(engine);
      cors = await testPlatform(engine, {
        CORS_ORIGINS: 'https://app.soyte.example, https://kiosk.soyte.example',
      });
    });
    after(async () => {
      await p.dispose();
      await cors.dispose();
    });

    test('security headers on API and docs; Swagger UI still loads its scripts from files', async () => {
      const r = await p.app.inject({ method: 'GET', url: '/health' });
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
      const docs = await p.app.inject({ method: 'GET', url: '/docs' });
      assert.equal(docs.statusCode, 200);
      assert.ok(
        !/<script>(?!\s*<\/script>)|<script(?![^>]*\ssrc=)[^>]*>\s*\S/.test(docs.body),
        'no inline script',
      );
      assert.equal((await p.app.inject({ method: 'GET', url: '/docs/json' })).statusCode, 200);
    });

    test('CORS: no cross-origin access by default; only the configured origins when CORS_ORIGINS is set', async () => {
      const preflight = (app: TestPlatform['app'], origin: string) =>
        app.inject({
          method: 'OPTIONS',
          url: '/api/v1/persons',
          headers: {
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        });
      assert.equal(
        (await preflight(p.app, 'https://evil.example')).headers['access-control-allow-origin'],
        undefined,
      );
      const ok = await preflight(cors.app, 'https://app.soyte.example');
      assert.equal(ok.headers['access-control-allow-origin'], 'https://app.soyte.example');
      assert.match(String(ok.headers['access-control-allow-headers']), /X-Break-Glass-Reason/i);
      assert.equal(
        (await preflight(cors.app, 'https://evil.example')).headers['access-control-allow-origin'],
        undefined,
      );
    });

    test('without JWT_SECRET the signing key is generated into DATA_DIR/secrets (mode 600)', async () => {
      const tdb = await openTestDb(engine);
      const config = testConfig();
      const t = await createPlatform(
        { ...config, jwtSecret: undefined },
        { db: tdb.db, logger: false, print: () => undefined },
      );
      try {
        const dir = join(config.dataDir, 'secrets');
        assert.deepEqual(readdirSync(dir), ['jwt-keys.json']);
        assert.equal(statSync(join(dir, 'jwt-keys.json')).mode & 0o777, 0o600);
        const login = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'admin', password: ADMIN_PASSWORD },
        });
        const auth = `Bearer ${login.json<{ accessToken: string }>().accessToken}`;
        assert.equal(
          (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: auth } }))
            .statusCode,
          200,
        );
      } finally {
        await t.close();
        await tdb.dispose();
        config.cleanup();
      }
    });
  });

  describe(`personal data stays out of the logs [${engine}]`, () => {
    test('searching and reading a person logs no personal ID, name, phone or card number', async () => {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _enc, cb) {
          lines.push(chunk.toString());
          cb();
        },
      });
      const tdb = await openTestDb(engine);
      const config = testConfig({ LOG_LEVEL: 'trace' });
      const p = await createPlatform(config, {
        db: tdb.db,
        logger: true,
        logStream: stream,
        print: () => undefined,
      });
      try {
        const [id] = await insertPersons(p.db, [
          {
            personalId: '092190012345',
            fullName: 'Nguyễn Thị Ánh Tuyết',
            birthDate: '1990-05-17',
            sex: 'female',
            phone: '0912345678',
            identifiers: [{ system: 'bhyt', value: 'DN4929212345678' }],
          },
        ]);
        await createUser(p.db, {
          username: '092190012345',
          fullName: 'Nguyễn Thị Ánh Tuyết',
          password: PASSWORD,
          roles: ['citizen'],
          personId: id!,
        });
        const admin = {
          authorization: (
            await p.app.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: 'admin', password: ADMIN_PASSWORD },
            })
          ).json<{ accessToken: string }>().accessToken,
        };
        const h = { authorization: `Bearer ${admin.authorization}` };
        for (const url of [
          '/api/v1/persons?identifier=092190012345',
          '/api/v1/persons?q=DN4929212345678',
          `/api/v1/persons?name=${encodeURIComponent('Nguyễn Thị Ánh Tuyết')}&birthDate=1990-05-17`,
          '/api/v1/persons/092190012345',
          '/api/v1/persons/092190012345/access-log',
          '/api/v1/persons/0921 9001 2345',
        ]) {
          await p.app.inject({
            method: 'GET',
            url,
            headers: { ...h, 'x-break-glass-reason': 'Log redaction test, reading' },
          });
        }
        await p.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: '092190012345', password: 'wrong-password' },
        });
        await p.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: '092190012345', password: PASSWORD },
        });
        await p.app.inject({
          method: 'POST',
          url: '/api/v1/persons',
          headers: h,
          payload: {
            personalId: '092190012345',
            fullName: 'Nguyễn Thị Ánh Tuyết',
            birthDate: '1990-05-17',
            sex: 'female',
            phone: '0912345678',
          },
        });
        const all = lines.join('');
        assert.ok(lines.length > 10, `captured ${lines.length} log lines`);
        assert.match(all, /:redacted/, 'the path is logged, redacted');
        for (const secret of [
          '092190012345',
          '0921 9001 2345',
          '0921%209001%202345',
          'DN4929212345678',
          'Tuyết',
          'Tuy%E1%BA%BFt',
          'Tuyet',
          '0912345678',
          'wrong-password',
          PASSWORD,
        ]) {
          assert.ok(!all.includes(secret), `log lines contain ${secret}`);
        }
      } finally {
        await p.close();
        await tdb.dispose();
        config.cleanup();
      }
    });
  });
}

describe('path redaction', () => {
  test('identifier-looking path segments are masked, others kept', () => {
    assert.equal(redactPath('/api/v1/persons/092190012345?x=1'), '/api/v1/persons/:redacted');
    assert.equal(
      redactPath('/api/v1/persons/DN4929212345678/health-book'),
      '/api/v1/persons/:redacted/health-book',
    );
    assert.equal(
      redactPath('/api/v1/persons/3f0e3b8e-1c1a-4e0e-9a55-4d2b8f1e0a11'),
      '/api/v1/persons/3f0e3b8e-1c1a-4e0e-9a55-4d2b8f1e0a11',
    );
    assert.equal(redactPath('/api/v1/facilities/92001'), '/api/v1/facilities/92001');
  });
});
