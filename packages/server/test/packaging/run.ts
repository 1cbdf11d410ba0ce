// Runs a command for the packaging test and returns its stdout, or throws with its stderr.
import { spawnSync } from 'node:child_process';

/** One entry of `npm pack --json`. */
export interface PackedFile {
  readonly name: string;
  readonly filename: string;
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

/**
 * The environment without npm's `npm_*` variables: run under `npm test`, they would point the
 * child npm at the workspace (its prefix, its config) instead of the fresh app.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.toLowerCase().startsWith('npm_')) env[k] = v;
  }
  return env;
}

/** Runs `command args` in `cwd`; resolves with stdout when it exits 0. */
export function run(command: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(command, args, {
    cwd,
    env: cleanEnv(),
    encoding: 'utf8',
    // A fresh install compiles better-sqlite3 from source (no prebuilt binaries offline): minutes.
    timeout: 360_000,
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${String(r.status)}: ${r.stderr}${String(r.error ?? '')}`,
    );
  }
  return r.stdout;
}
