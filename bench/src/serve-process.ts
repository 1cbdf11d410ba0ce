/** Runs `faultline serve` as a child process on a temporary SQLite store, the way users run it. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI as cli, WORK_DIR } from './paths.js';

/** The running server. */
export interface ServeProcess {
  readonly pid: number;
  readonly url: string;
  /** The ingest token it printed on its first start. */
  readonly token: string;
  /** Its resident set size now, from /proc/<pid>/status (VmRSS), in MiB. */
  rssMiB(): number;
  /** SIGTERM, then resolves to its exit code once it exited; removes its files. */
  stop(): Promise<number | null>;
}

/** Starts the server (port 0 through its config file) and resolves once it printed its URL. */
export function startServeProcess(): Promise<ServeProcess> {
  const dir = mkdtempSync(join(WORK_DIR, 'soak-'));
  const config = join(dir, 'faultline.yaml');
  writeFileSync(config, `listen: 127.0.0.1:0\nstore: ${join(dir, 'faultline.db')}\n`);
  const child = spawn(process.execPath, [cli, 'serve', '--config', config], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const onExit = (code: number | null): void =>
      reject(new Error(`faultline serve exited with ${String(code)}: ${out}`));
    const onData = (d: string): void => {
      out += d;
      const url = /Faultline is running at (http:\/\/[^/\s]+)\//.exec(out)?.[1];
      const token = /^\s+ingest\s+(fl_ingest_\S+)$/m.exec(out)?.[1];
      if (url === undefined || token === undefined || child.pid === undefined) return;
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      child.stdout.resume();
      const pid = child.pid;
      resolve({
        pid,
        url,
        token,
        rssMiB: () => {
          const status = readFileSync(`/proc/${pid}/status`, 'utf8');
          const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
          if (kb === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
          return Number(kb) / 1024;
        },
        stop: async () => {
          child.kill('SIGTERM');
          const code = await exited;
          rmSync(dir, { recursive: true, force: true });
          return code;
        },
      });
    };
    child.on('error', reject);
    child.on('exit', onExit);
    child.stdout.setEncoding('utf8').on('data', onData);
  });
}
