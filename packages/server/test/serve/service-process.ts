// Runs `faultline serve` as a real process on a temporary config, for the reliability tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/faultline.js', import.meta.url));

/** The tokens every test config carries, so a test knows them without reading stdout. */
export const TOKENS = {
  admin: 'fl_admin_reliability_tests_0123456789abcdef',
  ingest: 'fl_ingest_reliability_tests_0123456789abcdef',
  read: 'fl_read_reliability_tests_0123456789abcdef',
} as const;

/** A scratch directory with a config for one test; `store` defaults to a SQLite file in it. */
export interface ServiceDir {
  readonly dir: string;
  readonly configPath: string;
  cleanup(): void;
}

/** Writes `faultline.yaml` (listen on a system-picked port, the three tokens) into a temp dir. */
export function serviceDir(store?: string): ServiceDir {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-serve-'));
  const configPath = join(dir, 'faultline.yaml');
  const tokens = Object.entries(TOKENS)
    .map(([role, token]) => `  - { name: ${role}, role: ${role}, token: ${token} }`)
    .join('\n');
  const location = store ?? join(dir, 'faultline.db');
  writeFileSync(configPath, `listen: 127.0.0.1:0\nstore: "${location}"\ntokens:\n${tokens}\n`);
  return { dir, configPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A running `faultline serve`. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** `http://127.0.0.1:<port>`, from the "Faultline is running at" line. */
  readonly url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
}

/** Starts the CLI and resolves once it prints its URL; rejects if it exits first or after 15 s. */
export function startServe(configPath: string, cwd: string): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--config', configPath], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 15 s'), 15_000);
    function fail(why: string): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`faultline serve ${why}\nstdout: ${out}\nstderr: ${err}`));
    }
    child.stdout.on('data', () => {
      const m = /Faultline is running at (http:\/\/[^/\s]+)\//.exec(out);
      if (m === null) return;
      clearTimeout(timer);
      resolve({ child, pid: child.pid!, url: m[1]!, stdout: () => out, stderr: () => err, exited });
    });
    void exited.then((code) => fail(`exited (${code}) before it started`));
  });
}

/** Ends the process at once, as a crash or an OOM killer would, and waits for it to be gone. */
export async function killHard(p: ServiceProcess): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}

/** The process's resident set size in bytes (`VmRSS` in /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (m === null) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

/** Waits until `probe` resolves true, polling every 100 ms, or throws after `timeoutMs`. */
export async function eventually(
  what: string,
  probe: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await Promise.resolve()
      .then(probe)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
