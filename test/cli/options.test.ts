/**
 * The command line as a user meets it (the compiled bin): option values checked, commander's and
 * Node's errors in Chinese, usage errors exit 2, -o for every format, help in Chinese.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/shared.js';

const BIN = join(ROOT, 'bin/gongkai.js');
const SAMPLE = join(ROOT, 'examples/sample-budget.txt');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-options-'));

function gongkai(args: string[], env: Record<string, string> = {}) {
  // A process that does not end (status null after the minute) fails the test instead of hanging it.
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('option values are checked, with one Chinese line and exit status 2', () => {
  for (const [args, expected] of [
    [['import', '--workers', 'abc', SAMPLE], /^错误 选项 --workers <n> 的取值“abc”无效：应为不小于 0 的整数$/m],
    [['serve', '--port', 'abc'], /^错误 选项 --port <n> 的取值“abc”无效：应为 0 到 65535 之间的整数$/m],
    [['serve', '--port', '70000'], /^错误 选项 --port <n> 的取值“70000”无效/m],
    [['check', '--max-size', 'abc', SAMPLE], /^错误 选项 --max-size <MB> 的取值“abc”无效：应为大于 0 的数/m],
    [['check', '--format', 'docx', SAMPLE], /^错误 选项 -f, --format <format> 的取值“docx”无效：可选 text、json、xlsx、html、pdf、annotated-pdf、sarif$/m],
  ] as const) {
    const r = gongkai([...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, expected);
    assert.doesNotMatch(r.err, /error:|help for/);
    assert.equal(r.out, '');
  }
  // Nothing was imported: no store was created.
  assert.ok(!existsSync(join(dir, 'data')));
});

test('check starts its reading thread at launch, yet its usage errors and help still end the process at once', () => {
  // The thread is started before the options are parsed and is sent the file before runCheck
  // looks at them (src/cli/launch.ts); one that held the process open would leave these running.
  for (const [args, code] of [
    [['check', '--format', 'docx', SAMPLE], 2],
    [['check', '--max-size', '0', SAMPLE], 2],
    [['check'], 2],
    [['check', '--help'], 0],
    [['check', '-f', 'xlsx', SAMPLE], 2],
  ] as const) {
    const r = gongkai([...args]);
    assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
  }
});

test("commander's own errors are in Chinese", () => {
  const cases: [string[], RegExp][] = [
    [['check'], /^错误 缺少必需的参数 <files>$/m],
    [['check', '-o'], /^错误 选项 -o, --output <file> 缺少取值$/m],
    [['check', '--bogus', SAMPLE], /^错误 未知选项 --bogus$/m],
    [['chek', SAMPLE], /^错误 未知命令 chek（是否想用 check？）$/m],
    [['score', 'a', 'b'], /^错误 命令 score 的参数过多：应为 1 个，收到 2 个$/m],
  ];
  for (const [args, expected] of cases) {
    const r = gongkai(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, expected);
    assert.match(r.err, /（用 --help 查看用法）/);
    assert.doesNotMatch(r.err, /error:|help for|Did you mean/);
  }
});

test('help is Chinese and exits 0', () => {
  const r = gongkai(['check', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^用法：/);
  assert.match(r.out, /选项：/);
  assert.match(r.out, /输出格式（可选：text、json、xlsx、html、pdf、annotated-pdf、sarif；默认：text）/);
  assert.match(r.out, /-h, --help +显示帮助/);
  assert.doesNotMatch(r.out, /display help|default:|choices:|Usage:|Options:/);
  assert.equal(gongkai(['--version']).code, 0);
});

test('import of a path that does not exist exits 2 without creating a store', () => {
  const r = gongkai(['import', '/nonexistent/gongkai/x.pdf']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^错误 \/nonexistent\/gongkai\/x\.pdf：文件或目录不存在$/m);
  assert.ok(!existsSync(join(dir, 'data')));
});

test('a database URL of another kind is refused, from --db or DATABASE_URL', () => {
  const a = gongkai(['import', SAMPLE, '--db', 'mysql://h/db']);
  assert.equal(a.code, 2);
  assert.match(a.err, /^错误 不支持的数据库地址 mysql:\/\/h\/db：请给出 SQLite 文件路径或 postgres:\/\/ 地址$/m);
  const b = gongkai(['import', SAMPLE], { DATABASE_URL: 'mysql://h/db' });
  assert.equal(b.code, 2);
  assert.match(b.err, /（来自环境变量 DATABASE_URL）/);
});

test('-o works for every format; an unwritable -o is a Chinese error', () => {
  const text = join(dir, 'r.txt');
  const t = gongkai(['check', SAMPLE, '-o', text]);
  assert.equal(t.out, '');
  assert.match(readFileSync(text, 'utf8'), /检查结果：错误 \d+ 项/);
  const json = join(dir, 'r.json');
  gongkai(['check', SAMPLE, '--format', 'json', '-o', json]);
  assert.equal(JSON.parse(readFileSync(json, 'utf8')).document.year, 2024);
  const schema = join(dir, 'input.schema.json');
  assert.equal(gongkai(['report', 'self-evaluation', '--schema', '-o', schema]).code, 0);
  assert.ok(JSON.parse(readFileSync(schema, 'utf8')).properties);

  const bad = gongkai(['check', SAMPLE, '--format', 'json', '-o', '/nonexistent/gongkai/r.json']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /^错误 无法写入 \/nonexistent\/gongkai\/r\.json：文件或目录不存在（ENOENT）$/m);
});

test('serve on a port in use says so in Chinese and exits 2', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--db', ':memory:'], { cwd: dir });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(code, 2);
    assert.match(err, new RegExp(`^错误 无法启动服务：127\\.0\\.0\\.1:${port}：端口已被占用（EADDRINUSE）$`, 'm'));
  } finally {
    blocker.close();
  }
});

test('a rule profile that does not exist: one Chinese line, exit 2, not an internal fault', () => {
  for (const args of [
    ['check', SAMPLE, '--profile', '/nonexistent/gongkai/p.json'],
    ['check', SAMPLE, SAMPLE, '--format', 'json', '--profile', 'no-such-profile'],
  ]) {
    const r = gongkai(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.out, '');
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], /^错误 找不到规则配置/);
    assert.doesNotMatch(lines[0], /内部错误|Error|at /);
  }
});
