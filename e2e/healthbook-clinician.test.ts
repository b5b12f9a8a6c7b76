/**
 * Browser test of the clinician's person view against the real platform (demo province, demo
 * clinician `bacsi`): find a patient, meet the care-relationship gate, start care, read the health
 * book as a Vietnamese timeline (diagnoses with ICD-10 names, drugs, lab results, advice), open an
 * episode's details, page to older episodes, see referral / appointment / papers, the history
 * received through FHIR; emergency (break-glass) access to another patient; a narrow screen.
 * Seeded through the API: XML 130 episodes (POST /api/v1/xml130) and a FHIR transaction.
 * Screenshots: test-results/screenshots/healthbook-clinician-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot, settled } from './support/browser.ts';
import { apiSession, type Session } from './support/checkin.ts';
import { seedCitizenBook, type DemoCitizen } from './support/healthbook.ts';
import { openAppPage } from './support/app-page.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('clinician health book (real server, chromium)', () => {
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[];
  let doctor: Session;
  let citizen: DemoCitizen;
  let stranger: { fullName: string; personalId: string };
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    server = await startServer();
    cleanups.push(() => server.stop());
    doctor = await apiSession(server.baseUrl, 'bacsi');
    assert.ok(doctor.user.facilityCode, 'the demo clinician belongs to a facility');
    citizen = await seedCitizenBook(server, doctor.user.facilityCode, 14);
    const res = await fetch(`${server.baseUrl}/api/v1/persons?q=${encodeURIComponent('Trần')}&limit=50`, {
      headers: { authorization: `Bearer ${doctor.accessToken}` },
    });
    const found = (
      (await res.json()) as { items: { fullName: string; personalId: string | null }[] }
    ).items.find((p) => p.personalId && p.personalId !== citizen.personalId);
    assert.ok(found?.personalId);
    stranger = { fullName: found.fullName, personalId: found.personalId };

    ({ page, pageErrors } = await openAppPage(cleanups, {
      viewport: { width: 1366, height: 900 },
      session: doctor,
    }));
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const find = async (q: string, name: string) => {
    await page.getByLabel('Tìm người bệnh').fill(q);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Mở sổ sức khỏe của ${name}` }).click();
  };

  it('finds the patient from the health-book screen', async () => {
    await page.goto(`${server.baseUrl}/#/book`);
    await page.getByRole('heading', { name: 'Sổ sức khỏe điện tử' }).waitFor();
    await page.getByLabel('Tìm người bệnh').fill(citizen.personalId);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Mở sổ sức khỏe của ${citizen.fullName}` }).waitFor();
    await screenshot(page, 'healthbook-clinician-01-search');
    await page.getByRole('button', { name: `Mở sổ sức khỏe của ${citizen.fullName}` }).click();
  });

  it('opens the book: at the care gate it starts care at the clinician’s facility', async () => {
    const gate = page.getByRole('button', { name: 'Bắt đầu điều trị tại cơ sở của tôi' });
    const book = page.getByRole('heading', { name: 'Các đợt khám chữa bệnh' });
    await Promise.race([gate.waitFor(), book.waitFor()]);
    if (await gate.isVisible()) {
      await screenshot(page, 'healthbook-clinician-02-care-gate');
      await gate.click();
    }
    await book.waitFor();
    await page.getByRole('heading', { name: citizen.fullName }).waitFor();
    await page.getByText(/^10 \/ 14 đợt$/).waitFor();
    await screenshot(page, 'healthbook-clinician-03-book');
  });

  it('shows diagnoses with Vietnamese ICD-10 names, advice, history from FHIR, papers', async () => {
    const text = await page.locator('main').innerText();
    assert.match(text, /Chẩn đoán chính/);
    assert.match(text, /[A-Z]\d{2}(\.\d)? · \S/, 'a diagnosis with its Vietnamese name');
    assert.match(text, /Penicillin/);
    assert.match(text, /O Rh\+/);
    assert.match(text, /162 cm/);
    assert.match(text, /Giấy chuyển tuyến/);
    assert.match(text, /Giấy hẹn khám lại/);
    assert.match(text, /Giấy ra viện/);
    assert.match(text, /Nguồn: Hồ sơ XML 130 E2E11-/);
  });

  it('opens an episode’s drugs and lab results', async () => {
    await page
      .getByRole('button', { name: /Chi tiết: thuốc, dịch vụ, cận lâm sàng/ })
      .first()
      .click();
    await page.getByRole('columnheader', { name: 'Tên thuốc' }).first().waitFor();
    await page.getByRole('columnheader', { name: 'Chỉ số' }).first().waitFor();
    await screenshot(page, 'healthbook-clinician-04-episode-details');
  });

  it('pages to the older episodes', async () => {
    await page.getByRole('button', { name: 'Xem các đợt cũ hơn' }).click();
    await page.getByText(/^14 \/ 14 đợt$/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Xem các đợt cũ hơn' }).count(), 0);
  });

  it('reads another patient through emergency access, with a written reason', async () => {
    await page.getByRole('button', { name: 'Tìm người khác' }).click();
    await find(stranger.personalId, stranger.fullName);
    await page.getByText('Cần có quan hệ điều trị').waitFor();
    await page.getByLabel('Lý do truy cập khẩn cấp').fill('Cấp cứu: người bệnh hôn mê, cần tiền sử dị ứng');
    await screenshot(page, 'healthbook-clinician-05-break-glass');
    await page.getByRole('button', { name: 'Mở sổ (khẩn cấp)' }).click();
    await page.getByRole('heading', { name: stranger.fullName }).waitFor();
    await page.getByText('Chưa có đợt khám chữa bệnh nào.').waitFor();
  });

  it('fits a tablet-portrait screen with tabs', async () => {
    await page.setViewportSize({ width: 768, height: 1000 });
    await page.getByRole('button', { name: 'Tìm người khác' }).click();
    await find(citizen.personalId, citizen.fullName);
    await page.getByRole('tab', { name: 'Dòng thời gian' }).waitFor();
    await page.getByRole('heading', { name: 'Các đợt khám chữa bệnh' }).waitFor();
    await settled(page);
    await screenshot(page, 'healthbook-clinician-06-tablet');
    await page.getByRole('tab', { name: 'Giấy tờ' }).click();
    await page.getByRole('heading', { name: 'Giấy chuyển tuyến' }).waitFor();
    await screenshot(page, 'healthbook-clinician-07-tablet-papers');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `no horizontal scroll (${String(overflow)} px)`);
    assert.deepEqual(pageErrors, []);
  });
});
