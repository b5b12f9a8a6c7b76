import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../testing/engines.ts';
import { testPlatform, type TestPlatform } from '../testing/platform.ts';

for (const engine of engines()) {
  describe(`HTTP basics [${engine}]`, () => {
    let p: TestPlatform;
    before(async () => {
      p = await testPlatform(engine);
    });
    after(() => p.dispose());

    test('GET /health answers without login', async () => {
      const r = await p.app.inject({ method: 'GET', url: '/health' });
      assert.equal(r.statusCode, 200);
      assert.equal(r.json<{ status: string; database: string }>().database, engine);
    });

    test('every /api route needs a token', async () => {
      const r = await p.app.inject({ method: 'GET', url: '/api/v1/persons?q=Nguyen' });
      assert.equal(r.statusCode, 401);
      assert.equal(r.json<{ error: { code: string } }>().error.code, 'UNAUTHENTICATED');
    });

    test('a forged or tampered token is refused', async () => {
      const auth = await p.login();
      const tampered = auth.slice(0, -3) + (auth.endsWith('a') ? 'bbb' : 'aaa');
      const r = await p.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: tampered },
      });
      assert.equal(r.statusCode, 401);
    });

    test('login with a wrong password: 401 with a Vietnamese message', async () => {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: 'wrong-password' },
      });
      assert.equal(r.statusCode, 401);
      const e = r.json<{ error: { code: string; message: string } }>().error;
      assert.equal(e.code, 'INVALID_CREDENTIALS');
      assert.match(e.message, /mật khẩu/);
    });

    test('login then /me', async () => {
      const auth = await p.login();
      const r = await p.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: auth },
      });
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json<{ roles: string[] }>().roles, ['admin']);
    });

    test('malformed JSON body: 400 INVALID_JSON', async () => {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "admin", ',
      });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json<{ error: { code: string } }>().error.code, 'INVALID_JSON');
    });

    test('schema violation: 400 VALIDATION_FAILED naming the field', async () => {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin' },
      });
      assert.equal(r.statusCode, 400);
      const e = r.json<{ error: { code: string; details: { issues: { field?: string }[] } } }>().error;
      assert.equal(e.code, 'VALIDATION_FAILED');
      assert.ok(e.details.issues.some((i) => i.field === 'password'));
    });

    test('oversize body: 413', async () => {
      const r = await p.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'x'.repeat(2_000_000), password: 'y' },
      });
      assert.equal(r.statusCode, 413);
      assert.equal(r.json<{ error: { code: string } }>().error.code, 'PAYLOAD_TOO_LARGE');
    });

    test('unknown route: 404 JSON', async () => {
      const r = await p.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
      assert.equal(r.statusCode, 404);
      assert.equal(r.json<{ error: { code: string } }>().error.code, 'ROUTE_NOT_FOUND');
    });

    test('OpenAPI document lists the API', async () => {
      const r = await p.app.inject({ method: 'GET', url: '/docs/json' });
      assert.equal(r.statusCode, 200);
      const doc = r.json<{ openapi: string; paths: Record<string, unknown> }>();
      assert.match(doc.openapi, /^3\./);
      assert.ok(doc.paths['/api/v1/persons']);
      assert.ok(doc.paths['/api/v1/identity/parse']);
    });

    test('a route without an access policy cannot be registered', async () => {
      const { buildApp } = await import('./app.ts');
      const app = await buildApp(p.deps, { logger: false });
      assert.throws(() => {
        app.get('/api/v1/forgotten', () => 'x');
      }, /declares no access policy/);
      await app.close();
    });
  });
}
