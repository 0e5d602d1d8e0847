/**
 * `gongkai user` and `gongkai token`: accounts and API tokens of a shared server, made where the
 * store is (the API has no route that creates accounts). A password is read from the environment
 * variable GONGKAI_PASSWORD or the first line of standard input — never from the command line,
 * where other users of the machine could see it in the process list.
 */
import { hashPassword, weakPassword } from '../accounts/passwords.js';
import { isRole, ROLE_NAMES, ROLES } from '../accounts/roles.js';
import { newToken, secretHash } from '../serve/auth/secrets.js';
import { AccountError, Store, StoreError } from '../store/index.js';
import { describeError } from '../system-error.js';

async function readPassword(): Promise<string | null> {
  const env = process.env.GONGKAI_PASSWORD;
  if (env) return env;
  if (process.stdin.isTTY) process.stderr.write('密码（输入后回车）：');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  return line || null;
}

async function withStore(db: string | undefined, fn: (store: Store) => Promise<number>): Promise<number> {
  let store: Store | undefined;
  try {
    store = await Store.open({ db });
    return await fn(store);
  } catch (e) {
    console.error(`错误 ${e instanceof AccountError || e instanceof StoreError ? e.message : describeError(e)}`);
    return 2;
  } finally {
    await store?.close();
  }
}

async function newPasswordHash(): Promise<string | null> {
  const password = await readPassword();
  if (!password) {
    console.error('错误 没有密码：请设置环境变量 GONGKAI_PASSWORD，或从标准输入给出一行密码');
    return null;
  }
  const weak = weakPassword(password);
  if (weak) {
    console.error(`错误 ${weak}`);
    return null;
  }
  return hashPassword(password);
}

export interface UserOptions {
  db?: string;
  role?: string;
  region?: string;
  entity?: string;
}

export async function runUser(action: string, name: string | undefined, opts: UserOptions): Promise<number> {
  return withStore(opts.db, async (store) => {
    const accounts = store.accounts;
    if (action === 'list') {
      for (const u of await accounts.users()) {
        const scope = [u.region ? `地区 ${u.region}` : '', u.entity ? `单位 ${u.entity}` : ''].filter(Boolean).join('，');
        console.log(`${u.name}\t${u.role}（${ROLE_NAMES[u.role as keyof typeof ROLE_NAMES] ?? u.role}）${scope ? `\t${scope}` : ''}${u.disabled ? '\t已停用' : ''}`);
      }
      return 0;
    }
    if (!name) {
      console.error('错误 请给出账户名');
      return 2;
    }
    const role = opts.role;
    if (role !== undefined && !isRole(role)) {
      console.error(`错误 角色应为 ${ROLES.join('、')} 之一，收到 ${role}`);
      return 2;
    }
    switch (action) {
      case 'add': {
        if (!role) {
          console.error(`错误 请用 --role 指定角色（${ROLES.join('、')}）`);
          return 2;
        }
        if (role === 'editor' && !opts.entity) {
          console.error('错误 部门填报人员（editor）须用 --entity 指定所属单位');
          return 2;
        }
        const hash = await newPasswordHash();
        if (!hash) return 2;
        const u = await accounts.createUser({ name, passwordHash: hash, role, region: opts.region ?? null, entity: opts.entity ?? null });
        console.error(`已创建账户 ${u.name}（${ROLE_NAMES[role]}）`);
        return 0;
      }
      case 'passwd': {
        const hash = await newPasswordHash();
        if (!hash) return 2;
        await accounts.updateUser(name, { passwordHash: hash });
        console.error(`已修改账户 ${name} 的密码（其会话已结束）`);
        return 0;
      }
      case 'set': {
        await accounts.updateUser(name, { role, region: opts.region, entity: opts.entity });
        console.error(`已修改账户 ${name}`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        await accounts.updateUser(name, { disabled: action === 'disable' });
        console.error(`账户 ${name} 已${action === 'disable' ? '停用（其会话已结束，令牌不再有效）' : '启用'}`);
        return 0;
      }
    }
    console.error(`错误 不认识的操作 ${action}：应为 add、list、passwd、set、disable、enable`);
    return 2;
  });
}

export async function runToken(action: string, arg: string | undefined, opts: { db?: string; name?: string }): Promise<number> {
  return withStore(opts.db, async (store) => {
    const accounts = store.accounts;
    switch (action) {
      case 'create': {
        const user = arg ? await accounts.userRow(arg) : undefined;
        if (!user) {
          console.error(`错误 ${arg ? `没有账户 ${arg}` : '请给出账户名'}`);
          return 2;
        }
        const token = newToken();
        const info = await accounts.createToken({ userId: user.id, name: opts.name ?? 'cli', tokenHash: secretHash(token) });
        await accounts.audit({ userId: null, userName: 'cli', via: 'cli', action: 'token-create', method: 'CLI', route: 'gongkai token create', status: 0, detail: `令牌 ${info.id}（${info.name}）给账户 ${user.name}` });
        // The token on stdout alone, for scripts; it is shown this once.
        console.log(token);
        console.error(`已为账户 ${user.name} 创建令牌 ${info.id}（${info.name}）；请求头 Authorization: Bearer <令牌>。令牌只显示这一次。`);
        return 0;
      }
      case 'list': {
        for (const t of await accounts.tokens()) console.log(`${t.id}\t${t.user}\t${t.name}\t${t.createdAt}${t.revoked ? '\t已撤销' : ''}`);
        return 0;
      }
      case 'revoke': {
        const id = Number(arg);
        if (!Number.isInteger(id) || !(await accounts.revokeToken(id))) {
          console.error(`错误 没有可撤销的令牌 ${arg ?? ''}`);
          return 2;
        }
        await accounts.audit({ userId: null, userName: 'cli', via: 'cli', action: 'token-revoke', method: 'CLI', route: 'gongkai token revoke', status: 0, detail: `令牌 ${id}` });
        console.error(`已撤销令牌 ${id}`);
        return 0;
      }
    }
    console.error(`错误 不认识的操作 ${action}：应为 create、list、revoke`);
    return 2;
  });
}
