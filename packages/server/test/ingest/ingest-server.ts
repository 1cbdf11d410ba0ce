// A real ingest server on 127.0.0.1:0 over the memory store, for the ingest tests.
import { createAuth, createHttpServer, healthzRoute } from '../../src/http/index.js';
import {
  createIngestRoute,
  type IngestLimits,
  type IngestObserver,
} from '../../src/ingest/index.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { Store, StoredRecord } from '../../src/store/port.js';

export const INGEST_TOKEN = 'ingest-token-for-tests';
export const READ_TOKEN = 'read-token-for-tests';
export const ADMIN_TOKEN = 'admin-token-for-tests';

export interface IngestServer {
  readonly url: string;
  readonly store: Store;
  /** Every batch `onCommitted` saw, in order. */
  readonly committed: (readonly StoredRecord[])[];
  readonly counts: { accepted: Map<string, number>; rejected: number; writes: number };
  close(): Promise<void>;
}

export interface IngestServerOptions {
  readonly store?: Store;
  readonly limits?: IngestLimits;
  readonly requestTimeoutMs?: number;
}

/** Starts the server; tokens come from "config", so a closed store still authenticates. */
export async function startIngestServer(o: IngestServerOptions = {}): Promise<IngestServer> {
  const store = o.store ?? createMemoryStore();
  const committed: (readonly StoredRecord[])[] = [];
  const counts = { accepted: new Map<string, number>(), rejected: 0, writes: 0 };
  const observer: IngestObserver = {
    accepted: (source, n) => counts.accepted.set(source, (counts.accepted.get(source) ?? 0) + n),
    rejected: (n) => (counts.rejected += n),
    storeWrite: () => counts.writes++,
  };
  const auth = createAuth({
    store,
    tokens: [
      { name: 'ingester', role: 'ingest', token: INGEST_TOKEN },
      { name: 'reader', role: 'read', token: READ_TOKEN },
      { name: 'admin', role: 'admin', token: ADMIN_TOKEN },
    ],
  });
  const ingest = createIngestRoute({
    store,
    observer,
    onCommitted: (records) => committed.push(records),
    ...(o.limits === undefined ? {} : { limits: o.limits }),
  });
  const http = createHttpServer({
    routes: [healthzRoute(), ingest],
    auth,
    ...(o.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: o.requestTimeoutMs }),
  });
  const { url } = await http.listen();
  return {
    url,
    store,
    committed,
    counts,
    close: async () => {
      await http.close();
      await store.close().catch(() => undefined);
    },
  };
}

/** Posts `body` to `/v1/records` with the ingest token unless headers say otherwise. */
export function post(
  server: IngestServer,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/v1/records`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${INGEST_TOKEN}`,
      'content-type': 'application/x-ndjson',
      ...headers,
    },
    body,
  });
}

/** A valid call record line at `tsMs`. */
export function callLine(tsMs: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ts: tsMs,
    provider: 'anthropic',
    model: 'claude-opus-4-7',
    http_status: 529,
    error_type: 'overloaded_error',
    source: 'sdk',
    ...extra,
  });
}

/** The records stored, in seq order. */
export async function stored(server: IngestServer): Promise<StoredRecord[]> {
  return server.store.recordsAfter(0, 1_000_000);
}
