import { after, before, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT } from 'jose';
import { z } from 'zod';
import { engines } from '../testing/engines.ts';
import { buildApp } from '../http/app.ts';
import { AUDIENCE, ISSUER, tokenService, type Principal } from '../auth/tokens.ts';
import { envKeyRing, fileKeyRing, keyFile, rotateKeyFile } from '../auth/keys.ts';
import { errorCode, HOME, OTHER, PASSWORD, securityFixture, type SecurityFixture } from './fixtures.ts';

const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789'; // testing/engines.ts testConfig
const principal: Principal = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000001',
  username: 'bs',
  roles: ['clinician'],
  facilityCode: HOME,
  personId: null,
};

describe('signing keys and rotation', () => {
  test('a token signed with the previous key is accepted after rotation; one two keys back is not', async () => {
    const v1 = tokenService(envKeyRing('secret-one-secret-one-secret-one-01'), 900);
    const v2 = tokenService(
      envKeyRing('secret-two-secret-two-secret-two-02', ['secret-one-secret-one-secret-one-01']),
      900,
    );
    const v3 = tokenService(
      envKeyRing('secret-3-secret-3-secret-3-secret-3', ['secret-two-secret-two-secret-two-02']),
      900,
    );
    const t1 = await v1.issue(principal);
    assert.equal((await v2.verify(t1))?.id, principal.id);
    assert.equal(await v3.verify(t1), null);
    assert.equal((await v3.verify(await v2.issue(principal)))?.username, 'bs');
  });

  test('a verified token is remembered until it expires or its key leaves the ring', async () => {
    let current = envKeyRing('secret-one-secret-one-secret-one-01');
    // A ring whose keys can change under the service, like the file ring after `keys rotate`.
    const ring = {
      current: () => current.current(),
      find: (kid: string) => current.find(kid),
      list: () => current.list(),
    };
    const svc = tokenService(ring, 60);
    const t = await svc.issue(principal);
    assert.equal((await svc.verify(t))?.id, principal.id);
    assert.equal((await svc.verify(t))?.id, principal.id, 'second use of the same token');
    // A one-character change to the signature is a different token: verified afresh, refused.
    const last = t.at(-1) === 'A' ? 'B' : 'A';
    assert.equal(await svc.verify(t.slice(0, -1) + last), null);
    current = envKeyRing('secret-3-secret-3-secret-3-secret-3', ['secret-two-secret-two-secret-two-02']);
    assert.equal(await svc.verify(t), null, 'key rotated out of the ring: remembered token refused');
    current = envKeyRing('secret-one-secret-one-secret-one-01');
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    try {
      const t2 = await svc.issue(principal);
      assert.ok(await svc.verify(t2));
      mock.timers.tick(61_000);
      assert.equal(await svc.verify(t2), null, 'expired: remembered token refused');
    } finally {
      mock.timers.reset();
    }
  });

  test('generated key file: created mode 600, rotated by command and by age, previous key kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    try {
      const ring = fileKeyRing(dir, 90);
      assert.equal(statSync(keyFile(dir)).mode & 0o777, 0o600);
      const old = await tokenService(ring, 900).issue(principal);
      const kid = rotateKeyFile(dir);
      const after = fileKeyRing(dir, 90);
      assert.equal(after.current().kid, kid);
      assert.equal(
        (await tokenService(after, 900).verify(old))?.id,
        principal.id,
        'previous key still accepted',
      );
      rotateKeyFile(dir);
      assert.equal(
        await tokenService(fileKeyRing(dir, 90), 900).verify(old),
        null,
        'two rotations later: refused',
      );
      // A current key older than JWT_KEY_MAX_AGE_DAYS is rotated when the ring loads.
      const stored = JSON.parse(readFileSync(keyFile(dir), 'utf8')) as { kid: string; createdAt: string }[];
      stored[0]!.createdAt = new Date(Date.now() - 100 * 86_400_000).toISOString();
      writeFileSync(keyFile(dir), JSON.stringify(stored));
      assert.notEqual(fileKeyRing(dir, 90).current().kid, stored[0]!.kid);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a legacy DATA_DIR/secrets/jwt.key becomes the first key of the ring', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    try {
      mkdirSync(join(dir, 'secrets'), { mode: 0o700 });
      writeFileSync(join(dir, 'secrets', 'jwt.key'), 'legacy-secret-legacy-secret-legacy-0001\n', {
        mode: 0o600,
      });
      const ring = fileKeyRing(dir, 90);
      assert.equal(
        new TextDecoder().decode(ring.current().secret),
        'legacy-secret-legacy-secret-legacy-0001',
      );
      assert.equal(ring.list().length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const engine of engines()) {
  describe(`tokens, refresh and API keys [${engine}]`, () => {
    let f: SecurityFixture;
    before(async () => {
      f = await securityFixture(engine);
    });
    after(() => f.dispose());

    const me = (headers: Record<string, string>) =>
      f.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const secret = new TextEncoder().encode(TEST_SECRET);
    const kid = envKeyRing(TEST_SECRET).current().kid;
    const claims = { roles: ['admin'], fac: null, pid: null, name: 'intruder' };

    test('a well-formed token with the right key is accepted (control)', async () => {
      const t = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(principal.id)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(secret);
      assert.equal((await me(bearer(t))).statusCode, 200);
    });

    test('tampered, expired, wrong-audience, wrong-issuer, unsigned and foreign-key tokens are refused', async () => {
      const base = () =>
        new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid }).setSubject(principal.id).setIssuedAt();
      const good = await f.p.login('bs-home', PASSWORD);
      const [h, payload, sig] = good.slice(7).split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['admin'] }),
      ).toString('base64url');
      const cases: Record<string, string> = {
        'tampered payload': `${h!}.${forged}.${sig!}`,
        'tampered signature': `${h!}.${payload!}.${sig!.slice(0, -4)}AAAA`,
        expired: await base()
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(secret),
        'wrong audience': await base()
          .setIssuer(ISSUER)
          .setAudience('bhxh-portal')
          .setExpirationTime('5m')
          .sign(secret),
        'wrong issuer': await base()
          .setIssuer('someone-else')
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(secret),
        'no expiry': await base().setIssuer(ISSUER).setAudience(AUDIENCE).sign(secret),
        'alg none': new UnsecuredJWT(claims)
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject(principal.id)
          .setExpirationTime('5m')
          .encode(),
        'signed with another secret': await base()
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode('another-secret-another-secret-another-1')),
        'unknown kid': await new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', kid: 'nope' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setSubject(principal.id)
          .setExpirationTime('5m')
          .sign(secret),
        garbage: 'not.a.token',
      };
      for (const [name, t] of Object.entries(cases)) {
        const r = await me(bearer(t));
        assert.equal(r.statusCode, 401, name);
        assert.equal(errorCode(r), 'UNAUTHENTICATED', name);
      }
      assert.equal((await me({ authorization: good })).statusCode, 200, 'the untouched token works');
    });

    test('access tokens are short-lived (15 minutes by default) and name their key', async () => {
      const r = await f.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'bs-home', password: PASSWORD },
      });
      const s = r.json<{ accessToken: string; expiresIn: number; refreshToken: string }>();
      assert.equal(s.expiresIn, 900);
      const header = JSON.parse(Buffer.from(s.accessToken.split('.')[0]!, 'base64url').toString()) as {
        kid?: string;
      };
      assert.equal(header.kid, kid);
      assert.match(s.refreshToken, /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    });

    test('refresh rotates; reusing a rotated refresh token revokes the whole session', async () => {
      const login = await f.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'td-home', password: PASSWORD },
      });
      const first = login.json<{ refreshToken: string }>().refreshToken;
      const r1 = await f.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: first },
      });
      assert.equal(r1.statusCode, 200, r1.body);
      const second = r1.json<{ accessToken: string; refreshToken: string }>();
      assert.notEqual(second.refreshToken, first);
      assert.equal((await me(bearer(second.accessToken))).statusCode, 200);
      const [stored] = await f.p.db.query<{ token_hash: string }>(
        'SELECT token_hash FROM refresh_token LIMIT 1',
      );
      assert.ok(stored && !first.includes(stored.token_hash), 'only a digest is stored');
      // The old token again: someone copied it. Both it and the newer one stop working.
      const reuse = await f.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: first },
      });
      assert.equal(reuse.statusCode, 401);
      assert.equal(errorCode(reuse), 'INVALID_REFRESH_TOKEN');
      const after = await f.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: second.refreshToken },
      });
      assert.equal(after.statusCode, 401);
      const [ev] = await f.p.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'token_reuse'",
      );
      assert.equal(ev?.n, 1);
    });

    test('logout revokes the refresh token; a disabled account cannot refresh', async () => {
      const login = await f.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'tyt-home', password: PASSWORD },
      });
      const rt = login.json<{ refreshToken: string }>().refreshToken;
      assert.equal(
        (await f.inject({ method: 'POST', url: '/api/v1/auth/logout', payload: { refreshToken: rt } }))
          .statusCode,
        204,
      );
      assert.equal(
        (await f.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: rt } }))
          .statusCode,
        401,
      );
      const login2 = await f.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'tyt-home', password: PASSWORD },
      });
      await f.p.db.query("UPDATE app_user SET disabled = true WHERE username = 'tyt-home'");
      const r = await f.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: login2.json<{ refreshToken: string }>().refreshToken },
      });
      assert.equal(r.statusCode, 401);
      await f.p.db.query("UPDATE app_user SET disabled = false WHERE username = 'tyt-home'");
    });

    test("another facility's API key or admin is refused on a facility-scoped route", async () => {
      const patch = (as: Record<string, string>) =>
        f.inject({
          method: 'PATCH',
          url: `/api/v1/facilities/${HOME}`,
          payload: { name: 'Tên mới của bệnh viện' },
          as,
        });
      const r = await patch(f.other.facilityAdmin);
      assert.equal(r.statusCode, 403);
      assert.equal(errorCode(r), 'FACILITY_SCOPE_FORBIDDEN');
      assert.equal((await patch(f.as.facility_admin)).statusCode, 200);
      const keys = await f.inject({
        method: 'GET',
        url: `/api/v1/facilities/${HOME}/api-keys`,
        as: f.other.facilityAdmin,
      });
      assert.equal(errorCode(keys), 'FACILITY_SCOPE_FORBIDDEN');
      // An API key acting for its facility only (a route scoped by `facilityParam`, as XML ingest will be).
      const app = await buildApp(f.p.deps, { logger: false });
      app.post(
        '/api/v1/test/facilities/:code/push',
        {
          config: { roles: ['integration_client'], facilityParam: 'code' },
          schema: { params: z.object({ code: z.string() }) },
        },
        async () => ({ ok: true }),
      );
      const push = (code: string, as: Record<string, string>) =>
        app.inject({ method: 'POST', url: `/api/v1/test/facilities/${code}/push`, headers: as, payload: {} });
      assert.equal((await push(HOME, f.as.integration_client)).statusCode, 200);
      const foreign = await push(HOME, f.other.apiKey);
      assert.equal(foreign.statusCode, 403);
      assert.equal(errorCode(foreign), 'FACILITY_SCOPE_FORBIDDEN');
      assert.equal((await push(OTHER, f.other.apiKey)).statusCode, 200);
      await app.close();
    });

    test('a revoked or malformed API key is refused', async () => {
      const r = await me({ 'x-api-key': 'skh_aaaaaaaaaaaa_' + 'b'.repeat(32) });
      assert.equal(r.statusCode, 401);
      assert.equal((await me({ 'x-api-key': "' OR 1=1 --" })).statusCode, 401);
    });
  });
}
