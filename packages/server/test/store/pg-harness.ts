// Test harness for PostgreSQL: starts the machine's server if it is down, fresh databases, a cuttable proxy.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';
import pg from 'pg';

/** The local server: 127.0.0.1:5432, user `postgres`, trust auth (see CONTRIBUTING.md). */
export const PG_HOST = '127.0.0.1';
export const PG_PORT = 5432;

/**
 * A connection URL for `database` on the local server, optionally through another port and with
 * `schema` as every session's `search_path` (so a store's tables live in that schema).
 */
export function pgUrl(database: string, port = PG_PORT, schema?: string): string {
  const base = `postgres://postgres@${PG_HOST}:${port}/${database}`;
  return schema === undefined
    ? base
    : `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function canConnect(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: pgUrl('postgres'),
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let started: Promise<void> | undefined;

/**
 * Resolves once the local PostgreSQL answers, starting its cluster (`pg_ctlcluster <version>
 * main start`, the Debian layout under /etc/postgresql) when it does not, and waiting up to 30 s.
 */
export function ensurePostgres(): Promise<void> {
  started ??= (async () => {
    if (await canConnect()) return;
    const versions = readdirSync('/etc/postgresql');
    for (const version of versions) {
      await promisify(execFile)('pg_ctlcluster', [
        '--skip-systemctl-redirect',
        version,
        'main',
        'start',
      ]).catch(() => undefined);
    }
    const deadline = Date.now() + 30_000;
    while (!(await canConnect())) {
      if (Date.now() > deadline) throw new Error('PostgreSQL did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return started;
}

/** A database made for one test (or run) and dropped after it. */
export interface TestDatabase {
  readonly name: string;
  /** Its URL on the local server. */
  readonly url: string;
  /**
   * Creates an empty schema in it and resolves to a URL whose sessions use it: a fresh store
   * without the cost of a fresh database (CREATE DATABASE copies a template and is slow under load).
   */
  freshSchema(port?: number): Promise<string>;
  /** Drops it, closing whatever connections are still open on it. */
  drop(): Promise<void>;
}

async function admin<T>(
  work: (client: pg.Client) => Promise<T>,
  database = 'postgres',
): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `<prefix>_<pid>_<random>` (PostgreSQL started first if need be). */
export async function createTestDatabase(prefix = 'faultline_test'): Promise<TestDatabase> {
  await ensurePostgres();
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  let schemas = 0;
  return {
    name,
    url: pgUrl(name),
    async freshSchema(port = PG_PORT) {
      const schema = `s${++schemas}_${randomBytes(3).toString('hex')}`;
      await admin((c) => c.query(`CREATE SCHEMA ${schema}`), name);
      return pgUrl(name, port, schema);
    },
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A TCP proxy to the local PostgreSQL that a test can cut (an outage) and restore. */
export interface PgProxy {
  readonly port: number;
  /** The URL of `database` through the proxy. */
  url(database: string): string;
  /** Drops every connection and refuses new ones, as a server that went down. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a free port) to the local PostgreSQL. */
export async function startPgProxy(): Promise<PgProxy> {
  await ensurePostgres();
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;

  const pipe = (client: net.Socket): void => {
    const upstream = net.connect(PG_PORT, PG_HOST);
    const done = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', done).on('close', done);
    }
    client.pipe(upstream).pipe(client);
  };
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const s = net.createServer(pipe);
      s.once('error', reject).listen(port, PG_HOST, () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const cut = (): Promise<void> =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (server === undefined) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  return { port, url: (database) => pgUrl(database, port), cut, restore: listen, close: cut };
}
