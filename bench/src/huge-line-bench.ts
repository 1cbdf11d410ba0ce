/**
 * `npm run bench`: `faultline classify` on a file whose first line is 100 MiB with no end in sight
 * of the 1 MiB line cap, against a plain read of the same file (`cat FILE > /dev/null`), in the
 * same run. The over-long line must be skipped in about the time it takes to read it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CLI as cli, READ_ONLY_BASELINE as baseline, WORK_DIR as workDir } from './paths.js';

const MIB = Number(process.env.BENCH_LINE_MIB ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function log(line: string): void {
  console.log(line);
}

/** One line of `mib` MiB (a record with a huge field), then one ordinary record. */
function writeHugeLine(path: string, mib: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, '{"ts":"2026-11-22T04:12:03Z","provider":"openai","model":"m","x":"');
    const block = 'a'.repeat(1 << 20);
    for (let i = 0; i < mib; i++) writeSync(fd, block);
    writeSync(fd, '"}\n{"ts":"2026-11-22T04:12:04Z","provider":"openai","model":"m"}\n');
  } finally {
    closeSync(fd);
  }
}

/** Milliseconds the command took; it must exit with `status`. */
function timeChild(args: readonly string[], status: number): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== status) {
    throw new Error(`${args.join(' ')} exited ${String(r.status)}: ${r.stderr.toString()}`);
  }
  return ms;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

mkdirSync(workDir, { recursive: true });
const file = join(workDir, `huge-line-${MIB}mib.jsonl`);
writeHugeLine(file, MIB);
const tiny = join(workDir, 'one-record.jsonl');
writeFileSync(tiny, '{"ts":"2026-11-22T04:12:04Z","provider":"openai","model":"m"}\n');
const mib = statSync(file).size / (1 << 20);
log(`a ${MIB} MiB single line then one record (${mib.toFixed(0)} MiB), ${RUNS} runs each, median:`);
const base: number[] = [];
const ours: number[] = [];
const startup: number[] = [];
for (let run = 0; run < RUNS; run++) {
  base.push(timeChild([baseline, file], 0));
  startup.push(timeChild([cli, 'classify', '--json', '--no-summary', tiny], 0));
  // Exit 1: the over-long line is a bad line; the record after it is still classified.
  ours.push(timeChild([cli, 'classify', '--json', '--no-summary', file], 1));
}
const baseMs = median(base);
const oursMs = median(ours);
log(`  read to the end (cat > /dev/null):  ${(baseMs / 1000).toFixed(2)} s`);
log(`  faultline classify --json:          ${(oursMs / 1000).toFixed(2)} s`);
log(`  (the same on a one-record file:     ${(median(startup) / 1000).toFixed(2)} s, start-up)`);
log(`  ratio: ${(oursMs / baseMs).toFixed(2)}× a plain read`);
