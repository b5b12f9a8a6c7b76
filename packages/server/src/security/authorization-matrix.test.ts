import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { ROLE_NAMES } from '@suckhoe/domain';
import { engines } from '../testing/engines.ts';
import { routeTable, type RouteEntry } from '../auth/policy.ts';
import { ROUTE_EXPECTATIONS } from './route-expectations.ts';
import { errorCode, HOME, securityFixture, type SecurityFixture } from './fixtures.ts';

const key = (r: Pick<RouteEntry, 'method' | 'url'>): string => `${r.method} ${r.url}`;

/** A value for each path parameter that the route table may contain (a new one must be added here). */
function sampleUrl(f: SecurityFixture, url: string): string {
  const samples: Record<string, string> = {
    person: f.patient.id,
    code: HOME,
    facility: HOME,
    clinic: 'K01',
    maLk: 'LK0001',
    id: randomUUID(),
  };
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = samples[name];
    if (v === undefined) throw new Error(`no sample value for path parameter :${name} (add it to sampleUrl)`);
    return v;
  });
}

function request(f: SecurityFixture, r: RouteEntry): InjectOptions {
  const withBody = ['POST', 'PUT', 'PATCH'].includes(r.method);
  return {
    method: r.method,
    url: sampleUrl(f, r.url),
    ...(withBody ? { payload: {} } : {}),
  };
}

for (const engine of engines()) {
  describe(`authorisation matrix: every route × every role [${engine}]`, () => {
    let f: SecurityFixture;
    let routes: RouteEntry[];
    before(async () => {
      f = await securityFixture(engine);
      routes = routeTable(f.p.app);
    });
    after(() => f.dispose());

    test('the route table lists every /api and /fhir route with its policy', () => {
      assert.ok(routes.length >= 20, `only ${routes.length} routes`);
      assert.ok(routes.every((r) => r.public || r.roles.length > 0));
      assert.ok(!routes.some((r) => r.method === 'HEAD'), 'automatic HEAD twins are not listed');
    });

    test('every route has an expectation, and every expectation a route', () => {
      const missing = routes.filter((r) => !(key(r) in ROUTE_EXPECTATIONS)).map(key);
      assert.deepEqual(
        missing,
        [],
        `routes without an expectation — add them to security/route-expectations.ts: ${missing.join(', ')}`,
      );
      const stale = Object.keys(ROUTE_EXPECTATIONS).filter((k) => !routes.some((r) => key(r) === k));
      assert.deepEqual(stale, [], `expectations for routes that no longer exist: ${stale.join(', ')}`);
    });

    test('the declared policies say what the expectations say', () => {
      for (const r of routes) {
        const exp = ROUTE_EXPECTATIONS[key(r)];
        if (exp === undefined) continue;
        if (exp === 'public') assert.ok(r.public, `${key(r)} should be public`);
        else {
          assert.ok(!r.public, `${key(r)} should not be public`);
          assert.deepEqual(
            [...r.roles].filter((x) => x !== 'admin').sort(),
            [...exp].sort(),
            `${key(r)} declares ${r.roles.join(',')}`,
          );
        }
      }
    });

    test('without credentials every non-public route answers 401', async () => {
      for (const r of routes.filter((x) => !x.public)) {
        const res = await f.inject(request(f, r));
        assert.equal(res.statusCode, 401, `${key(r)} → ${res.statusCode}`);
        assert.equal(errorCode(res), 'UNAUTHENTICATED');
      }
    });

    test('each role is let through exactly where the table says (and nothing answers 5xx)', async () => {
      const wrong: string[] = [];
      for (const r of routes) {
        const exp = ROUTE_EXPECTATIONS[key(r)];
        if (exp === undefined) continue;
        for (const role of ROLE_NAMES) {
          const expected = exp === 'public' || role === 'admin' || exp.includes(role);
          const res = await f.inject({ ...request(f, r), as: f.as[role] });
          if (res.statusCode >= 500) wrong.push(`${role} ${key(r)} → ${res.statusCode} ${res.body}`);
          assert.notEqual(res.statusCode, 401, `${role} ${key(r)}: credentials refused`);
          const denied = res.statusCode === 403 && errorCode(res) === 'FORBIDDEN';
          if (denied === expected) {
            wrong.push(
              `${role} ${key(r)}: expected ${expected ? 'allow' : 'deny'}, got ${res.statusCode} ${errorCode(res) ?? ''}`,
            );
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
}
