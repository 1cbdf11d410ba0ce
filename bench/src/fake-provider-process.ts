/** Runs `faultline fake-provider` in a child process, so benchmarks measure the client's CPU alone. */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI as cli } from './paths.js';

export interface ProviderProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the fake provider on a free port and resolves with its URL once it listens. */
export function startProviderProcess(args: readonly string[] = []): Promise<ProviderProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'fake-provider', '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const onExit = (code: number | null): void =>
      reject(new Error(`fake provider exited with ${String(code)}: ${out}`));
    const onData = (d: string): void => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] === undefined) return;
      // Once: later output ("stopped after …") must not touch the listeners stop() relies on.
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      child.stdout!.resume();
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolvePromise({
        url: m[1],
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.on('error', reject);
    child.on('exit', onExit);
    child.stdout!.setEncoding('utf8').on('data', onData);
  });
}
