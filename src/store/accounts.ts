/**
 * Accounts, sessions, API tokens and the audit log (tables of migration 202612062330_accounts).
 * Secrets are never stored: a session or token is found by the SHA-256 of what the client holds,
 * a password by its scrypt hash (src/accounts/passwords.ts).
 */
import type { Generated, Selectable } from 'kysely';
import type { Connection } from './open.js';
import { regionCondition, type Page } from './filters.js';

export interface UserTable {
  id: Generated<number>;
  name: string;
  password_hash: string;
  role: string;
  region: string | null;
  entity: string | null;
  disabled: Generated<number>;
  created_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  user_name: string;
  via: string;
  action: string;
  method: string;
  route: string;
  document_id: number | null;
  entity_id: number | null;
  status: number;
  detail: string | null;
  ip: string | null;
}

type Tables = {
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditTable;
};

export type UserRow = Selectable<UserTable>;

export interface User {
  id: number;
  name: string;
  role: string;
  region: string | null;
  entity: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface TokenInfo {
  id: number;
  user: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revoked: boolean;
}

export interface AuditEntry {
  at?: string;
  userId: number | null;
  userName: string;
  via: string;
  action: string;
  method: string;
  route: string;
  documentId?: number | null;
  entityId?: number | null;
  status: number;
  detail?: string | null;
  ip?: string | null;
}

export interface AuditRow extends Required<Omit<AuditEntry, 'at'>> {
  id: number;
  at: string;
}

export interface AuditFilter {
  user?: string;
  action?: string;
  documentId?: number;
  /** ISO timestamps, inclusive. */
  from?: string;
  to?: string;
}

/** Why an account change was refused; the CLI prints it, the API answers 409. */
export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

function toUser(r: UserRow): User {
  return { id: r.id, name: r.name, role: r.role, region: r.region, entity: r.entity, disabled: !!r.disabled, createdAt: r.created_at };
}

export class Accounts {
  constructor(private readonly conn: Connection) {}

  private get db() {
    return this.conn.db.withTables<Tables>();
  }

  async createUser(u: { name: string; passwordHash: string; role: string; region?: string | null; entity?: string | null }): Promise<User> {
    if (await this.userRow(u.name)) throw new AccountError(`账户 ${u.name} 已存在`);
    const row = await this.db
      .insertInto('users')
      .values({ name: u.name, password_hash: u.passwordHash, role: u.role, region: u.region ?? null, entity: u.entity ?? null, created_at: new Date().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async updateUser(name: string, change: { passwordHash?: string; role?: string; region?: string | null; entity?: string | null; disabled?: boolean }): Promise<User> {
    const values: Partial<Record<keyof UserTable, unknown>> = {};
    if (change.passwordHash !== undefined) values.password_hash = change.passwordHash;
    if (change.role !== undefined) values.role = change.role;
    if (change.region !== undefined) values.region = change.region;
    if (change.entity !== undefined) values.entity = change.entity;
    if (change.disabled !== undefined) values.disabled = change.disabled ? 1 : 0;
    const row = await this.db.updateTable('users').set(values as never).where('name', '=', name).returningAll().executeTakeFirst();
    if (!row) throw new AccountError(`没有账户 ${name}`);
    // A changed password or a disabled account ends its sessions.
    if (change.passwordHash !== undefined || change.disabled) await this.db.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    return toUser(row);
  }

  userRow(name: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async users(): Promise<User[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
  }

  async countUsers(): Promise<number> {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async createSession(s: { idHash: string; userId: number; csrf: string; expiresAt: Date }): Promise<void> {
    const now = new Date().toISOString();
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    await this.db.insertInto('sessions').values({ id_hash: s.idHash, user_id: s.userId, csrf: s.csrf, created_at: now, expires_at: s.expiresAt.toISOString() }).execute();
  }

  /** The live session and its enabled user, or undefined. */
  async session(idHash: string): Promise<{ user: User; csrf: string; expiresAt: string } | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.csrf', 'sessions.expires_at'])
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', new Date().toISOString())
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    return r ? { user: toUser(r), csrf: r.csrf, expiresAt: r.expires_at } : undefined;
  }

  async endSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async createToken(t: { userId: number; name: string; tokenHash: string }): Promise<TokenInfo> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: new Date().toISOString() })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    return (await this.tokens({ id: row.id }))[0];
  }

  /** The enabled user of an unrevoked token; marks the token used. */
  async tokenUser(tokenHash: string): Promise<User | undefined> {
    const r = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as token_id', 'api_tokens.last_used_at'])
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    if (!r) return undefined;
    // Once a minute at most: a script's every request need not write.
    const now = new Date();
    if (!r.last_used_at || now.getTime() - Date.parse(r.last_used_at) > 60_000) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', r.token_id).execute();
    }
    return toUser(r);
  }

  async tokens(filter: { userId?: number; id?: number } = {}): Promise<TokenInfo[]> {
    let q = this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.id', 'users.name as user', 'api_tokens.name', 'api_tokens.created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at']);
    if (filter.userId !== undefined) q = q.where('api_tokens.user_id', '=', filter.userId);
    if (filter.id !== undefined) q = q.where('api_tokens.id', '=', filter.id);
    const rows = await q.orderBy('api_tokens.id').execute();
    return rows.map((r) => ({ id: r.id, user: r.user, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revoked: r.revoked_at !== null }));
  }

  /** Revokes a token (of that user only, when given); false when there was none to revoke. */
  async revokeToken(id: number, userId?: number): Promise<boolean> {
    let q = this.db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null);
    if (userId !== undefined) q = q.where('user_id', '=', userId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Whether an entity lies in a region (the same matching as the API's region filters). */
  async entityInRegion(entityId: number, region: string): Promise<boolean> {
    const r = await this.conn.db
      .selectFrom('entities as e')
      .select('e.id')
      .where('e.id', '=', entityId)
      .where((eb) => regionCondition(this.conn.dialect, region, eb))
      .executeTakeFirst();
    return !!r;
  }

  /** A document's entity: its id, null when the document has none, undefined when there is no such document. */
  async documentEntity(documentId: number): Promise<number | null | undefined> {
    const r = await this.conn.db.selectFrom('documents').select('entity_id').where('id', '=', documentId).executeTakeFirst();
    return r ? r.entity_id : undefined;
  }

  async audit(e: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: e.at ?? new Date().toISOString(),
        user_id: e.userId,
        user_name: e.userName,
        via: e.via,
        action: e.action,
        method: e.method,
        route: e.route,
        document_id: e.documentId ?? null,
        entity_id: e.entityId ?? null,
        status: e.status,
        detail: e.detail ?? null,
        ip: e.ip ?? null,
      })
      .execute();
  }

  /** The audit log, newest first. */
  async auditLog(filter: AuditFilter = {}, page: Page = {}): Promise<{ total: number; items: AuditRow[] }> {
    let q = this.db.selectFrom('audit_log');
    if (filter.user) q = q.where('user_name', '=', filter.user);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.documentId !== undefined) q = q.where('document_id', '=', filter.documentId);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<=', filter.to);
    const total = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.limit ?? 100)
      .offset(page.offset ?? 0)
      .execute();
    return {
      total: Number(total.n),
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        userName: r.user_name,
        via: r.via,
        action: r.action,
        method: r.method,
        route: r.route,
        documentId: r.document_id,
        entityId: r.entity_id,
        status: r.status,
        detail: r.detail,
        ip: r.ip,
      })),
    };
  }
}
