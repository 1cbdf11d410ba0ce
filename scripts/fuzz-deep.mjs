#!/usr/bin/env node
// The long fuzz run (issue 14): every fuzz suite, many more runs, a fresh random seed per round.
//
//   node scripts/fuzz-deep.mjs [--rounds N] [--runs N] [--minutes M]
//
// Each round runs `vitest run packages/*/test/fuzz` with FUZZ_SEED (random) and FUZZ_RUNS (the
// runs of every property; costly ones cap their own). A failing round prints its seed and the
// counterexamples; replay one with `FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx vitest run <file>`.
// Exits 1 when any round failed.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const rounds = option('rounds', 5);
const runs = option('runs', 20_000);
const deadline = Date.now() + option('minutes', 30) * 60_000;
const FUZZ_DIRS = [
  'packages/core/test/fuzz',
  'packages/sdk/test/fuzz',
  'packages/server/test/fuzz',
];
const failed = [];

for (let round = 1; round <= rounds && Date.now() < deadline; round++) {
  const seed = randomInt(2 ** 31 - 1);
  console.log(`round ${round}/${rounds}: FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);
  const run = spawnSync('npx', ['vitest', 'run', ...FUZZ_DIRS, '--testTimeout=0'], {
    env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs), NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status === 0) continue;
  failed.push(seed);
  console.log(`round ${round} FAILED with FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);
  // fast-check's report: the failing test, its seed and path, and the shrunk counterexample.
  for (const line of output.split('\n'))
    if (/FAIL |seed: |Counterexample|Caused by/.test(line)) console.log(`  ${line.trim()}`);
}

console.log(failed.length === 0 ? 'no failures' : `failing seeds: ${failed.join(', ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
