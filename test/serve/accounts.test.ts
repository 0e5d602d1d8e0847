/**
 * Accounts on a shared server (real SQLite, and the real PostgreSQL when GONGKAI_TEST_PG_URL is
 * set): anonymous requests refused, roles and a reviewer's region, session cookies with CSRF,
 * API tokens, the login rate limit, and an audit record of every write; on loopback the one local
 * user works as before, and a cross-site write is refused.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashPassword, verifyPassword, weakPassword } from '../../src/accounts/passwords.js';
import { buildApp } from '../../src/serve/index.js';
import type { Store } from '../../src/store/index.js';
import { backends } from '../store/backends.js';
import { syntheticBytes, QINGSHAN_2022, HUXI_2022 } from '../fixtures/store/build.js';
import { upload } from './multipart.js';

const checker = new URL('../fixtures/import/checker.ts', import.meta.url).href;
const PASSWORD = 'correct horse battery';

test('scrypt hashes: a salted hash per call, the right password verifies, a wrong one and a damaged hash do not', async () => {
  const a = await hashPassword(PASSWORD);
  const b = await hashPassword(PASSWORD);
  assert.match(a, /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword(PASSWORD, a), true);
  assert.equal(await verifyPassword('correct horse batterY', a), false);
  assert.equal(await verifyPassword(PASSWORD, a.slice(0, -4)), false);
  assert.equal(await verifyPassword(PASSWORD, 'plain'), false);
  assert.match(weakPassword('short')!, /至少 10 个字符/);
  assert.equal(weakPassword(PASSWORD), null);
});

/** The cookies a response sets, as `name=value` for the next request, and their attributes. */
function cookiesOf(res: LightMyRequestResponse): { header: string; raw: string[] } {
  const set = res.headers['set-cookie'];
  const raw = Array.isArray(set) ? set : set ? [set] : [];
  return { header: raw.map((c) => c.split(';')[0]).join('; '), raw };
}

for (const backend of backends('accounts')) {
  describe(`accounts on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;

    before(async () => {
      store = await backend.open();
      const hash = await hashPassword(PASSWORD);
      const a = store.accounts;
      await a.createUser({ name: 'admin', passwordHash: hash, role: 'admin' });
      await a.createUser({ name: 'qingshan-reviewer', passwordHash: hash, role: 'reviewer', region: '示范市青山区' });
      await a.createUser({ name: 'qingshan-staff', passwordHash: hash, role: 'editor', entity: QINGSHAN_2022.entity });
      await a.createUser({ name: 'huxi-staff', passwordHash: hash, role: 'editor', entity: HUXI_2022.entity });
      await a.createUser({ name: 'viewer', passwordHash: hash, role: 'viewer' });
      app = await buildApp({ store, workers: 0, checker, requireAccounts: true, rateLimits: { logins: 6 } });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    // Each login from an address of its own: the login rate limit is per address (its own test below).
    let address = 0;
    async function login(name: string) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.0.0.${++address}`, payload: { name, password: PASSWORD } });
      assert.equal(res.statusCode, 200, res.body);
      return { cookie: cookiesOf(res).header, csrf: res.json().csrfToken as string, res };
    }

    async function tokenFor(name: string): Promise<string> {
      const s = await login(name);
      const res = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { name: 'test script' } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().token;
    }

    test('without an account: reads and writes are refused with 401, health and the API description are answered', async () => {
      const list = await app.inject({ method: 'GET', url: '/api/documents' });
      assert.equal(list.statusCode, 401);
      assert.match(list.json().error, /需要登录/);
      const up = await app.inject({ method: 'POST', url: '/api/documents', ...upload('q.txt', syntheticBytes(QINGSHAN_2022)) });
      assert.equal(up.statusCode, 401);
      assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).json().ok, true);
      assert.equal((await app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode, 200);
      const bad = await app.inject({ method: 'GET', url: '/api/documents', headers: { authorization: 'Bearer gk_not-a-token' } });
      assert.equal(bad.statusCode, 401);
      assert.match(bad.json().error, /API 令牌无效/);
    });

    test('login: a wrong password is 401; the right one sets an HTTP-only, SameSite=Strict, Secure session cookie and gives a CSRF token', async () => {
      const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'admin', password: 'wrong password!' } });
      assert.equal(wrong.statusCode, 401);
      const nobody = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'nobody', password: PASSWORD } });
      assert.equal(nobody.statusCode, 401);
      assert.equal(nobody.json().error, wrong.json().error, 'an unknown name and a wrong password answer alike');
      const { res, csrf, cookie } = await login('admin');
      const session = cookiesOf(res).raw.find((c) => c.startsWith('gongkai_session='))!;
      assert.match(session, /HttpOnly/i);
      assert.match(session, /SameSite=Strict/i);
      assert.match(session, /Secure/i);
      assert.ok(csrf.length >= 40);
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      assert.deepEqual(me.json(), { user: { name: 'admin', role: 'admin', region: null, entity: null, via: 'session' }, csrfToken: csrf });
      // The password is never stored as given, nor the session's secret.
      const row = await store.accounts.userRow('admin');
      assert.ok(!row!.password_hash.includes(PASSWORD));
    });

    test('a session write without its CSRF token, with another session\'s, or from another site is refused', async () => {
      const staff = await login('qingshan-staff');
      const other = await login('viewer');
      const body = upload('q.txt', syntheticBytes(QINGSHAN_2022));
      const none = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...body.headers, cookie: staff.cookie }, payload: body.payload });
      assert.equal(none.statusCode, 403);
      assert.match(none.json().error, /CSRF/);
      const wrong = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...body.headers, cookie: staff.cookie, 'x-csrf-token': other.csrf }, payload: body.payload });
      assert.equal(wrong.statusCode, 403);
      const cross = await app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { ...body.headers, cookie: staff.cookie, 'x-csrf-token': staff.csrf, origin: 'https://evil.example' },
        payload: body.payload,
      });
      assert.equal(cross.statusCode, 403);
      assert.match(cross.json().error, /跨站/);
      assert.equal((await store.listDocuments()).total, 0, 'nothing was stored');
    });

    test('an editor uploads its own entity\'s file; another entity\'s file is refused and never stored; a viewer uploads nothing', async () => {
      const staff = await login('qingshan-staff');
      const own = upload('q.txt', syntheticBytes(QINGSHAN_2022));
      const ok = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...own.headers, cookie: staff.cookie, 'x-csrf-token': staff.csrf }, payload: own.payload });
      assert.equal(ok.statusCode, 201, ok.body);
      const foreign = upload('h.txt', syntheticBytes(HUXI_2022));
      const refused = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...foreign.headers, cookie: staff.cookie, 'x-csrf-token': staff.csrf }, payload: foreign.payload });
      assert.equal(refused.statusCode, 403);
      assert.match(refused.json().error, /只能上传 中共示范市青山区委网络安全和信息化委员会办公室 的文件，此文件属于 示范市湖西区财政局/);
      const list = await store.listDocuments();
      assert.deepEqual(list.items.map((d) => d.entity), [QINGSHAN_2022.entity]);

      const viewer = await tokenFor('viewer');
      const denied = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...foreign.headers, authorization: `Bearer ${viewer}` }, payload: foreign.payload });
      assert.equal(denied.statusCode, 403);
      assert.match(denied.json().error, /需要部门填报人员或更高的角色/);
      // A viewer reads.
      const read = await app.inject({ method: 'GET', url: '/api/documents', headers: { authorization: `Bearer ${viewer}` } });
      assert.equal(read.statusCode, 200);
      assert.equal(read.json().total, 1);

      const huxi = await tokenFor('huxi-staff');
      const theirs = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...foreign.headers, authorization: `Bearer ${huxi}` }, payload: foreign.payload });
      assert.equal(theirs.statusCode, 201, 'an API token needs no CSRF token');
    });

    test('a reviewer of a region gives verdicts inside it only; an editor gives none', async () => {
      const docs = (await store.listDocuments()).items;
      const q = docs.find((d) => d.entity === QINGSHAN_2022.entity)!;
      const h = docs.find((d) => d.entity === HUXI_2022.entity)!;
      const reviewer = await tokenFor('qingshan-reviewer');
      const verdict = { status: 'dismissed', reason: '测试：模板差异', rule: 't3/row-sum' };
      const put = (id: number, token: string) =>
        app.inject({ method: 'PUT', url: `/api/documents/${id}/reviews/0`, headers: { authorization: `Bearer ${token}` }, payload: verdict });
      const ok = await put(q.id, reviewer);
      assert.equal(ok.statusCode, 200, ok.body);
      const outside = await put(h.id, reviewer);
      assert.equal(outside.statusCode, 403);
      assert.match(outside.json().error, /只审核 示范市青山区/);
      const editor = await tokenFor('qingshan-staff');
      assert.equal((await put(q.id, editor)).statusCode, 403);
      const merge = await app.inject({ method: 'POST', url: `/api/entities/${h.entityId}/merge`, headers: { authorization: `Bearer ${reviewer}` }, payload: { into: q.entityId } });
      assert.equal(merge.statusCode, 403, 'a merge that touches another region');
    });

    test('tokens: revoked or of a disabled account stop working; logout ends the session', async () => {
      const s = await login('viewer');
      const created = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { name: 'revoke me' } });
      const { id, token } = created.json();
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
      const del = await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
      assert.equal(del.statusCode, 204);
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);

      const t2 = await tokenFor('huxi-staff');
      await store.accounts.updateUser('huxi-staff', { disabled: true });
      assert.equal((await app.inject({ method: 'GET', url: '/api/documents', headers: { authorization: `Bearer ${t2}` } })).statusCode, 401);
      await store.accounts.updateUser('huxi-staff', { disabled: false });

      const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
      assert.equal(out.statusCode, 204);
      assert.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode, 401);
    });

    test('the audit log lists every write — who, how, what, which document, the answer — and only an admin reads it', async () => {
      const admin = await tokenFor('admin');
      const res = await app.inject({ method: 'GET', url: '/api/audit?limit=1000', headers: { authorization: `Bearer ${admin}` } });
      assert.equal(res.statusCode, 200, res.body);
      const { items, total } = res.json() as { total: number; items: { userName: string; via: string; action: string; documentId: number | null; status: number; at: string }[] };
      assert.equal(items.length, total);
      const q = (await store.listDocuments()).items.find((d) => d.entity === QINGSHAN_2022.entity)!;
      const has = (p: Partial<(typeof items)[number]>) => items.some((i) => Object.entries(p).every(([k, v]) => i[k as keyof typeof i] === v));
      assert.ok(has({ userName: 'qingshan-staff', via: 'session', action: 'upload', documentId: q.id, status: 201 }), 'the upload, with its document');
      assert.ok(has({ userName: 'qingshan-staff', action: 'upload', status: 403 }), 'the refused upload of another entity');
      assert.ok(has({ userName: '匿名', via: 'anonymous', action: 'upload', status: 401 }), 'the anonymous attempt');
      assert.ok(has({ userName: 'qingshan-reviewer', via: 'token', action: 'review', documentId: q.id, status: 200 }), 'the verdict');
      assert.ok(has({ userName: 'qingshan-reviewer', action: 'entity-merge', status: 403 }));
      assert.ok(has({ userName: 'admin', action: 'login', status: 401 }), 'the failed login');
      assert.ok(has({ userName: 'viewer', action: 'token-revoke', status: 204 }));
      assert.ok(has({ userName: 'viewer', action: 'logout', status: 204 }));
      assert.ok(items.every((i) => !Number.isNaN(Date.parse(i.at))));

      const byDoc = await app.inject({ method: 'GET', url: `/api/audit?documentId=${q.id}&action=review`, headers: { authorization: `Bearer ${admin}` } });
      assert.deepEqual(
        byDoc.json().items.map((i: { userName: string; status: number }) => [i.userName, i.status]),
        [
          ['qingshan-staff', 403],
          ['qingshan-reviewer', 200],
        ],
        'the verdict given and the one refused, newest first',
      );
      const csv = await app.inject({ method: 'GET', url: '/api/audit?format=csv&user=qingshan-staff', headers: { authorization: `Bearer ${admin}` } });
      assert.match(csv.headers['content-type'] as string, /^text\/csv/);
      assert.match(csv.body, /^\ufeffid,at,userName,via,action,/);
      assert.match(csv.body, /qingshan-staff,session,upload,POST,\/api\/documents,\d+,\d+,201/);

      const viewer = await tokenFor('viewer');
      assert.equal((await app.inject({ method: 'GET', url: '/api/audit', headers: { authorization: `Bearer ${viewer}` } })).statusCode, 403);
    });

    test('logins are rate limited per address: past the limit a right password is refused with 429 too', async () => {
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 8; i++) last = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.8.7', payload: { name: 'admin', password: 'guess number ' + i } });
      assert.equal(last!.statusCode, 429);
      assert.match(last!.json().error, /请求过于频繁/);
      const right = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.8.7', payload: { name: 'admin', password: PASSWORD } });
      assert.equal(right.statusCode, 429);
      const elsewhere = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.8.8', payload: { name: 'admin', password: PASSWORD } });
      assert.equal(elsewhere.statusCode, 200);
    });
  });

  describe(`loopback (one local user) on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    let app: FastifyInstance;
    before(async () => {
      store = await backend.open();
      app = await buildApp({ store, workers: 0, checker });
    });
    after(async () => {
      await app?.close();
      await store?.close();
    });

    test('no login: uploads work as before and are audited as the local user; a write from another site is refused', async () => {
      const body = upload('q.txt', syntheticBytes(QINGSHAN_2022));
      const res = await app.inject({ method: 'POST', url: '/api/documents', ...body });
      assert.equal(res.statusCode, 201);
      const dev = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...body.headers, origin: 'http://localhost:5173' }, payload: body.payload });
      assert.equal(dev.statusCode, 200, 'the web app\'s development server on this machine');
      const cross = await app.inject({ method: 'POST', url: '/api/documents', headers: { ...body.headers, origin: 'https://evil.example' }, payload: body.payload });
      assert.equal(cross.statusCode, 403);
      const audit = await app.inject({ method: 'GET', url: '/api/audit' });
      const items = audit.json().items as { userName: string; via: string; action: string; documentId: number | null; status: number }[];
      assert.deepEqual(
        items.map((i) => [i.userName, i.via, i.action, i.documentId, i.status]),
        [
          ['local', 'local', 'upload', null, 403],
          ['local', 'local', 'upload-duplicate', res.json().id, 200],
          ['local', 'local', 'upload', res.json().id, 201],
        ],
      );
    });
  });
}
