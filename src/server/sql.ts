/**
 * The store's one door to PostgreSQL: a query and a transaction, with two adapters (PGlite here, `pg` in
 * sql-pg.ts), so that the store code is written once. Parameters are `$1, $2, ...`; int8 columns come back
 * as numbers (times are epoch milliseconds), json/jsonb as parsed values.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';

export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Sql extends Queryable {
  /** Runs `work` in one transaction (READ COMMITTED); rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const toNumber = (value: string) => Number(value);

/** Opens PGlite: in memory without `dataDir`, on disk with it (e.g. `.data/pglite`). */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: { [INT8]: toNumber } });
  return pgliteSql(db, true);
}

/** Wraps a PGlite instance; `owned` closes it with the Sql. */
export function pgliteSql(db: PGlite, owned = false): Sql {
  const on = (q: PGlite | Transaction): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(text, params as unknown[]);
      return result.rows;
    },
  });
  const top = on(db);
  return {
    query: top.query,
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: async () => {
      if (owned) await db.close();
    },
  };
}
