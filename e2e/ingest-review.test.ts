/**
 * Browser test of the patient identity review of XML 130 ingest against the real platform (demo
 * province, demo registrar `tiepdon`): an episode sent without any usable identifier is queued; the
 * registrar sees the patient as sent and a registry person with the same name and birth date, links
 * the episode to that person, and finds the decision under "Đã xử lý".
 * Screenshots: test-results/screenshots/ingest-review-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { emitEnvelope } from '@suckhoe/domain/xml130/index';
import { syntheticHoso } from '../packages/server/src/ingest/synthetic.ts';
import { screenshot, settled } from './support/browser.ts';
import { apiPost, apiSession, REGISTRAR, type Session } from './support/checkin.ts';
import { postXml } from './support/healthbook.ts';
import { openAppPage } from './support/app-page.ts';
import { startServer, type RunningServer } from './support/server.ts';

const NAME = 'Lê Thị Xét Duyệt';

/** One generated episode at `facility` for a patient without personal ID, card or BHXH number. */
function anonymousEnvelope(facility: string): string {
  const h = syntheticHoso(0, { facility, patients: 1, prefix: 'E2EREV', seed: 7 });
  for (const records of Object.values(h.tables) as unknown as Record<string, string>[][]) {
    for (const r of records) {
      if ('HO_TEN' in r) r.HO_TEN = NAME.toUpperCase();
      if ('NGAY_SINH' in r) r.NGAY_SINH = '198805120000';
      if ('GIOI_TINH' in r) r.GIOI_TINH = '2';
      if ('SO_CCCD' in r) r.SO_CCCD = '';
      if ('MA_THE_BHYT' in r) delete r.MA_THE_BHYT;
      if ('MA_BN' in r) r.MA_BN = 'BN-E2E-REVIEW';
    }
  }
  return emitEnvelope({ macskcb: facility, ngayLap: '20260320', hoso: [h] });
}

describe('patient identity review of XML 130 ingest (real server, chromium)', () => {
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[];
  let registrar: Session;
  let existingId: string;
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    server = await startServer();
    cleanups.push(() => server.stop());
    const admin = await apiSession(server.baseUrl, 'admin', server.adminPassword);
    registrar = await apiSession(server.baseUrl, REGISTRAR);
    const facility = registrar.user.facilityCode;
    assert.ok(facility, 'the demo registrar belongs to a facility');
    const created = await apiPost(server.baseUrl, admin, '/api/v1/persons', {
      fullName: NAME,
      birthDate: '1988-05-12',
      sex: 'female',
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    existingId = (created.json as { id: string }).id;
    const receipt = await postXml(server.baseUrl, admin.accessToken, anonymousEnvelope(facility));
    assert.equal(receipt.accepted, 1, JSON.stringify(receipt.results));

    ({ page, pageErrors } = await openAppPage(cleanups, {
      viewport: { width: 1366, height: 900 },
      session: registrar,
    }));
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('opens the queue from the navbar and shows the episode with its candidate', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('link', { name: 'Xác định người bệnh (XML 130)' }).click();
    await page.getByRole('heading', { name: 'Xác định người bệnh của hồ sơ XML 130' }).waitFor();
    const card = page.getByRole('article', { name: NAME.toUpperCase() });
    await card.waitFor();
    assert.match(await card.innerText(), /Không có giấy tờ dùng được/i);
    assert.match(await card.innerText(), /cùng họ tên, ngày sinh/i);
    await settled(page);
    await screenshot(page, 'ingest-review-01-queue');
  });

  it('links the episode to the registry person; the item moves to "Đã xử lý"', async () => {
    const card = page.getByRole('article', { name: NAME.toUpperCase() });
    await card.getByRole('button', { name: 'Gắn vào người này' }).first().click();
    await card.waitFor({ state: 'detached' });
    await page.getByText('Đã xử lý').click();
    const done = page.getByRole('article', { name: NAME.toUpperCase() });
    await done.waitFor();
    assert.match(await done.innerText(), /Đã gắn bởi tiepdon/i);
    await settled(page);
    await screenshot(page, 'ingest-review-02-resolved');
    const res = await fetch(`${server.baseUrl}/api/v1/ingest/reviews?status=resolved`, {
      headers: { authorization: `Bearer ${registrar.accessToken}` },
    });
    const body = (await res.json()) as { items: { resolution: { personId: string } | null }[] };
    assert.ok(body.items.some((i) => i.resolution?.personId === existingId));
  });

  it('raised no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
