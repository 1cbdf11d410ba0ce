// fast-check parameters for the fuzz suites: a fixed seed per property in CI, FUZZ_SEED / FUZZ_RUNS for deep runs.
import type { Parameters } from 'fast-check';

/** A non-negative integer from the environment variable `name`, or `undefined`. */
function envInt(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The runs and seed of one property. CI uses `runs` and `seed` as written, so a failure there
 * replays; `FUZZ_RUNS` replaces the runs and `FUZZ_SEED` the seed (scripts/fuzz-deep.mjs sets
 * both, and prints the seed of every failing round). A costly property caps the runs at `maxRuns`.
 */
export function fuzzParams<T>(runs: number, seed: number, maxRuns = Infinity): Parameters<T> {
  const deep = envInt('FUZZ_RUNS');
  return {
    numRuns: deep === undefined ? runs : Math.max(runs, Math.min(deep, maxRuns)),
    seed: envInt('FUZZ_SEED') ?? seed,
  };
}
