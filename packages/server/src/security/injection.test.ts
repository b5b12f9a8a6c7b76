import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../testing/engines.ts';
import { routeTable } from '../auth/policy.ts';
import { HOME, REASON, securityFixture, type SecurityFixture } from './fixtures.ts';

/** Classic SQL-injection payloads, including ones aimed at PostgreSQL specifically. */
const SQLI = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR ""="',
  "'; DROP TABLE person; --",
  "1' UNION SELECT id, personal_id, full_name FROM person --",
  "x'||(SELECT pg_sleep(2))||'",
  '1; SELECT pg_sleep(2)',
  '$$ OR 1=1 $$',
  "E'\\x27 OR 1=1",
  '%',
  '_',
  '\\',
  "admin'/*",
  '0921%',
  '\u0000',
];

/** Path-traversal and odd path segments for every `:param`. */
const TRAVERSAL = [
  '..',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....%2F%2F....%2F%2Fetc%2Fpasswd',
  '..%5C..%5Cwindows%5Cwin.ini',
  '%252e%252e%252fetc%252fpasswd',
  '%00',
  '%2Fetc%2Fpasswd',
  "1'%20OR%20'1'%3D'1",
  'a'.repeat(300),
];

const LEAK = /syntax error|SQLSTATE|pg_catalog|relation "|column "|at character|unterminated|root:x:0:0/i;

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
}

for (const engine of engines()) {
  describe(`injection and traversal across the route table [${engine}]`, () => {
    let f: SecurityFixture;
    let doc: OpenApi;
    before(async () => {
      f = await securityFixture(engine);
      doc = (await f.inject({ method: 'GET', url: '/docs/json' })).json<OpenApi>();
    });
    after(() => f.dispose());

    /** Admin with a break-glass reason: passes every role and person check, so inputs reach the handlers. */
    const admin = () => ({ ...f.as.admin, 'x-break-glass-reason': REASON });
    const fill = (url: string) =>
      url
        .replace(/:person/g, f.patient.id)
        .replace(/:(code|facility)\b/g, HOME)
        .replace(/:clinic/g, 'K01')
        .replace(/:maLk/g, 'LK0001')
        .replace(/:id/g, '00000000-0000-4000-8000-000000000000');

    test('SQL-injection strings in every query parameter of every GET route: 200 or 400, never a leak or a 500', async () => {
      let tried = 0;
      const before = await f.p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
      for (const r of routeTable(f.p.app).filter((x) => x.method === 'GET')) {
        const openapiPath = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
        const params = (doc.paths[openapiPath]?.get?.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => p.name);
        for (const name of params) {
          for (const payload of SQLI) {
            const url = `${fill(r.url)}?${name}=${encodeURIComponent(payload)}`;
            const as = r.url.includes('/consents') ? f.as.citizen : admin();
            const t0 = Date.now();
            const res = await f.inject({ method: 'GET', url, as });
            tried++;
            // 404 only where the path itself names the placeholder id (no such resource), never otherwise.
            const allowed = url.includes('00000000-0000-4000-8000-000000000000')
              ? [200, 400, 404]
              : [200, 400];
            assert.ok(
              allowed.includes(res.statusCode),
              `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
            assert.ok(!LEAK.test(res.body), `${url} leaks: ${res.body.slice(0, 200)}`);
            assert.ok(Date.now() - t0 < 1500, `${url} took ${Date.now() - t0} ms (pg_sleep ran?)`);
            if (res.statusCode === 200 && name !== 'limit' && name !== 'offset') {
              const body = res.json<{ total?: number }>();
              if (typeof body.total === 'number' && ['q', 'identifier', 'name'].includes(name)) {
                assert.equal(body.total, 0, `${url} matched ${body.total} rows`);
              }
            }
          }
        }
      }
      assert.ok(
        tried >= SQLI.length * 10,
        `only ${tried} requests: did the route table lose its querystrings?`,
      );
      const afterCount = await f.p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
      assert.deepEqual(afterCount, before, 'no table was changed');
    });

    test('path traversal in every path parameter of every route: 400, 404 or 414, never a 500', async () => {
      let tried = 0;
      for (const r of routeTable(f.p.app).filter((x) => x.url.includes(':'))) {
        const names = [...r.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
        for (const name of names) {
          for (const bad of TRAVERSAL) {
            const url = fill(r.url.replace(`:${name}`, bad));
            const withBody = ['POST', 'PUT', 'PATCH'].includes(r.method);
            const res = await f.inject({
              method: r.method,
              url,
              as: admin(),
              ...(withBody ? { payload: {} } : {}),
            });
            tried++;
            assert.ok(
              [400, 404, 414].includes(res.statusCode),
              `${r.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
            assert.ok(!LEAK.test(res.body), `${url} leaks`);
          }
        }
      }
      assert.ok(tried > 50, `${tried}`);
    });

    test('static files: traversal out of the web root is a 404', async () => {
      for (const url of [
        '/..%2F..%2Fetc%2Fpasswd',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/docs/static/..%2F..%2F..%2Fpackage.json',
        '/assets/../../../etc/passwd',
      ]) {
        const res = await f.inject({ method: 'GET', url });
        assert.ok(
          res.statusCode === 404 ||
            res.statusCode === 400 ||
            (res.statusCode === 200 && /<!doctype html>/i.test(res.body)),
          `${url} → ${res.statusCode}`,
        );
        assert.ok(!LEAK.test(res.body) && !res.body.includes('"workspaces"'), `${url} leaked a file`);
      }
    });
  });
}
