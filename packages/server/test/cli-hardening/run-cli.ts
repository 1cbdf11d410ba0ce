// Runs the built `faultline` CLI as a real process for the hardening tests.
import { spawn, type StdioOptions } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/faultline.js', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `faultline ...args` with `stdin` as text, or an open file descriptor to read from. */
export function runCli(args: readonly string[], stdin: string | number = ''): Promise<Run> {
  const t0 = Date.now();
  const stdio: StdioOptions = [typeof stdin === 'number' ? stdin : 'pipe', 'pipe', 'pipe'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
    if (typeof stdin === 'string') child.stdin!.end(stdin);
  });
}

/** A scratch directory; `file` writes into it, `cleanup` removes it. */
export function scratch(prefix: string): {
  dir: string;
  file: (name: string, text: string | Uint8Array) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Control characters, escape sequences and bidi overrides that must never reach a terminal. */
export const UNSAFE_FOR_TERMINAL =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
