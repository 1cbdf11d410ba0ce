/**
 * `npm run bench`: classify() throughput on one core, and `faultline classify --json` end to end
 * against a read-and-parse-only loop over the same one-million-line file, in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify, type CallRecord } from '@faultline/core';
import { generateCallMix } from '@faultline/scenarios';
import { CLI as cli, READ_PARSE_BASELINE as baseline, WORK_DIR as workDir } from './paths.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function log(line: string): void {
  console.log(line);
}

function classifyThroughput(records: readonly CallRecord[]): number {
  let best = 0;
  let sink = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    for (const r of records) if (classify(r).retryable) sink++;
    const seconds = (performance.now() - t0) / 1000;
    best = Math.max(best, records.length / seconds);
  }
  if (sink < 0) log('unreachable');
  return best;
}

function timeChild(args: readonly string[]): number {
  const devNull = openSync('/dev/null', 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'] });
    const ms = performance.now() - t0;
    if (r.status !== 0) {
      throw new Error(`${args.join(' ')} exited ${String(r.status)}: ${r.stderr.toString()}`);
    }
    return ms;
  } finally {
    closeSync(devNull);
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

mkdirSync(workDir, { recursive: true });
log(`generating ${RECORDS.toLocaleString('en-US')} call records …`);
const records = [...generateCallMix(RECORDS)];
const file = join(workDir, `calls-${RECORDS}.jsonl`);
writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
const mib = statSync(file).size / (1 << 20);

const perSecond = classifyThroughput(records);
log(`classify(): ${(perSecond / 1e6).toFixed(2)} million records/s on one core (target ≥ 2)`);

log(`end to end on ${file} (${mib.toFixed(0)} MiB), ${RUNS} runs each, median:`);
const base: number[] = [];
const ours: number[] = [];
for (let run = 0; run < RUNS; run++) {
  base.push(timeChild([baseline, file]));
  ours.push(timeChild([cli, 'classify', '--json', '--no-summary', file]));
}
const baseMs = median(base);
const oursMs = median(ours);
log(`  read + JSON.parse loop:        ${(baseMs / 1000).toFixed(2)} s`);
log(`  faultline classify --json:     ${(oursMs / 1000).toFixed(2)} s`);
log(`  ratio: ${(oursMs / baseMs).toFixed(2)}× the read-and-parse loop (target ≤ 2.5×)`);
