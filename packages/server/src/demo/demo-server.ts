/** The demo's handle on its server, which runs in a worker thread (server-worker.ts). */
import { Worker } from 'node:worker_threads';
import type { DemoTokens } from './demo-service.js';
import type { FromServerWorker, ServerWorkerData, ToServerWorker } from './worker-messages.js';

/** The running server, seen from the demo. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The temporary directory holding its SQLite store. */
  readonly dir: string;
  readonly tokens: DemoTokens;
  /** Resolves once it has judged and published every record (see settle.ts), or it closed. */
  settle(untilWallMs: number): Promise<void>;
  /** Shuts the service down (removing the directory unless `keepDir`) and ends the worker. */
  close(options: { readonly keepDir: boolean }): Promise<void>;
}

/** Starts the worker and its server; rejects when the server cannot start. */
export async function startDemoServer(
  data: ServerWorkerData,
  log: (line: string) => void,
): Promise<DemoServer> {
  const worker = new Worker(new URL('./server-worker.js', import.meta.url), { workerData: data });
  const waiting = new Map<FromServerWorker['kind'], Array<() => void>>();
  const gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const next = (kind: 'settled' | 'closed'): Promise<void> =>
    Promise.race([
      new Promise<void>((resolve) => waiting.set(kind, [...(waiting.get(kind) ?? []), resolve])),
      gone,
    ]);
  const ready = new Promise<Extract<FromServerWorker, { kind: 'ready' }>>((resolve, reject) => {
    worker.once('error', reject);
    void gone.then(() => reject(new Error('the server thread ended before it started')));
    // Our own worker's messages, typed by the protocol both sides import.
    worker.on('message', (m: FromServerWorker) => {
      if (m.kind === 'ready') resolve(m);
      else if (m.kind === 'failed') reject(new Error(m.message));
      else if (m.kind === 'log') log(m.line);
      else for (const wake of waiting.get(m.kind)?.splice(0) ?? []) wake();
    });
  });
  const send = (m: ToServerWorker): void => worker.postMessage(m);
  let info;
  try {
    info = await ready;
  } catch (e: unknown) {
    await worker.terminate();
    throw e;
  }
  worker.on('error', (e) => log(`server thread: ${e.message}`));
  let closing: Promise<void> | undefined;
  return {
    url: info.url,
    dir: info.dir,
    tokens: info.tokens,
    settle: (untilWallMs) => {
      const settled = next('settled');
      send({ kind: 'settle', untilWallMs });
      return settled;
    },
    close: ({ keepDir }) =>
      (closing ??= (async () => {
        const closed = next('closed');
        send({ kind: 'close', keepDir });
        await closed;
        await worker.terminate();
      })()),
  };
}
