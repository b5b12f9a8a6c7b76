/**
 * Browser test of the registration desk and the waiting-room display against the real platform
 * (demo province, demo registrar `tiepdon`): a hand scanner types a CCCD QR, then the BHYT card QR;
 * the person and the benefit show at a glance; clinic by keyboard; ticket printed as PDF; a new
 * person from a QR with a corrected phone number; an expired card refused and checked in as
 * self-pay; an unreadable QR; "call next" at the desk moves the display. Screenshots:
 * test-results/screenshots/checkin-desk-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatBhytQr, formatCccdQr, todayInVietnam } from '@suckhoe/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, screenshot } from './support/browser.ts';
import { apiPost, apiSession, DEMO_PASSWORD, REGISTRAR, type Session } from './support/checkin.ts';
import { openAppPage } from './support/app-page.ts';
import { startServer, type RunningServer } from './support/server.ts';

interface DemoPerson {
  id: string;
  personalId: string | null;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female' | 'unknown';
  identifiers: { system: string; value: string; validFrom?: string; validTo?: string }[];
}

const cccd = (
  p: { personalId: string; fullName: string; birthDate: string; sex: 'male' | 'female' },
  oldId: string | null = null,
) =>
  formatCccdQr({
    personalId: p.personalId,
    oldIdNumber: oldId,
    fullName: p.fullName.toUpperCase(),
    birthDate: p.birthDate,
    sex: p.sex,
    address: 'Số 45 đường Mậu Thân, Phường Ninh Kiều, Thành phố Cần Thơ',
    issueDate: '2021-06-15',
  });

describe('registration desk and waiting-room display (real server, chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let session: Session;
  let facility: string;
  let person: DemoPerson & { personalId: string; sex: 'male' | 'female' };
  let card: { value: string; validFrom: string; validTo: string };
  const cleanups: (() => Promise<void>)[] = [];

  before(async () => {
    server = await startServer();
    cleanups.push(() => server.stop());
    session = await apiSession(server.baseUrl, REGISTRAR);
    assert.ok(session.user.facilityCode, 'the demo registrar belongs to a facility');
    facility = session.user.facilityCode;
    // A demo person with a personal ID and a card valid today, found through the API.
    const today = todayInVietnam();
    const res = await fetch(`${server.baseUrl}/api/v1/persons?q=${encodeURIComponent('Nguyễn')}&limit=100`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const items = ((await res.json()) as { items: DemoPerson[] }).items;
    const found = items.find(
      (p) =>
        p.personalId &&
        p.sex !== 'unknown' &&
        p.birthDate.length === 10 &&
        p.identifiers.some(
          (i) => i.system === 'bhyt' && (i.validTo ?? '') >= today && (i.validFrom ?? '9') <= today,
        ),
    );
    assert.ok(found?.personalId, 'a demo person with a valid card');
    person = { ...found, personalId: found.personalId, sex: found.sex === 'female' ? 'female' : 'male' };
    const c = found.identifiers.find((i) => i.system === 'bhyt' && (i.validTo ?? '') >= today)!;
    card = { value: c.value, validFrom: c.validFrom ?? '2026-01-01', validTo: c.validTo ?? '2026-12-31' };

    ({ browser, context, page, pageErrors } = await openAppPage(cleanups, {
      viewport: { width: 1440, height: 960 },
      session,
    }));
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('opens the desk from the navbar, scan box focused', async () => {
    await page.goto(`${server.baseUrl}/#/persons`);
    await page.getByRole('link', { name: 'Tiếp đón người bệnh' }).click();
    await page.getByRole('heading', { name: 'Tiếp đón người bệnh', level: 1 }).waitFor();
    assert.equal(
      await page.locator(':focus').getAttribute('placeholder'),
      'Quét mã QR, hoặc nhập số định danh / mã thẻ BHYT / CMND',
    );
    await page.getByText('Sẵn sàng tiếp đón').waitFor();
    await screenshot(page, 'checkin-desk-01-ready');
  });

  it('a hand scanner types the CCCD QR and Enter: the person is found', async () => {
    const oldId = person.identifiers.find((i) => i.system === 'cmnd')?.value ?? null;
    await page.keyboard.type(cccd(person, oldId), { delay: 2 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: person.fullName, level: 2 }).waitFor();
    await page.getByText('Đã có hồ sơ').waitFor();
    await page.getByText(person.personalId, { exact: true }).waitFor();
  });

  it('then the BHYT card QR: card validity, benefit and route at a glance', async () => {
    const qr = formatBhytQr({
      cardCode: card.value,
      fullName: person.fullName,
      birthDate: person.birthDate,
      sex: person.sex,
      address: 'Phường Ninh Kiều, Thành phố Cần Thơ',
      initialFacilityCode: facility,
      validFrom: card.validFrom,
      validTo: card.validTo,
    });
    await page.keyboard.type(qr, { delay: 1 });
    await page.keyboard.press('Enter');
    await page.getByText(`Đã gắn thẻ BHYT: ${card.value}`).waitFor();
    const panel = page.getByRole('region', { name: 'Thẻ BHYT và quyền lợi' });
    await panel.getByText('Đọc từ mã QR thẻ BHYT').waitFor();
    await panel.getByText('Còn hạn', { exact: true }).waitFor();
    await panel.getByText('Đúng tuyến', { exact: true }).first().waitFor();
    assert.match(await panel.getByTestId('fund-percent').innerText(), /^\d+(,\d+)?%$/);
    assert.match(await panel.innerText(), /Thẻ còn giá trị sử dụng đến ngày/);
    await screenshot(page, 'checkin-desk-02-preview');
  });

  it('clinic chosen with the keyboard, check-in with Ctrl+Enter: ticket K01-001', async () => {
    const first = page.getByRole('radio', { name: /K01/ });
    await first.focus();
    await page.keyboard.press('Space');
    assert.equal(await first.isChecked(), true);
    await page.keyboard.press('Control+Enter');
    const label = page.getByTestId('ticket-label');
    await label.waitFor();
    assert.equal(await label.innerText(), 'K01-001');
    await page.getByText('Khám Nội', { exact: true }).first().waitFor();
    assert.equal(await page.locator(':focus').innerText(), 'In phiếu (PDF)', 'print has the focus');
    await screenshot(page, 'checkin-desk-03-ticket');
  });

  it('prints the ticket: the 80 mm PDF opens in a new tab', async () => {
    const [response, tab] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/ticket.pdf')),
      context.waitForEvent('page'),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    // The bytes themselves (the page consumed the response as a Blob): fetched again with the same session.
    const again = await fetch(response.url(), {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    assert.equal(
      Buffer.from(await again.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
      '%PDF-',
    );
    await tab.waitForURL(/^blob:/);
    await tab.close();
  });

  it('prints again after the access token expired: renewed silently, the PDF still opens', async () => {
    // A session of the desk's own (with a refresh token) whose access token has run out.
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: REGISTRAR, password: DEMO_PASSWORD }),
    });
    const fresh = (await login.json()) as { refreshToken: string; user: unknown };
    await page.evaluate(
      `sessionStorage.setItem('suckhoe.session', ${JSON.stringify(
        JSON.stringify({ accessToken: 'expired', refreshToken: fresh.refreshToken, user: fresh.user }),
      )})`,
    );
    const [refreshed, response, tab] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh')),
      page.waitForResponse((r) => r.url().includes('/ticket.pdf') && r.status() === 200),
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'In phiếu (PDF)' }).click(),
    ]);
    assert.equal(refreshed.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    await tab.waitForURL(/^blob:/);
    await tab.close();
  });

  it('the same patient scanned again keeps the same ticket', async () => {
    await page.keyboard.press('Escape');
    await page.getByText('Sẵn sàng tiếp đón').waitFor();
    await page.keyboard.type(person.personalId);
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: /K01/ }).check();
    await page.getByText('Người bệnh đã có số K01-001 tại phòng khám này hôm nay.').waitFor();
  });

  it('a new person from a CCCD QR, phone number added before check-in', async () => {
    await page.keyboard.press('Escape');
    const newcomer = {
      personalId: '092301004321',
      fullName: 'Trương Ngọc Hân',
      birthDate: '2001-08-21',
      sex: 'female' as const,
    };
    await page.getByLabel('Mã QR hoặc số giấy tờ').fill(cccd(newcomer));
    await page.keyboard.press('Enter');
    await page.getByText('Người bệnh mới — hồ sơ sẽ được tạo từ mã QR').waitFor();
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await page.getByLabel('Điện thoại').fill('0987654321');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText('Thông tin đã sửa sẽ được lưu khi tiếp đón.').waitFor();
    await page.getByRole('radio', { name: /K02/ }).check();
    await screenshot(page, 'checkin-desk-04-new-person');
    await page.getByRole('button', { name: 'Tiếp đón và cấp số' }).click();
    await page.getByText('Đã tạo hồ sơ người bệnh mới.').waitFor();
    assert.equal(await page.getByTestId('ticket-label').innerText(), 'K02-001');
  });

  it('an expired card is refused with a clear message; checked in as self-pay', async () => {
    await page.keyboard.press('Escape');
    const qr = formatBhytQr({
      cardCode: 'GD4929201234567',
      fullName: 'Lâm Văn Đức',
      birthDate: '1962-04-04',
      sex: 'male',
      address: 'Phường Cái Răng, Thành phố Cần Thơ',
      initialFacilityCode: facility,
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
    });
    await page.getByLabel('Mã QR hoặc số giấy tờ').fill(qr);
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'Không áp dụng được BHYT' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Thẻ BHYT đã hết hạn ngày 31\/12\/2024/);
    await page.getByRole('radio', { name: /K01/ }).check();
    assert.equal(await page.getByRole('button', { name: 'Tiếp đón và cấp số' }).isDisabled(), true);
    await screenshot(page, 'checkin-desk-05-expired');
    await page.getByLabel('Người bệnh tự chi trả (không dùng BHYT)').check();
    await page.getByRole('button', { name: 'Tiếp đón và cấp số' }).click();
    assert.equal(await page.getByTestId('ticket-label').innerText(), 'K01-002');
  });

  it('an unreadable QR gives a Vietnamese error', async () => {
    await page.keyboard.press('Escape');
    await page.getByLabel('Mã QR hoặc số giấy tờ').fill('092199012345|||NGUYEN|99999999|X|');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Không đọc được mã/);
    await screenshot(page, 'checkin-desk-06-unreadable');
  });

  it('the waiting-room display (a PC with no account) follows "call next" at the desk', async () => {
    // The screen in the waiting room is nobody's session: a fresh browser context, never signed in.
    const room = await browser.newContext({
      viewport: { width: 1600, height: 900 },
      locale: 'vi-VN',
      bypassCSP: true,
    });
    cleanups.push(() => room.close());
    const tv = await room.newPage();
    const tvErrors = collectPageErrors(tv);
    await tv.goto(`${server.baseUrl}/#/display`);
    await tv.getByText('Màn hình phòng chờ không cần đăng nhập', { exact: false }).waitFor();
    await tv.goto(`${server.baseUrl}/#/display?facility=${facility}&clinic=K01`);
    await tv.getByText('Khám Nội', { exact: true }).waitFor();
    const now = tv.getByTestId('display-now-serving');
    assert.equal(await now.innerText(), '—');
    await tv.getByTestId('display-next').getByText('K01-001').waitFor();
    // One more patient, checked in through the API.
    const more = await apiPost(server.baseUrl, session, '/api/v1/checkin', {
      text: cccd({
        personalId: '092095006789',
        fullName: 'Đặng Văn Lộc',
        birthDate: '1995-02-02',
        sex: 'male',
      }),
      clinicCode: 'K01',
    });
    assert.equal((more.json as { ticket: { label: string } }).ticket.label, 'K01-003');
    await tv.getByTestId('display-next').getByText('K01-003').waitFor();
    await screenshot(tv, 'checkin-desk-07-display-before');

    await page.keyboard.press('Escape');
    const queue = page.getByRole('region', { name: 'Hàng đợi' });
    await queue.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await queue.getByText(`Đã gọi K01-001: ${person.fullName}`, { exact: false }).waitFor();
    await tv.waitForFunction(
      `document.querySelector('[data-testid="display-now-serving"]').textContent === 'K01-001'`,
    );
    await queue.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await tv.waitForFunction(
      `document.querySelector('[data-testid="display-now-serving"]').textContent === 'K01-002'`,
    );
    const html = await tv.content();
    assert.ok(!html.includes(person.fullName), 'no names on the display');
    await screenshot(page, 'checkin-desk-08-called');
    await screenshot(tv, 'checkin-desk-09-display-called');
    assert.equal(
      await tv.evaluate<string | null>("sessionStorage.getItem('suckhoe.session')"),
      null,
      'the display never held a session',
    );
    await tv.close();
    assert.deepEqual(tvErrors, []);
    assert.deepEqual(pageErrors, []);
  });
});
