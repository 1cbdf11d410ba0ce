/**
 * `npm run bench:serve`, part 1: ingest over HTTP into SQLite and into PostgreSQL (batches of
 * 1,000 JSON Lines records, 4 concurrent keep-alive clients, each answer only after the commit),
 * each beside a raw insert loop of the same rows through the same driver, alternating rounds in
 * one run. The service runs in this process (startService), its clients beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { keepAliveAgent } from './serve-client.js';
import { startBenchService } from './serve-in-process.js';
import { closedLoopRate } from './serve-load.js';
import { createBenchDatabase } from './serve-postgres.js';
import { rawPgRate, rawSqliteRate } from './serve-raw-loops.js';
import { batchBodies, callMix, rawRows } from './serve-records.js';
import { int, median, numberFlag, verdict } from './serve-stats.js';
import { WORK_DIR } from './paths.js';

const BATCH = 1000;
const CLIENTS = 4;
const BATCHES = numberFlag('batches', 150);
const ROUNDS = numberFlag('rounds', 3);
const mix = callMix(20_000);
/** `--store sqlite` or `--store postgres` runs one of the two. */
const only = process.argv[process.argv.indexOf('--store') + 1];
const runs = (store: string): boolean => !process.argv.includes('--store') || only === store;

interface Figures {
  readonly service: readonly number[];
  readonly raw: readonly number[];
}

/** Records/s of one closed-loop round, on connections of its own (none idles into a keep-alive cut). */
async function round(url: string, token: string, bodies: readonly Buffer[]): Promise<number> {
  const agent = keepAliveAgent(CLIENTS);
  try {
    return await closedLoopRate({ url, token, agent }, bodies, CLIENTS);
  } finally {
    agent.destroy();
  }
}

/** Alternates raw and service rounds; checks every acknowledged record was stored. */
async function measure(
  store: string | undefined,
  raw: (rows: ReturnType<typeof rawRows>) => Promise<number>,
): Promise<Figures> {
  const bench = await startBenchService(store);
  try {
    const { url, token } = bench;
    await round(url, token, batchBodies(mix, 20, BATCH, Date.now())); // warm-up
    const service: number[] = [];
    const rawRates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      rawRates.push(await raw(rawRows(mix.slice(0, BATCH), Date.now())));
      service.push(await round(url, token, batchBodies(mix, BATCHES, BATCH, Date.now())));
    }
    const sent = (20 + ROUNDS * BATCHES) * BATCH;
    const stored = await bench.service.store.lastSeq();
    if (stored !== sent) throw new Error(`${sent} records acknowledged, ${stored} stored`);
    return { service, raw: rawRates };
  } finally {
    await bench.close();
  }
}

function report(name: string, f: Figures, floor: number): void {
  const service = median(f.service);
  const ratio = median(f.raw) / service;
  const range = (xs: readonly number[]): string =>
    `${int(Math.min(...xs))}–${int(Math.max(...xs))}`;
  console.log(
    `${name.padEnd(11)} ${int(service).padStart(9)} rec/s   raw loop ${int(median(f.raw)).padStart(9)} rec/s   ` +
      `raw/service ${ratio.toFixed(2)}×   target ≥ ${int(floor)} rec/s: ${verdict(service >= floor)}, ` +
      `≤ 2×: ${verdict(ratio <= 2)}   (rounds: service ${range(f.service)}, raw ${range(f.raw)})`,
  );
}

console.log(
  `ingest over HTTP: ${BATCHES} batches × ${BATCH} records per round, ${CLIENTS} clients, ` +
    `median of ${ROUNDS} rounds (raw loop: same rows, same driver, 1,000 per transaction)`,
);
if (runs('sqlite')) {
  const rawDir = mkdtempSync(join(WORK_DIR, 'raw-'));
  try {
    report(
      'SQLite',
      await measure(undefined, (rows) => Promise.resolve(rawSqliteRate(rawDir, rows, BATCHES))),
      100_000,
    );
  } finally {
    rmSync(rawDir, { recursive: true, force: true });
  }
}
if (runs('postgres')) {
  const db = await createBenchDatabase();
  try {
    report('PostgreSQL', await measure(db.url, (rows) => rawPgRate(db.url, rows, BATCHES)), 30_000);
  } finally {
    await db.drop();
  }
}
