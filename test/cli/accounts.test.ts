/**
 * `gongkai user` and `gongkai token` against a real SQLite store: the password comes from the
 * environment or standard input (never the command line), a weak one is refused, the token is
 * printed once on stdout and lets a program write to a server that requires accounts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../../src/serve/index.js';
import { Store } from '../../src/store/index.js';
import { ROOT } from '../helpers/shared.js';

const BIN = join(ROOT, 'bin/gongkai.js');
const db = join(mkdtempSync(join(tmpdir(), 'gongkai-accounts-')), 'store.db');

function gongkai(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db], {
    encoding: 'utf8',
    cwd: ROOT,
    input: options.input ?? '',
    env: { ...process.env, GONGKAI_PASSWORD: '', ...options.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('user add / list, token create: a program with the token writes to a server that requires accounts', async () => {
  const weak = gongkai(['user', 'add', 'chen', '--role', 'admin'], { env: { GONGKAI_PASSWORD: 'short' } });
  assert.equal(weak.code, 2);
  assert.match(weak.err, /^错误 密码至少 10 个字符\n$/);

  const add = gongkai(['user', 'add', 'chen', '--role', 'admin'], { env: { GONGKAI_PASSWORD: 'a long enough secret' } });
  assert.equal(add.code, 0, add.err);
  assert.match(add.err, /已创建账户 chen（管理员）/);
  const again = gongkai(['user', 'add', 'chen', '--role', 'viewer'], { env: { GONGKAI_PASSWORD: 'a long enough secret' } });
  assert.equal(again.code, 2);
  assert.match(again.err, /^错误 账户 chen 已存在\n$/);
  const editor = gongkai(['user', 'add', 'wang', '--role', 'editor'], { input: 'from standard input\n' });
  assert.equal(editor.code, 2);
  assert.match(editor.err, /须用 --entity 指定所属单位/);
  const fromStdin = gongkai(['user', 'add', 'wang', '--role', 'editor', '--entity', '示范市湖西区财政局'], { input: 'from standard input\n' });
  assert.equal(fromStdin.code, 0, fromStdin.err);
  const badRole = gongkai(['user', 'add', 'li', '--role', 'root'], { env: { GONGKAI_PASSWORD: 'a long enough secret' } });
  assert.equal(badRole.code, 2);
  assert.match(badRole.err, /角色应为 admin、reviewer、editor、viewer 之一/);

  const list = gongkai(['user', 'list']);
  assert.equal(list.out, 'chen\tadmin（管理员）\nwang\teditor（部门填报人员）\t单位 示范市湖西区财政局\n');

  const created = gongkai(['token', 'create', 'chen', '--name', 'nightly import']);
  assert.equal(created.code, 0, created.err);
  const token = created.out.trim();
  assert.match(token, /^gk_[\w-]{43}$/);
  assert.match(created.err, /令牌只显示这一次/);

  const store = await Store.open({ db });
  try {
    // Stored as a hash, never as issued.
    const stored = await store.conn.db.withTables<{ api_tokens: { token_hash: string } }>().selectFrom('api_tokens').select('token_hash').execute();
    assert.ok(stored.every((r) => !r.token_hash.includes(token.slice(3))));
    const app = await buildApp({ store, workers: 0, requireAccounts: true });
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode, 401);
      const audit = await app.inject({ method: 'GET', url: '/api/audit', headers: { authorization: `Bearer ${token}` } });
      assert.equal(audit.statusCode, 200);
      assert.deepEqual(
        audit.json().items.map((i: { userName: string; action: string; detail: string }) => [i.userName, i.action, i.detail]),
        [['cli', 'token-create', '令牌 1（nightly import）给账户 chen']],
      );
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }

  const revoked = gongkai(['token', 'revoke', '1']);
  assert.equal(revoked.code, 0, revoked.err);
  assert.match(gongkai(['token', 'list']).out, /^1\tchen\tnightly import\t\S+\t已撤销\n$/);
});
