// A thin layer over a `pg` Pool: typed rows, transactions, and outages turned into StoreUnavailableError.
import pg from 'pg';
import { StoreUnavailableError } from '../port.js';
import { isUnavailable, toStoreError } from './unavailable.js';

/** What a statement inside or outside a transaction can do. */
export interface Sql {
  /** Runs `text` with `$n` parameters; resolves to its rows. */
  rows<R>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** Runs `text`; resolves to the number of rows it touched. */
  count(text: string, values?: readonly unknown[]): Promise<number>;
}

/** The pool: statements, transactions, and `end`. */
export interface Db extends Sql {
  /** Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when not. */
  tx<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** Closes every connection; later calls reject with StoreUnavailableError. */
  end(): Promise<void>;
}

interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

/** int8 (`bigint`, oid 20) as a number: seqs and epoch-ms times stay far below 2^53. */
const TYPES = new pg.TypeOverrides();
TYPES.setTypeParser(pg.types.builtins.INT8, (text: string) => Number(text));

function sqlOn(target: Queryable): Sql {
  return {
    async rows<R>(text: string, values: readonly unknown[] = []) {
      const result = await target.query(text, [...values]);
      return result.rows as R[];
    },
    async count(text: string, values: readonly unknown[] = []) {
      const result = await target.query(text, [...values]);
      return result.rowCount ?? 0;
    },
  };
}

/** Opens a pool on `url` (connections are made on demand, so it reconnects after an outage). */
export function createDb(url: string): Db {
  const pool = new pg.Pool({
    connectionString: url,
    types: TYPES,
    max: 10,
    // Fail fast while PostgreSQL is down, so ingest can answer 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Notice a peer that vanished without closing (a cut network) on idle connections too.
    keepAlive: true,
  });
  // An idle connection that dies (server restart) is dropped by the pool; without a listener the
  // 'error' event would crash the process. The next call connects afresh.
  pool.on('error', () => undefined);
  const direct = sqlOn(pool);
  let closed = false;

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    if (closed) throw new StoreUnavailableError('the store is closed');
    try {
      return await work();
    } catch (e: unknown) {
      throw toStoreError(e);
    }
  }

  async function tx<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    // The pool listens for a checked-out client's errors only while it is idle: a connection that
    // dies between two statements would otherwise emit an unhandled 'error'. The next statement
    // rejects anyway, and release(broken) drops the client.
    const onError = (e: Error): void => {
      broken = e;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(sqlOn(client));
      await client.query('COMMIT');
      return result;
    } catch (e: unknown) {
      if (isUnavailable(e)) broken = e instanceof Error ? e : new Error(String(e));
      else await client.query('ROLLBACK').catch((r: unknown) => (broken = toError(r)));
      throw e;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  return {
    rows: (text, values) => guarded(() => direct.rows(text, values)),
    count: (text, values) => guarded(() => direct.count(text, values)),
    tx: (work) => guarded(() => tx(work)),
    async end() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
