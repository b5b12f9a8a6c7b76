/**
 * Browser test of the facility admin's clinics screen against the real platform (demo province,
 * demo facility admin `qtcoso`): the facility's clinics are listed, one is added with its service
 * code, one removed, the list saved; the desk's clinic list (the API) follows at once. A clinic
 * without a name is refused with the server's Vietnamese message and nothing changes.
 * Screenshots: test-results/screenshots/clinics-admin-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.ts';
import { apiSession, type Session } from './support/checkin.ts';
import { openAppPage } from './support/app-page.ts';
import { startServer, type RunningServer } from './support/server.ts';

const FACILITY_ADMIN = 'qtcoso';

describe("facility admin declares the facility's clinics (real server, chromium)", () => {
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[];
  let admin: Session;
  let facility: string;
  const cleanups: (() => Promise<void>)[] = [];

  const clinicCodes = async (): Promise<string[]> => {
    const r = await fetch(`${server.baseUrl}/api/v1/facilities/${facility}/clinics`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    assert.equal(r.status, 200);
    return ((await r.json()) as { items: { code: string }[] }).items.map((c) => c.code);
  };

  before(async () => {
    server = await startServer();
    cleanups.push(() => server.stop());
    admin = await apiSession(server.baseUrl, FACILITY_ADMIN);
    assert.ok(admin.user.facilityCode, 'the demo facility admin belongs to a facility');
    facility = admin.user.facilityCode;
    ({ page, pageErrors } = await openAppPage(cleanups, {
      viewport: { width: 1366, height: 900 },
      session: admin,
    }));
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('opens from the navbar with the current clinics', async () => {
    await page.goto(`${server.baseUrl}/#/persons`);
    await page.getByRole('link', { name: 'Phòng khám của cơ sở' }).click();
    await page.getByRole('heading', { name: 'Phòng khám (hàng đợi) của cơ sở' }).waitFor();
    const before = await clinicCodes();
    assert.ok(before.includes('K01'));
    assert.equal(await page.getByLabel('Mã phòng 1', { exact: true }).inputValue(), before[0]);
    await screenshot(page, 'clinics-admin-01-list');
  });

  it('a clinic without a name is refused with the server message; nothing changes', async () => {
    const before = await clinicCodes();
    await page.getByRole('button', { name: 'Thêm phòng khám' }).click();
    const n = before.length + 1;
    await page.getByLabel(`Mã phòng ${String(n)}`, { exact: true }).fill('K09');
    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await page.getByRole('alert').waitFor();
    assert.deepEqual(await clinicCodes(), before);
  });

  it('adds a clinic with its service code, removes one, saves: the desk list follows', async () => {
    const before = await clinicCodes();
    const n = before.length + 1;
    await page.getByLabel(`Tên phòng khám ${String(n)}`, { exact: true }).fill('Khám Da liễu');
    await page.getByLabel(`Mã dịch vụ khám ${String(n)}`, { exact: true }).fill('02.1900');
    const last = before[before.length - 1]!;
    await page.getByRole('button', { name: `Bỏ phòng khám ${last}` }).click();
    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await page.getByText(`Đã lưu ${String(before.length)} phòng khám.`).waitFor();
    const after = await clinicCodes();
    assert.deepEqual(after, [...before.slice(0, -1), 'K09']);
    await screenshot(page, 'clinics-admin-02-saved');
    assert.deepEqual(pageErrors, []);
  });
});
