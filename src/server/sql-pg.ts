/**
 * The `pg` adapter of the store's Sql interface: a pool of connections to a PostgreSQL server
 * (`DATABASE_URL=postgres://...`). Node only.
 */
import pg from 'pg';
import type { Queryable, Sql } from './sql.js';

const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PgOptions {
  connectionString: string;
  /** Tables live in this schema (created if missing); default `public`. */
  schema?: string;
  max?: number;
}

export async function openPostgres({ connectionString, schema, max = 10 }: PgOptions): Promise<Sql> {
  if (schema) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('schema: lowercase letters, digits and _ only');
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return pgSql(pool);
}

export function pgSql(pool: pg.Pool): Sql {
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as Row[];
    },
  });
  return {
    query: on(pool).query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await work(on(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
