// `faultline demo` as a real process on the built CLI, without a terminal (CI=true): its traffic
// goes through a real Faultline server, which probes the fake provider and polls its late status
// page; the tests read it back over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../bin/faultline.js', import.meta.url));

interface Run {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Exit status and wall time, once it exits. */
  readonly exited: Promise<{ code: number | null; signal: string | null; ms: number }>;
  /** Resolves with stdout once it matches `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<string>;
}

function start(args: string[]): Run {
  const t0 = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    for (const w of [...waiters]) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: string | null; ms: number }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, ms: Date.now() - t0 }));
    },
  );
  return {
    child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!pattern.test(stdout)) return;
          waiters.delete(check);
          resolve(stdout);
        };
        waiters.add(check);
        void exited.then(() => {
          if (waiters.delete(check))
            reject(new Error(`exited before printing ${pattern}:\n${stdout}\n${stderr}`));
        });
        check();
      }),
  };
}

/** The server URL and store directory the demo printed. */
function serverOf(stdout: string): { url: string; dir: string } {
  const m = /^Server: (http:\/\/127\.0\.0\.1:\d+)\/ \(a temporary SQLite store in (.+)\)$/m.exec(
    stdout,
  );
  expect(m, stdout).not.toBeNull();
  return { url: m![1]!, dir: m![2]! };
}

describe('faultline demo', () => {
  it.concurrent(
    'names the Opus overload live from the server, its layer and owner, and exits 0 within 90 s',
    async () => {
      const run = start(['demo']);
      const { code, ms } = await run.exited;
      const out = run.stdout();
      expect(code, run.stderr()).toBe(0);
      expect(ms).toBeLessThan(90_000);
      // A newcomer's first run prints no Node warning (MaxListenersExceededWarning once did).
      expect(run.stderr()).not.toMatch(/Warning:/);
      // Verdict changes as the server's /v1/events delivered them, with the server's draft.
      expect(out).toMatch(
        /OPENED\s+provider\/overloaded · anthropic · claude-opus-4-\d.* · owner provider\n\s+public update \(identified\), as drafted by the server:\n\s+\S/,
      );
      expect(out).toMatch(
        /RESOLVED provider\/overloaded · anthropic · claude-opus-4-7, claude-opus-4-8 · scope provider · owner provider/,
      );
      expect(out).not.toMatch(/degraded performance/i);
      // The server's own reading of the late status page, live, with its lag.
      expect(out.replace(/\s+/g, ' ')).toMatch(
        /\] EVIDENCE Anthropic status page was 9 minutes behind our first failures: its first move on Claude API came at \d\d:\d\d UTC/,
      );
      // The summary is read back from the server: what it ingested from the app is what the app's
      // sink sent; its own probes and status-page readings were ingested as records too.
      const { url, dir } = serverOf(out);
      const sent = /its batch sink sent (\d+) call records \(0 dropped\)/.exec(out);
      const ingested =
        /The server at (\S+) ingested (\d+) records \(by source: ([^;]*); faultline_records_ingested_total in \/metrics\) and holds 1 incident /.exec(
          out,
        );
      expect(sent, out).not.toBeNull();
      expect(ingested, out).not.toBeNull();
      expect(ingested![1]).toBe(url);
      const bySource = new Map(
        ingested![3]!.split(', ').map((part) => {
          const [n, source] = part.split(' ');
          return [source, Number(n)] as const;
        }),
      );
      expect(bySource.get('sdk')).toBe(Number(sent![1]));
      expect(Number(sent![1])).toBeGreaterThan(1000);
      // A probe every 20 s of 18 record minutes: about 54 (the first within the first tenth).
      expect(bySource.get('probe')).toBeGreaterThanOrEqual(40);
      expect(bySource.get('status')).toBeGreaterThanOrEqual(1);
      expect(Number(ingested![2])).toBe([...bySource.values()].reduce((a, b) => a + b, 0));
      expect(out).toMatch(
        /provider layer, overloaded, owner provider, scope provider \(claude-opus-4-7, claude-opus-4-8\)/,
      );
      // The final update names the status page's lag behind our first failures.
      const final = /\n {2}Public update \(resolved\):\n([\s\S]*?)\n\n/.exec(out)?.[1];
      expect(final, out).toBeDefined();
      expect(final!.replace(/\s+/g, ' ')).toMatch(
        /Anthropic's status page listed a problem from \d\d:\d\d UTC, 9 minutes after our first failed requests\./,
      );
      // Probe results are evidence of the incident.
      expect(out).toMatch(/ · \d+ of \d+ synthetic probes to claude-opus-4-7/);
      // Its temporary store is gone, and so is the server.
      expect(existsSync(dir)).toBe(false);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    },
    120_000,
  );

  it.concurrent(
    '--keep leaves the server answering after the demo, until SIGINT stops it with exit 0',
    async () => {
      const run = start(['demo', '--keep', '--workers', '1']);
      let dir: string | undefined;
      try {
        const out = await run.waitFor(/Press Ctrl-C to stop it\.\n/);
        const server = serverOf(out);
        dir = server.dir;
        expect(out).toContain(`  url     ${server.url}/`);
        const read = /^ {2}read {4}(fl_read_\S+)$/m.exec(out)?.[1];
        expect(/^ {2}admin {3}fl_admin_\S+$/m.test(out), out).toBe(true);
        expect(read, out).toBeDefined();
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        const listed = await fetch(`${server.url}/v1/incidents`, {
          headers: { authorization: `Bearer ${read!}` },
        });
        const body = (await listed.json()) as { incidents: Array<{ layer: string }> };
        expect(body.incidents.map((i) => i.layer)).toEqual(['provider']);
        // Its probes and status-page readings were stored as records (source probe, status).
        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        const ingested = (source: string): number =>
          Number(
            new RegExp(
              `^faultline_records_ingested_total\\{source="${source}"\\} (\\d+)$`,
              'm',
            ).exec(metrics)?.[1] ?? 0,
          );
        expect(ingested('probe'), metrics).toBeGreaterThan(0);
        expect(ingested('status'), metrics).toBeGreaterThan(0);
        expect(metrics).toMatch(/^faultline_records_late_total 0$/m);
        expect(
          (await fetch(`${server.url}/v1/incidents`, { headers: { authorization: 'Bearer x' } }))
            .status,
        ).toBe(401);
        const t0 = Date.now();
        run.child.kill('SIGINT');
        const { code } = await run.exited;
        expect(code, run.stderr()).toBe(0);
        expect(Date.now() - t0).toBeLessThan(10_000);
        await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
        expect(existsSync(dir)).toBe(true); // --keep keeps the store
      } finally {
        run.child.kill('SIGKILL');
        if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
