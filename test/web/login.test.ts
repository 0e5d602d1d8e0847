/**
 * The web app against a server that requires accounts (as one bound beyond loopback is), in a
 * real browser: the login page comes first, a wrong password is refused in one line, after the
 * login the app works — an upload (XMLHttpRequest) and the logout (fetch) are writes that carry
 * the session's CSRF token, else the server would refuse them with 403 — and each write is in the
 * audit log under the account's name.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { hashPassword } from '../../src/accounts/passwords.js';
import { ROOT } from '../helpers/shared.js';
import { browserOnly, openSession, screenshot, type Session } from './browser.js';

const PASSWORD = 'a long enough secret';

describe('login in the web app', browserOnly, () => {
  let s: Session;
  before(async () => {
    // Accounts required as on a server bound beyond loopback; cookies without Secure over plain http.
    s = await openSession('login', undefined, { requireAccounts: true, secureCookies: false });
    await s.server.store.accounts.createUser({ name: 'chen', passwordHash: await hashPassword(PASSWORD), role: 'reviewer' });
  });
  after(async () => {
    await s?.close();
  });

  test('the login page first; after logging in, uploads and the logout carry the CSRF token; the audit log names the account', async () => {
    const { page } = s;
    await page.goto('/review');
    await page.getByTestId('login-page').waitFor();
    // Nothing of the app is shown, and the API refuses reads without the session.
    assert.equal(await page.locator('.ant-table').count(), 0);
    await screenshot(s, 'login');

    await page.getByLabel('账户').fill('chen');
    await page.getByLabel('密码').fill('wrong password!');
    await page.getByTestId('login-submit').click();
    assert.equal(await page.getByTestId('login-error').textContent(), '账户或密码不对，或账户已停用');

    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    assert.match((await page.getByTestId('user-menu').textContent())!, /chen（审核人员）/);
    // The session cookie is HTTP-only; the CSRF cookie is the page's to read.
    const cookies = await s.context.cookies();
    assert.equal(cookies.find((c) => c.name === 'gongkai_session')?.httpOnly, true);
    assert.equal(cookies.find((c) => c.name === 'gongkai_csrf')?.httpOnly, false);

    // An upload: a write with the session, accepted only with X-CSRF-Token.
    await page.goto('/');
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/txt/budget.txt'));
    const item = page.locator('[data-testid=upload-item]').first();
    await item.waitFor();
    await page.locator('[data-testid=upload-item][data-status=done], [data-testid=upload-item][data-status=error]').first().waitFor({ timeout: 120_000 });
    assert.equal(await item.getAttribute('data-status'), 'done', (await item.textContent()) ?? '');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-page').waitFor();
    assert.equal((await s.context.cookies()).find((c) => c.name === 'gongkai_session')?.value ?? '', '');

    const audit = await s.server.store.accounts.auditLog({}, { limit: 100, offset: 0 });
    const mine = audit.items.filter((a) => a.userName === 'chen').map((a) => `${a.action} ${a.via} ${a.status}`);
    assert.ok(mine.includes('login session 200'), mine.join('; '));
    assert.ok(mine.includes('logout session 204'), mine.join('; '));
    assert.ok(mine.includes('upload session 201'), mine.join('; '));
    assert.ok(!audit.items.some((a) => a.detail?.includes('CSRF')));
  });
});
