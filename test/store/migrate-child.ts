/**
 * A process that migrates a new store and stops at the k-th statement, for the parent test to
 * kill it there (test/store/migrate-atomic.test.ts). It runs the real migrations on the real
 * back end; a Kysely plugin only counts statements and, after the k-th has run, prints it and
 * waits to be killed.
 *
 *   node --import tsx test/store/migrate-child.ts <db> <schema|-> <k>
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { migrate, openConnection } from '../../src/store/open.js';

const [db, schemaArg, kArg] = process.argv.slice(2);
const schema = schemaArg === '-' ? undefined : schemaArg;
const stopAt = Number(kArg);
let count = 0;
/** What each statement is, by query id: `CreateTableNode entities`, `RawNode`, … */
const kinds = new WeakMap<object, string>();

const stopper: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as RootOperationNode & { table?: { table?: { identifier?: { name?: string } } } };
    kinds.set(args.queryId, [node.kind, node.table?.table?.identifier?.name].filter(Boolean).join(' '));
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    count++;
    if (count === stopAt) {
      process.stdout.write(`stopped ${count} ${kinds.get(args.queryId) ?? ''}\n`);
      setInterval(() => {}, 1000);
      await new Promise(() => {});
    }
    return args.result;
  },
};

const conn = await openConnection({ db, schema, migrate: false });
await migrate(conn, { schema, db: conn.db.withPlugin(stopper) });
process.stdout.write(`done ${count}\n`);
await conn.close();
