/**
 * Browser test of the citizen's own health book on a phone (390 × 844) against the real platform:
 * the demo citizen signs in with their personal ID and lands on their book — visits as a timeline,
 * history (allergy, blood group, height received through FHIR), appointments, referral, papers —
 * with no horizontal scrolling. Seeded through the API (XML 130 and FHIR).
 * Screenshots: test-results/screenshots/healthbook-citizen-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.ts';
import { apiSession, DEMO_PASSWORD } from './support/checkin.ts';
import { seedCitizenBook, type DemoCitizen } from './support/healthbook.ts';
import { openAppPage } from './support/app-page.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('citizen’s own health book on a phone (real server, chromium)', () => {
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[];
  let citizen: DemoCitizen;
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    server = await startServer();
    cleanups.push(() => server.stop());
    const doctor = await apiSession(server.baseUrl, 'bacsi');
    citizen = await seedCitizenBook(server, doctor.user.facilityCode!, 6);

    ({ page, pageErrors } = await openAppPage(cleanups, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    }));
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('signs in with the personal ID and lands on “Sổ sức khỏe của tôi”', async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel('Tên đăng nhập').fill(citizen.username);
    await page.getByLabel(/^Mật khẩu/).fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sổ sức khỏe của tôi' }).waitFor();
    await page.getByRole('heading', { name: citizen.fullName }).waitFor();
    await page.getByText(/^6 \/ 6 đợt$/).waitFor();
    await screenshot(page, 'healthbook-citizen-01-visits');
  });

  it('shows the history received through FHIR', async () => {
    await page.getByRole('button', { name: 'Tiền sử sức khỏe' }).click();
    await page.getByText('Penicillin — Nổi mề đay').waitFor();
    await page.getByText('O Rh+').waitFor();
    await page.getByText('162 cm').waitFor();
    await page.getByText(/Vắc xin COVID-19/).waitFor();
    await page.getByText(/Hút thuốc lá: Không hút thuốc/).waitFor();
    await page.getByRole('button', { name: 'Tiền sử sức khỏe' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'healthbook-citizen-02-history');
  });

  it('shows appointments, the referral slip and the papers', async () => {
    await page.getByRole('button', { name: /Lịch hẹn tái khám/ }).click();
    await page.getByRole('button', { name: /Giấy chuyển tuyến \(1\)/ }).click();
    await page.getByText(/Hiệu lực đến/).waitFor();
    await page.getByRole('button', { name: /Giấy tờ \(\d+\)/ }).click();
    await page.getByText('Giấy ra viện').first().waitFor();
    await page.getByRole('button', { name: /Giấy chuyển tuyến/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'healthbook-citizen-03-papers');
  });

  it('fits the phone: no horizontal scrolling, no page errors', async () => {
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `no horizontal scroll (${String(overflow)} px)`);
    assert.deepEqual(pageErrors, []);
  });
});
