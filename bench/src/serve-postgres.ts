/**
 * A fresh PostgreSQL database for a benchmark run on the local server (127.0.0.1:5432, user
 * `postgres`, trust auth: CONTRIBUTING.md), started first when it is down. The same few steps as
 * packages/server/test/store/pg-harness.ts, which the bench build cannot import.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { sleep } from './serve-stats.js';

const pgUrl = (database: string): string => `postgres://postgres@127.0.0.1:5432/${database}`;

async function onAdmin<T>(work: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new pg.Client({
    connectionString: pgUrl(database),
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const answers = (): Promise<boolean> =>
  onAdmin((c) => c.query('SELECT 1')).then(
    () => true,
    () => false,
  );

/** Resolves once PostgreSQL answers, starting its Debian cluster(s) when it does not (30 s). */
async function ensurePostgres(): Promise<void> {
  if (await answers()) return;
  for (const version of readdirSync('/etc/postgresql')) {
    await promisify(execFile)('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      version,
      'main',
      'start',
    ]).catch(() => undefined);
  }
  const deadline = Date.now() + 30_000;
  while (!(await answers())) {
    if (Date.now() > deadline) throw new Error('PostgreSQL did not start within 30 s');
    await sleep(250);
  }
}

/** A database made for this run. */
export interface BenchDatabase {
  readonly url: string;
  /** Drops it, closing whatever is still connected. */
  drop(): Promise<void>;
}

/** Creates an empty database `faultline_bench_<pid>_<random>`. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  await ensurePostgres();
  const name = `faultline_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: pgUrl(name),
    drop: () =>
      onAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
