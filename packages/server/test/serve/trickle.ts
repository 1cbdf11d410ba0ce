// A slow client on a raw socket: a request head, then one byte at a time.
import { connect, type Socket } from 'node:net';

/** A trickling client. */
export interface Trickler {
  readonly socket: Socket;
  /** When the server (or `stop`) closed the connection. */
  readonly closedAt: Promise<number>;
  /** What the server wrote back so far. */
  reply(): string;
  stop(): void;
}

/** Connects to 127.0.0.1:`port`, writes `head`, then one byte of `drip` every `everyMs`. */
export function trickle(port: number, head: string, drip: string, everyMs: number): Trickler {
  const socket: Socket = connect(port, '127.0.0.1');
  let text = '';
  let i = 0;
  socket.on('data', (c: Buffer) => (text += c.toString()));
  socket.on('error', () => undefined);
  socket.write(head);
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(drip[i++ % drip.length]!);
  }, everyMs);
  const closedAt = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(Date.now());
    }),
  );
  return { socket, closedAt, reply: () => text, stop: () => socket.destroy() };
}
