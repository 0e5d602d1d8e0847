/**
 * Accounts for a shared server (frozen: never import application code here).
 *
 * - users: a name, a scrypt password hash, a role (admin, reviewer, editor, viewer) and what the
 *   role covers: a reviewer's region, an editor's entity (by name);
 * - sessions: a browser's login, found by the SHA-256 of its cookie (the cookie itself is never
 *   stored), with the CSRF token its writes must carry and when it ends;
 * - api_tokens: tokens for programs, stored as SHA-256 hashes, revocable;
 * - audit_log: every write the API was asked for — who, how (session, token, local), when, what
 *   (method, route, action), which document or entity, and the answer's status.
 */
import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export function migration(dialect: Dialect): Migration {
  const id = (t: any) =>
    dialect === 'sqlite' ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement()) : t.addColumn('id', 'serial', (c: any) => c.primaryKey());
  return {
    async up(db: Kysely<any>) {
      await id(db.schema.createTable('users'))
        .addColumn('name', 'text', (c: any) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c: any) => c.notNull())
        .addColumn('role', 'text', (c: any) => c.notNull())
        .addColumn('region', 'text')
        .addColumn('entity', 'text')
        .addColumn('disabled', 'integer', (c: any) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await id(db.schema.createTable('api_tokens'))
        .addColumn('user_id', 'integer', (c: any) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c: any) => c.notNull())
        .addColumn('token_hash', 'text', (c: any) => c.notNull().unique())
        .addColumn('created_at', 'text', (c: any) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await id(db.schema.createTable('audit_log'))
        .addColumn('at', 'text', (c: any) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('user_name', 'text', (c: any) => c.notNull())
        .addColumn('via', 'text', (c: any) => c.notNull())
        .addColumn('action', 'text', (c: any) => c.notNull())
        .addColumn('method', 'text', (c: any) => c.notNull())
        .addColumn('route', 'text', (c: any) => c.notNull())
        .addColumn('document_id', 'integer')
        .addColumn('entity_id', 'integer')
        .addColumn('status', 'integer', (c: any) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('audit_log_document').on('audit_log').column('document_id').execute();
      await db.schema.createIndex('audit_log_user').on('audit_log').column('user_id').execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['audit_log', 'api_tokens', 'sessions', 'users']) await db.schema.dropTable(t).execute();
    },
  };
}
