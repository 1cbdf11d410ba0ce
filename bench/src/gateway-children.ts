/** The processes the gateway benchmark runs: the upstream, Faultline's gateway and Portkey's. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './paths.js';
import { sleep } from './serve-stats.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** A child process listening on loopback. */
export interface Child {
  readonly pid: number;
  readonly url: string;
  /** Its resident set size now (VmRSS from /proc), in MiB. */
  rssMiB(): number;
  /** The CPU time it used so far (user + system, from /proc), in ms (10 ms resolution). */
  cpuMs(): number;
  /** SIGTERM, then resolves once it exited. */
  stop(): Promise<void>;
}

function wrap(child: ChildProcess, port: number): Child {
  const pid = child.pid!;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    pid,
    url: `http://127.0.0.1:${port}`,
    rssMiB() {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kb) / 1024;
    },
    cpuMs() {
      // Fields after the command name: state is the 3rd, utime the 14th, stime the 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs one of the compiled bench scripts and resolves once it printed `port N`. */
function startScript(script: string, args: readonly string[]): Promise<Child> {
  const child = spawn(process.execPath, [join(here, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${script} exited with ${String(code)}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      const port = /port (\d+)/.exec(out)?.[1];
      if (port !== undefined) resolve(wrap(child, Number(port)));
    });
  });
}

/** The tiny upstream (gateway-upstream.ts). */
export function startUpstream(): Promise<Child> {
  return startScript('gateway-upstream.js', []);
}

/** Faultline's gateway in front of `upstream` (gateway-process.ts), from `dist` if given. */
export function startFaultline(upstream: string, dist?: string): Promise<Child> {
  const from = dist === undefined ? [] : ['--dist', dist];
  return startScript('gateway-process.js', ['--upstream', upstream, ...from]);
}

/** `@portkey-ai/gateway` on `port`, headless; resolves once it accepts connections. */
export async function startPortkey(port: number): Promise<Child> {
  const script = join(REPO_ROOT, 'node_modules/@portkey-ai/gateway/build/start-server.js');
  const child = spawn(process.execPath, [script, `--port=${port}`, '--headless'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    if (await accepts(port)) return wrap(child, port);
    await sleep(100);
  }
  child.kill('SIGTERM');
  throw new Error(`Portkey's gateway did not listen on ${port}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
