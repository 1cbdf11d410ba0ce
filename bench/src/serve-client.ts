/** The benchmarks' ingest client: one `POST /v1/records` of a ready body over a keep-alive agent. */
import { Agent, request } from 'node:http';

/** Where and as whom to send. */
export interface IngestTarget {
  /** The service's base URL, e.g. `http://127.0.0.1:7600`. */
  readonly url: string;
  /** An `ingest` (or `admin`) token. */
  readonly token: string;
  readonly agent: Agent;
}

/** A keep-alive agent with up to `sockets` connections. */
export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets });
}

let keys = 0;
let resent = 0;

/** How many posts went out a second time after a cut keep-alive connection. */
export function resentPosts(): number {
  return resent;
}

/**
 * Posts one JSON Lines body with an `Idempotency-Key` (as the SDK's batch sink does) and resolves,
 * once the service answered 200 (that is, after its commit), to the accepted count. A reused
 * keep-alive connection the server closed as the request went out is retried once under the
 * same key (Node's advice for that race; the key makes a resend safe).
 */
export function postRecords(
  target: IngestTarget,
  body: Buffer,
  key = `bench-${process.pid}-${++keys}`,
  retry = true,
): Promise<number> {
  const { hostname, port } = new URL(target.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent: target.agent,
        hostname,
        port,
        path: '/v1/records',
        method: 'POST',
        headers: {
          authorization: `Bearer ${target.token}`,
          'content-type': 'application/x-ndjson',
          'content-length': body.length,
          'idempotency-key': key,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            reject(new Error(`ingest answered ${res.statusCode}: ${text.slice(0, 300)}`));
            return;
          }
          resolve((JSON.parse(text) as { accepted: number }).accepted);
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      const cut = e.code === 'ECONNRESET' || e.code === 'EPIPE';
      if (!(retry && cut && req.reusedSocket)) return reject(e);
      resent++;
      resolve(postRecords(target, body, key, false));
    });
    req.end(body);
  });
}
