// A real HTTP receiver on 127.0.0.1:0 that records every request and answers from a script.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One request as it arrived. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body text (signatures are checked over these bytes). */
  readonly body: string;
  /** Monotonic arrival time, ms. */
  readonly atMs: number;
}

/** An answer to give. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Answers a request the script does not cover. */
export type Responder = (req: Received) => Reply;

/** A receiver: `requests` in arrival order; `script` answers the next requests before `respond`. */
export class Receiver {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly requests: Received[],
    private readonly pending: Reply[],
  ) {}

  /** Starts a receiver answering with `respond` (default: 200 `ok`). */
  static async start(respond: Responder = () => ({ status: 200, body: 'ok' })): Promise<Receiver> {
    const requests: Received[] = [];
    const pending: Reply[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const got: Received = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          atMs: performance.now(),
        };
        requests.push(got);
        const reply = pending.shift() ?? respond(got);
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Receiver(server, `http://127.0.0.1:${port}`, requests, pending);
  }

  /** Answers the next requests with these replies, in order. */
  script(...replies: Reply[]): void {
    this.pending.push(...replies);
  }

  /** The bodies received, parsed as JSON. */
  json(): unknown[] {
    return this.requests.map((r) => JSON.parse(r.body) as unknown);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
