/**
 * `npm run bench`, part 4: `faultline diagnose --json` on a one-million-record file (the
 * provider-overload scenario, stretched), against a plain read-and-JSON.parse loop over the same
 * file in the same run.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { generateScenario } from '@faultline/scenarios';
import { CLI as cli, READ_PARSE_BASELINE as baseline, WORK_DIR } from './paths.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Hours of traffic at 30 calls/s (retries included): the default 6 make about one million records. */
const HOURS = Number(process.env.BENCH_DIAGNOSE_HOURS ?? 6);

function timeChild(args: readonly string[]): number {
  const devNull = openSync('/dev/null', 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'] });
    const ms = performance.now() - t0;
    if (r.status !== 0)
      throw new Error(`${args.join(' ')} exited ${String(r.status)}: ${r.stderr.toString()}`);
    return ms;
  } finally {
    closeSync(devNull);
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

mkdirSync(WORK_DIR, { recursive: true });
const file = join(WORK_DIR, `diagnose-${HOURS}h.jsonl`);
console.log(`generating records (provider-overload, ${HOURS} hours at 30 calls/s) …`);
const g = generateScenario('provider-overload', { durationMs: HOURS * 3_600_000, ratePerSec: 30 });
const fd = openSync(file, 'w');
for (let i = 0; i < g.records.length; i += 10_000) {
  writeSync(
    fd,
    g.records
      .slice(i, i + 10_000)
      .map((r) => JSON.stringify(r) + '\n')
      .join(''),
  );
}
closeSync(fd);
const mib = statSync(file).size / (1 << 20);
const base: number[] = [];
const ours: number[] = [];
for (let run = 0; run < RUNS; run++) {
  base.push(timeChild([baseline, file]));
  ours.push(timeChild([cli, 'diagnose', '--json', file]));
}
const b = median(base);
const o = median(ours);
console.log(
  `diagnose on ${g.records.length.toLocaleString('en-US')} records (${mib.toFixed(0)} MiB), ${RUNS} runs each, median:`,
);
console.log(`  read + JSON.parse loop:      ${(b / 1000).toFixed(2)} s`);
console.log(`  faultline diagnose --json:   ${(o / 1000).toFixed(2)} s`);
console.log(
  `  ratio: ${(o / b).toFixed(2)}× the read-and-parse loop (target ≤ 2.5×, issue 8; ≤ 4× in issue 4)`,
);
