/** Runs `wrk` (Debian's) with a POST body and headers, and reads its req/s and percentiles. */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORK_DIR } from './paths.js';

/** One wrk run's figures; latencies in ms. */
export interface WrkFigures {
  readonly rps: number;
  /** Requests completed in the run. */
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** One load: where, with which headers and body. */
export interface WrkLoad {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function luaScript(load: WrkLoad, name: string): string {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = join(WORK_DIR, `gateway-${name}.lua`);
  const lines = [
    'wrk.method = "POST"',
    `wrk.body = ${JSON.stringify(load.body)}`,
    ...Object.entries(load.headers)
      .filter(([k]) => k !== 'content-length') // wrk sets its own
      .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** `1.23ms` / `456.00us` / `1.02s` → ms. */
function ms(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text);
  if (m === null) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

/** Runs wrk with one thread and `connections` connections for `seconds`. */
export function runWrk(
  load: WrkLoad,
  name: string,
  connections: number,
  seconds: number,
): Promise<WrkFigures> {
  const script = luaScript(load, name);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, load.url];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, (error, stdout) => {
      if (error !== null) return reject(new Error(`wrk failed: ${error.message}`));
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
      const requests = Number(/(\d+) requests in/.exec(stdout)?.[1]);
      const p50 = ms(/ 50%\s+(\S+)/.exec(stdout)?.[1] ?? '');
      const p99 = ms(/ 99%\s+(\S+)/.exec(stdout)?.[1] ?? '');
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
      const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
        stdout,
      );
      const errors =
        non2xx + (sock === null ? 0 : sock.slice(1).reduce((a, b) => a + Number(b), 0));
      resolve({ rps, requests, p50, p99, errors });
    });
  });
}
