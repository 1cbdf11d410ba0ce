/**
 * One `faultline serve` replica of the chaos run, as a child process of the built CLI on a fixed
 * port (so a restart comes back where the load balancer expects it). Its log goes to a file and
 * its `cluster:` lines are kept with the time they were read; `kill()` is SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { CLI } from './paths.js';
import { sleep } from './serve-stats.js';

/** A `cluster:` log line and when the harness read it (epoch ms). */
export interface ClusterLine {
  readonly atMs: number;
  readonly pid: number;
  readonly line: string;
}

export interface ReplicaOptions {
  readonly index: number;
  readonly port: number;
  readonly configFile: string;
  readonly logFile: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A free loopback port now (bound and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class Replica {
  readonly url: string;
  readonly cluster: ClusterLine[] = [];
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly log: WriteStream;
  /** Exits of a running replica not asked for (neither kill() nor stop()): crashes. */
  unexpectedExits = 0;
  private expectingExit = false;

  constructor(private readonly o: ReplicaOptions) {
    this.url = `http://127.0.0.1:${o.port}`;
    this.log = createWriteStream(o.logFile, { flags: 'a' });
  }

  get index(): number {
    return this.o.index;
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /** Starts it; a start that fails (the store unreachable: exit 1) is tried again until `withinMs`. */
  async start(withinMs = 60_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const outcome = await this.spawnOnce();
      if (outcome === 'running') return;
      if (Date.now() > deadline) throw new Error(`replica ${this.index} did not start: ${outcome}`);
      await sleep(500);
    }
  }

  private spawnOnce(): Promise<string> {
    const child = spawn(process.execPath, [CLI, 'serve', '--config', this.o.configFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: this.o.env,
    });
    this.child = child;
    this.expectingExit = false;
    this.exited = new Promise((done) => child.once('exit', () => done()));
    const pid = child.pid ?? -1;
    this.log.write(`--- ${new Date().toISOString()} spawned pid ${pid}\n`);
    createInterface({ input: child.stderr }).on('line', (line) => {
      this.log.write(`${new Date().toISOString()} ${line}\n`);
      if (line.includes('cluster:')) this.cluster.push({ atMs: Date.now(), pid, line });
    });
    let running = false;
    return new Promise((resolve) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        this.log.write(`${new Date().toISOString()} [stdout] ${line}\n`);
        if (!line.startsWith('Faultline is running at')) return;
        running = true;
        resolve('running');
      });
      child.once('exit', (code, signal) => {
        this.log.write(`--- ${new Date().toISOString()} pid ${pid} exited: ${code ?? signal}\n`);
        if (running && !this.expectingExit) this.unexpectedExits++;
        resolve(`exited with ${String(code ?? signal)}`);
      });
    });
  }

  /** SIGKILL; resolves once it is gone. */
  async kill(): Promise<void> {
    this.expectingExit = true;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (a clean shutdown); SIGKILL after 12 s. */
  async stop(): Promise<void> {
    if (this.pid === undefined) return;
    this.expectingExit = true;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 12_000);
    await this.exited;
    clearTimeout(timer);
    this.log.end();
  }

  /** Resident set size (VmRSS) in MiB, or undefined while it is down. */
  rssMiB(): number | undefined {
    const pid = this.pid;
    if (pid === undefined) return undefined;
    try {
      const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb === undefined ? undefined : Number(kb) / 1024;
    } catch {
      return undefined;
    }
  }
}
