/**
 * Browser test against the real platform: log in, find a seeded demo person by personal ID and by
 * name + birth date, open the details drawer, see the empty state, switch to English (remembered
 * across a reload), expired session → login page, log out. Screenshots: test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiLogin, apiSearchPersons, type ApiPerson } from './support/api.ts';
import { screenshot, settled } from './support/browser.ts';
import { openAppPage } from './support/app-page.ts';
import { startServer, type RunningServer } from './support/server.ts';

function ddmmyyyy(birthDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : birthDate;
}

describe('login and person search (real server, chromium)', () => {
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[];
  const cleanups: (() => Promise<void>)[] = [];
  let person: ApiPerson & { personalId: string };

  before(async () => {
    server = await startServer();
    cleanups.push(() => server.stop());
    const token = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    const candidates = await apiSearchPersons(server.baseUrl, token, 'Nguyễn', 1);
    const withId =
      candidates.find((p) => p.personalId) ??
      (await apiSearchPersons(server.baseUrl, token, 'Nguyễn', 50)).find((p) => p.personalId);
    assert.ok(withId?.personalId, 'the demo province has a person named Nguyễn with a personal ID');
    person = { ...withId, personalId: withId.personalId };

    ({ page, pageErrors } = await openAppPage(cleanups, { viewport: { width: 1366, height: 800 } }));
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('shows the Vietnamese login page with the username field focused', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.equal(await page.locator(':focus').getAttribute('name'), 'username');
    await screenshot(page, '01-login');
  });

  it('rejects a wrong password with the server message', async () => {
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel(/^Mật khẩu/).fill('not-the-password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /không đúng|không hợp lệ|sai/i);
    await screenshot(page, '02-login-error');
  });

  it('logs in as admin with Enter and lands on person search', async () => {
    await page.getByLabel(/^Mật khẩu/).fill(server.adminPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tra cứu người dân' }).waitFor();
    const focused = await page.locator(':focus').getAttribute('placeholder');
    assert.match(focused ?? '', /092085001234/, 'the search box has the focus');
  });

  it('finds the person by personal ID', async () => {
    await page.getByLabel('Số giấy tờ hoặc họ tên').fill(person.personalId);
    await page.getByText('Nhận dạng: số định danh cá nhân').waitFor();
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: person.personalId });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(person.fullName));
    await page.getByText(/^Tìm thấy \d+ người$/).waitFor();
    await screenshot(page, '03-search-by-personal-id');
  });

  it('finds the person by name and birth date, and opens the details drawer', async () => {
    await page.getByLabel('Số giấy tờ hoặc họ tên').fill(person.fullName);
    await page.getByLabel('Ngày sinh').fill(ddmmyyyy(person.birthDate));
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    const row = page.getByRole('row').filter({ hasText: person.personalId });
    await row.waitFor();
    await row.getByRole('button', { name: person.fullName }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: person.fullName }).waitFor();
    await drawer.getByText('Số định danh cá nhân').waitFor();
    assert.match(await drawer.innerText(), new RegExp(person.personalId));
    await screenshot(page, '04-person-details');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('shows a clear empty state when nobody matches', async () => {
    await page.getByLabel('Ngày sinh').fill('');
    await page.getByLabel('Số giấy tờ hoặc họ tên').fill('Xyzqwv Không Có Người Này');
    await page.keyboard.press('Enter');
    await page.getByText('Không tìm thấy người phù hợp').waitFor();
    await screenshot(page, '05-empty-state');
  });

  it('switches to English, and remembers it after a reload', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Person search' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByLabel('ID number or name').fill(person.personalId);
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: person.personalId });
    await row.getByRole('button', { name: person.fullName }).click();
    await page.getByRole('dialog').getByText('Personal ID number').waitFor();
    await screenshot(page, '06-english-details');
    await page.keyboard.press('Escape');

    await page.reload();
    await page.getByRole('heading', { name: 'Person search' }).waitFor(); // still signed in, still English
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('ID number or name').fill(person.fullName);
    await page.keyboard.press('Enter');
    await settled(page);
    await page.getByRole('button', { name: person.fullName }).first().waitFor();
    await screenshot(page, '07-phone');
    // Page functions are strings here: the e2e code is type-checked without the DOM library.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `no horizontal page scroll on a phone (overflow ${String(overflow)} px)`);
    await page.setViewportSize({ width: 1366, height: 800 });
  });

  it('renews an expired access token silently with the refresh token', async () => {
    await page.evaluate(`{
      const session = JSON.parse(sessionStorage.getItem('suckhoe.session'));
      sessionStorage.setItem('suckhoe.session', JSON.stringify({ ...session, accessToken: 'expired' }));
    }`);
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
    await page.getByLabel('ID number or name').fill(person.fullName);
    await page.keyboard.press('Enter');
    assert.equal((await refreshed).status(), 200);
    await page.getByRole('row').filter({ hasText: person.personalId }).first().waitFor();
    const token = await page.evaluate<string>(
      "JSON.parse(sessionStorage.getItem('suckhoe.session')).accessToken",
    );
    assert.notEqual(token, 'expired');
  });

  it('returns to the login page when the session is no longer valid', async () => {
    await page.evaluate(`{
      const session = JSON.parse(sessionStorage.getItem('suckhoe.session'));
      sessionStorage.setItem('suckhoe.session', JSON.stringify({ ...session, accessToken: 'expired', refreshToken: 'revoked' }));
    }`);
    await page.getByLabel('ID number or name').fill(person.personalId);
    await page.keyboard.press('Enter');
    await page.getByText('Your session has expired. Please sign in again.').waitFor();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel(/^Password/).fill(server.adminPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Person search' }).waitFor();
  });

  it('logs out from the user menu', async () => {
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByText('You have been logged out.').waitFor();
    assert.equal(await page.evaluate<string | null>("sessionStorage.getItem('suckhoe.session')"), null);
    assert.deepEqual(pageErrors, []);
  });
});
