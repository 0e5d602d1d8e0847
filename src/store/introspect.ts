/**
 * A store's view of the PostgreSQL catalog: the schemas on its search path, nothing else.
 *
 * Kysely's own PostgreSQL introspector reads every table of every schema and resolves each
 * column's serial sequence by schema name. On a server shared with other sessions (CI's parallel
 * test files, several deployments in one database) a schema dropped between the catalog scan and
 * that lookup fails the read with 3F000 "schema … does not exist" — and with it the Migrator, which
 * only wants to know whether its own two tables exist. A store never needs to see other schemas,
 * so its introspection is scoped to `current_schemas(false)` (its own schema, then public) and
 * asks nothing per column that could meet a dropped schema.
 */
import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

/** Kysely's migration tables, hidden unless asked for (as Kysely's own introspector does). */
const KYSELY_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export class SearchPathIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_catalog.pg_namespace`.execute(this.db);
    return rows.map((r) => ({ name: r.name }));
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{
      schema: string;
      table: string;
      kind: string;
      column: string | null;
      type: string | null;
      type_schema: string | null;
      not_null: boolean | null;
      has_default: boolean | null;
      serial: boolean | null;
    }>`
      SELECT ns.nspname AS schema, c.relname AS table, c.relkind AS kind,
             a.attname AS column, t.typname AS type, tns.nspname AS type_schema,
             a.attnotnull AS not_null, a.atthasdef AS has_default,
             (a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%') AS serial
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
      LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_catalog.pg_namespace tns ON tns.oid = t.typnamespace
      LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE ns.nspname = ANY (current_schemas(false)) AND c.relkind IN ('r', 'v', 'p')
      ORDER BY ns.nspname, c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, { name: string; schema: string; isView: boolean; columns: TableMetadata['columns'] }>();
    for (const r of rows) {
      if (!options.withInternalKyselyTables && KYSELY_TABLES.has(r.table)) continue;
      const key = `${r.schema}.${r.table}`;
      let table = tables.get(key);
      if (!table) tables.set(key, (table = { name: r.table, schema: r.schema, isView: r.kind === 'v', columns: [] }));
      if (r.column === null) continue;
      table.columns.push({
        name: r.column,
        dataType: r.type ?? '',
        dataTypeSchema: r.type_schema ?? undefined,
        isNullable: !r.not_null,
        hasDefaultValue: Boolean(r.has_default),
        isAutoIncrementing: Boolean(r.serial),
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** PostgreSQL as Kysely speaks it, with the store's scoped catalog view. */
export class StorePostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}
