// A TCP proxy to the local PostgreSQL that can go silent (a network partition: nothing passes, nothing closes) and heal.
import net from 'node:net';
import { PG_HOST, PG_PORT, ensurePostgres } from '../store/pg-harness.js';

export interface StallProxy {
  readonly port: number;
  /** From now on bytes are held back both ways and closes are not passed on. */
  stall(): void;
  /** Lets what was held back through, and what closed meanwhile close. */
  heal(): void;
  close(): Promise<void>;
}

interface Direction {
  readonly to: net.Socket;
  held: Buffer[];
}

/** Starts the proxy on 127.0.0.1 (a free port). */
export async function startStallProxy(): Promise<StallProxy> {
  await ensurePostgres();
  let stalled = false;
  const pending: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const pass = (from: net.Socket, d: Direction): void => {
    from.on('data', (chunk: Buffer) => {
      if (stalled) d.held.push(chunk);
      else d.to.write(chunk);
    });
    from.on('close', () => {
      if (stalled) pending.push(() => d.to.destroy());
      else d.to.destroy();
    });
    from.on('error', () => undefined);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(PG_PORT, PG_HOST);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    const up: Direction = { to: upstream, held: [] };
    const down: Direction = { to: client, held: [] };
    pass(client, up);
    pass(upstream, down);
    flushers.add(() => {
      for (const d of [up, down]) {
        for (const chunk of d.held) if (!d.to.destroyed) d.to.write(chunk);
        d.held = [];
      }
    });
  });
  const flushers = new Set<() => void>();
  await new Promise<void>((resolve) => server.listen(0, PG_HOST, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    stall: () => void (stalled = true),
    heal() {
      stalled = false;
      for (const f of flushers) f();
      for (const p of pending.splice(0)) p();
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
