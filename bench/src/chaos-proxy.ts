/**
 * A TCP proxy between one replica and PostgreSQL, so the chaos run can cut that replica alone:
 * `cut()` destroys every connection through it and refuses new ones (the port is closed, so a
 * connect gets ECONNREFUSED) until `restore()`. Either side closing closes the other, so a
 * replica killed with SIGKILL drops its PostgreSQL sessions (and its advisory lock) at once.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface PgProxy {
  readonly port: number;
  /** Severs every connection and stops accepting. */
  cut(): Promise<void>;
  /** Accepts again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** Starts a proxy on a free loopback port to `target` (host:port of PostgreSQL). */
export async function startPgProxy(target: { host: string; port: number }): Promise<PgProxy> {
  const open = new Set<Socket>();
  const pipe = (client: Socket): void => {
    const upstream = connect(target.port, target.host);
    open.add(client).add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      s.on('error', end).on('close', end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  };
  let server = createServer(pipe);
  const port = await listen(server, 0);
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      for (const s of open) s.destroy();
      open.clear();
      server.close(() => resolve());
    });
  return {
    port,
    cut: stop,
    restore: async () => {
      server = createServer(pipe);
      await listen(server, port);
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
