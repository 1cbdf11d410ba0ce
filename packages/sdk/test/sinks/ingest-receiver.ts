// A loopback ingest receiver that keeps the Idempotency-Key contract of server-api.md, for sink tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One request as received. */
export interface Hit {
  readonly path: string;
  readonly key: string | undefined;
  readonly auth: string | undefined;
  readonly type: string | undefined;
  readonly encoding: string | undefined;
  readonly lines: readonly string[];
  readonly atMs: number;
}

/**
 * How to answer request number `n`: `judge` (the contract: dedupe by key, reject lines whose
 * `ts` is not a number, 413 over `maxBytes`), a fixed `status`, `lose` (commit, then destroy
 * the connection before answering), or `slow` (judge, but commit and answer after `ms`).
 */
export type Reply =
  | { readonly kind: 'judge' }
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: string;
    }
  | { readonly kind: 'lose' }
  | { readonly kind: 'slow'; readonly ms: number };

export interface Receiver {
  /** The base URL, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly hits: Hit[];
  /** Every stored line, in commit order. */
  readonly stored: string[];
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1:0 answering by `script` (default: always `judge`). */
export async function startReceiver(
  script: (n: number, hit: Hit) => Reply = () => ({ kind: 'judge' }),
  maxBytes = 10 * 1024 * 1024,
): Promise<Receiver> {
  const hits: Hit[] = [];
  const stored: string[] = [];
  const done = new Map<string, Record<string, unknown>>();
  const inFlight = new Set<string>();
  const sockets = new Set<Socket>();

  /** Commits the good lines under `key` once; returns the answer body. */
  const commit = (hit: Hit): Record<string, unknown> => {
    const first = hit.key === undefined ? undefined : done.get(hit.key);
    if (first !== undefined) return { ...first, duplicate: true };
    const rejected: { line: number; field: string; reason: string }[] = [];
    hit.lines.forEach((line, i) => {
      const ts = (JSON.parse(line) as { ts?: unknown }).ts;
      if (typeof ts === 'number') stored.push(line);
      else rejected.push({ line: i + 1, field: 'ts', reason: 'not a time' });
    });
    const body = { accepted: hit.lines.length - rejected.length, rejected, duplicate: false };
    if (hit.key !== undefined) done.set(hit.key, body);
    return body;
  };
  const json = (res: ServerResponse, status: number, body: unknown, headers = {}): void => {
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body));
  };
  const answer = (req: IncomingMessage, res: ServerResponse, raw: Buffer): void => {
    const h = (name: string): string | undefined => req.headers[name] as string | undefined;
    const text = (h('content-encoding') === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
    const lines = text.split('\n').filter((l) => l !== '');
    const hit: Hit = {
      path: req.url ?? '',
      key: h('idempotency-key'),
      auth: h('authorization'),
      type: h('content-type'),
      encoding: h('content-encoding'),
      lines,
      atMs: Date.now(),
    };
    const reply = script(hits.length, hit);
    hits.push(hit);
    if (reply.kind === 'status') {
      res.writeHead(reply.status, reply.headers).end(reply.body);
      return;
    }
    if (Buffer.byteLength(text) > maxBytes) {
      return json(res, 413, { error: { code: 'too_large', message: 'over the body limit' } });
    }
    if (hit.key !== undefined && inFlight.has(hit.key)) {
      return json(
        res,
        409,
        { error: { code: 'in_flight', message: 'key in flight' } },
        { 'retry-after': '1' },
      );
    }
    if (reply.kind === 'lose') {
      commit(hit);
      req.socket.destroy();
      return;
    }
    if (reply.kind === 'judge') return json(res, 200, commit(hit));
    if (hit.key !== undefined) inFlight.add(hit.key);
    setTimeout(() => {
      if (hit.key !== undefined) inFlight.delete(hit.key);
      const body = commit(hit);
      if (!res.destroyed) json(res, 200, body);
    }, reply.ms);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, res, Buffer.concat(chunks)));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stored,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
