// Runs the built `faultline serve` as a real process on a temporary SQLite store and stops it by signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../bin/faultline.js', import.meta.url));

/** The tokens every test config carries, one per role. */
export const TOKENS = {
  ingest: 'fl_test_ingest_0123456789abcdef0123456789',
  read: 'fl_test_read_0123456789abcdef0123456789ab',
  admin: 'fl_test_admin_0123456789abcdef0123456789a',
} as const;

/** A scratch directory holding the config and the SQLite store of one test file. */
export interface ServeDir {
  readonly dir: string;
  readonly dbPath: string;
  /** Writes the config (listen on port 0, the store, {@link TOKENS}, and `extra` keys). */
  writeConfig(extra?: Record<string, unknown>): string;
  cleanup(): void;
}

export function serveDir(prefix: string): ServeDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dbPath = join(dir, 'faultline.db');
  return {
    dir,
    dbPath,
    writeConfig(extra = {}) {
      const tokens = Object.entries(TOKENS).map(([role, token]) => ({ name: role, role, token }));
      const file = join(dir, 'faultline.json');
      const config = { listen: '127.0.0.1:0', store: dbPath, tokens, ...extra };
      writeFileSync(file, JSON.stringify(config));
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One running `faultline serve`. */
export interface Served {
  readonly url: string;
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns `faultline serve --config FILE` and resolves once it printed its URL and is ready. */
export async function startServe(configFile: string, cwd: string): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', '--config', configFile], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /Faultline is running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m !== null) resolve(m[1]!);
    });
    void exited.then((c) => reject(new Error(`serve exited ${c}: ${err}`)));
  });
  await untilReady(url);
  return {
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

async function untilReady(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${url}/readyz`);
    await res.arrayBuffer();
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} never became ready`);
}
