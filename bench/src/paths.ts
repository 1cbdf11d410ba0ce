/** Where the benchmarks find the CLI, their yardstick scripts and their scratch folder. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled benchmarks' folder (bench/dist), where the yardstick scripts sit too. */
const here = fileURLToPath(new URL('.', import.meta.url));

/** The workspace root: bench/dist is two levels below it. */
export const REPO_ROOT = resolve(here, '../..');

/** Scratch files (generated inputs) go here; ignored by git, eslint and prettier. */
export const WORK_DIR = join(REPO_ROOT, '.bench');

/** The `faultline` binary (packages/server), run as a child process the way users run it. */
export const CLI = fileURLToPath(
  new URL('bin/faultline.js', import.meta.resolve('faultline/package.json')),
);

/** A plain loop that reads a JSON Lines file and parses each line: the end-to-end yardstick. */
export const READ_PARSE_BASELINE = join(here, 'read-parse-baseline.js');

/** A plain read of a file to its end (`cat FILE > /dev/null`): the huge-line yardstick. */
export const READ_ONLY_BASELINE = join(here, 'read-only-baseline.js');
