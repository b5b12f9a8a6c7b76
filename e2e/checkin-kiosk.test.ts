/**
 * Browser test of the self-service kiosk against the real platform, signed in as the demo registrar:
 * a camera (chromium's fake capture device playing a Y4M video of a CCCD QR made here) reads the ID
 * card of someone new → confirm → clinic → ticket printed (print layout with the ticket QR); English
 * toggle; a USB scanner types an expired BHYT card → clear message; an unknown ID typed on the keypad
 * → clear message; back button and other addresses stay in the kiosk; inactivity resets it.
 * Screenshots: test-results/screenshots/checkin-kiosk-*.png.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatBhytQr, formatCccdQr } from '@suckhoe/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, screenshot } from './support/browser.ts';
import { apiSession, launchWithCamera, REGISTRAR, signIn, writeQrVideo } from './support/checkin.ts';
import { startServer, type RunningServer } from './support/server.ts';

const NEWCOMER = {
  personalId: '092188006543',
  fullName: 'Huỳnh Thị Thanh Trúc',
  birthDate: '1988-12-02',
  sex: 'female' as const,
};

describe('self-service kiosk (real server, chromium with a fake camera)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let dir: string;
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    server = await startServer();
    cleanups.push(() => server.stop());
    const session = await apiSession(server.baseUrl, REGISTRAR);
    dir = mkdtempSync(join(tmpdir(), 'kiosk-camera-'));
    cleanups.push(async () => {
      rmSync(dir, { recursive: true, force: true });
    });
    const video = join(dir, 'cccd-qr.y4m');
    writeQrVideo(
      formatCccdQr({
        personalId: NEWCOMER.personalId,
        oldIdNumber: null,
        fullName: NEWCOMER.fullName.toUpperCase(),
        birthDate: NEWCOMER.birthDate,
        sex: NEWCOMER.sex,
        address: 'Số 8 đường Trần Hưng Đạo, Phường Ninh Kiều, Thành phố Cần Thơ',
        issueDate: '2022-03-10',
      }),
      video,
    );
    browser = await launchWithCamera(video);
    cleanups.push(() => browser.close());
    context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'vi-VN',
      bypassCSP: true, // settled() in support/browser.ts evaluates strings; the app's CSP forbids that
      permissions: ['camera'],
    });
    await signIn(context, session);
    // Count print requests instead of opening the print dialog.
    await context.addInitScript('window.__prints = 0; window.print = () => { window.__prints += 1; };');
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = collectPageErrors(page);
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('opens full screen without the app shell, in Vietnamese', async () => {
    await page.goto(`${server.baseUrl}/#/kiosk`);
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    await page.getByText('Bệnh viện Đa khoa Thành phố Cần Thơ').waitFor();
    assert.equal(await page.getByRole('link').count(), 0, 'no links out of the kiosk');
    assert.equal(await page.getByRole('navigation', { name: 'Chức năng' }).count(), 0, 'no app navbar');
    await screenshot(page, 'checkin-kiosk-01-welcome');
  });

  it('reads the CCCD QR from the camera and asks the person to confirm', async () => {
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByRole('heading', { name: 'Quét mã QR' }).waitFor();
    await page.getByRole('heading', { name: `Xin chào, ${NEWCOMER.fullName}` }).waitFor({ timeout: 30_000 });
    await page.getByText('Năm sinh 1988').waitFor();
    await page.getByText('Bạn đăng ký khám lần đầu tại đây. Hồ sơ sẽ được tạo từ thẻ căn cước.').waitFor();
    await screenshot(page, 'checkin-kiosk-02-confirm');
  });

  it('chooses a clinic with one touch and gets a printed ticket', async () => {
    await page.getByRole('button', { name: 'Đúng, tiếp tục' }).click();
    await page.getByRole('heading', { name: 'Chọn phòng khám' }).waitFor();
    await page.getByText('0 người đang chờ').first().waitFor();
    await screenshot(page, 'checkin-kiosk-03-clinic');
    await page.getByRole('button', { name: /Khám Nội/ }).click();
    const ticket = page.getByTestId('kiosk-ticket');
    await ticket.waitFor();
    assert.equal(await ticket.innerText(), 'K01-001');
    await page.waitForFunction('window.__prints === 1');
    const printed = page.getByTestId('kiosk-print');
    assert.match((await printed.textContent()) ?? '', /PHIẾU SỐ THỨ TỰ KHÁM BỆNH.*K01-001/);
    assert.equal(await printed.locator('img').count(), 1, 'the ticket QR');
    await screenshot(page, 'checkin-kiosk-04-ticket');
    // The person now exists, created from the QR.
    const session = await apiSession(server.baseUrl, REGISTRAR);
    const res = await fetch(`${server.baseUrl}/api/v1/persons?identifier=${NEWCOMER.personalId}`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    assert.equal(((await res.json()) as { total: number }).total, 1);
  });

  it('switches to English with one touch', async () => {
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome!' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    await screenshot(page, 'checkin-kiosk-05-english');
    await page.getByText('Tiếng Việt', { exact: true }).click();
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
  });

  it('a USB scanner types an expired BHYT card: a clear message, no ticket', async () => {
    const expired = formatBhytQr({
      cardCode: 'GD4929207654321',
      fullName: 'Lê Thị Bé',
      birthDate: '1950-01-01',
      sex: 'female',
      address: 'Phường Bình Thủy, Thành phố Cần Thơ',
      initialFacilityCode: '92003',
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
    });
    await page.keyboard.type(expired, { delay: 1 });
    await page.keyboard.press('Enter');
    const error = page.getByTestId('kiosk-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), 'BHYT_CARD_EXPIRED');
    assert.match(await error.innerText(), /Thẻ BHYT của bạn đã hết hạn/);
    await page.getByText('Thẻ BHYT đã hết hạn ngày 31/12/2025.', { exact: false }).waitFor();
    await screenshot(page, 'checkin-kiosk-06-expired');
  });

  it('an unknown ID typed on the keypad: a clear message', async () => {
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('button', { name: 'Nhập số định danh' }).click();
    for (const d of '092199055555') await page.getByRole('button', { name: d, exact: true }).click();
    assert.equal(
      (await page.getByRole('status', { name: 'Số đã nhập' }).innerText()).replace(/\s/g, ''),
      '092199055555',
    );
    await screenshot(page, 'checkin-kiosk-07-keypad');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const error = page.getByTestId('kiosk-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-code'), 'PERSON_NOT_FOUND');
    await screenshot(page, 'checkin-kiosk-08-unknown');
  });

  it('there is no way out: back button and other addresses return to the kiosk', async () => {
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    await page.goBack().catch(() => undefined);
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
    assert.match(page.url(), /#\/kiosk/);
    await page.evaluate("window.location.hash = '#/persons'");
    await page.waitForURL(/#\/kiosk/);
    await page.getByRole('heading', { name: 'Xin chào!' }).waitFor();
  });

  it('resets to the start after inactivity', async () => {
    // A kiosk started with a short idle time (`#/kiosk?idle=5`); in this tab the kiosk keeps its address.
    const kiosk = await context.newPage();
    const errors = collectPageErrors(kiosk);
    await kiosk.goto(`${server.baseUrl}/#/kiosk?idle=5`);
    await kiosk.getByRole('button', { name: 'Bắt đầu' }).click();
    // The camera still shows the same card: the person is known now.
    await kiosk.getByRole('heading', { name: `Xin chào, ${NEWCOMER.fullName}` }).waitFor({ timeout: 30_000 });
    assert.equal(await kiosk.getByText('Bạn đăng ký khám lần đầu tại đây.', { exact: false }).count(), 0);
    await kiosk.getByRole('heading', { name: 'Xin chào!' }).waitFor({ timeout: 12_000 });
    await kiosk.close();
    assert.deepEqual([...pageErrors, ...errors], []);
  });
});
