// Slow clients: tricklers never block others, are cut by the timeouts, and leave no key stuck.
import { afterAll, describe, expect, it } from 'vitest';
import { createAuth, createHttpServer } from '../../src/http/index.js';
import { createIngestRoute } from '../../src/ingest/index.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import { callLine } from '../ingest/ingest-server.js';
import { faultRecord } from './fault-traffic.js';
import { makeBatch, sendUntilAnswered, type ClientTally } from './resending-client.js';
import { exportedIds } from './service-api.js';
import { trickle } from './trickle.js';
import { TOKENS, killHard, serviceDir, startServe } from './service-process.js';

const dir = serviceDir();
afterAll(() => dir.cleanup());

describe('slow clients against faultline serve', () => {
  it('serves other clients while 40 trickle, and cuts header tricklers at the 10 s headers timeout', async () => {
    const server = await startServe(dir.configPath, dir.dir);
    const port = Number(new URL(server.url).port);
    const startedAt = Date.now();
    const headerTricklers = Array.from({ length: 20 }, () =>
      trickle(port, 'POST /v1/records HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n', 1000),
    );
    const ingestHead =
      `POST /v1/records HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKENS.ingest}\r\n` +
      'Content-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n';
    const bodyTricklers = Array.from({ length: 20 }, () =>
      trickle(port, ingestHead, callLine(Date.now()) + '\n', 1000),
    );
    try {
      const tally: ClientTally = { acknowledged: new Set(), resends: 0, duplicates: 0 };
      for (let k = 0; k < 30; k++) {
        const t0 = Date.now();
        const batch = makeBatch(`quick-${k}`, 20, (i) => faultRecord(Date.now(), i));
        await sendUntilAnswered(
          () => server.url,
          batch,
          tally,
          () => true,
        );
        expect(Date.now() - t0, `batch ${k} answered in time`).toBeLessThan(2_000);
      }
      expect(tally.acknowledged.size).toBe(600);
      expect(tally.resends).toBe(0);
      expect((await exportedIds(server.url)).length).toBe(600);

      const closed = await Promise.all(headerTricklers.map((t) => t.closedAt));
      for (const [i, at] of closed.entries()) {
        // Node checks the timeout once a second: 10 s, and at most a check or two more.
        expect(at - startedAt).toBeGreaterThan(9_000);
        expect(at - startedAt).toBeLessThan(13_000);
        expect(headerTricklers[i]!.reply()).toMatch(/^HTTP\/1\.1 408 /);
      }
      // The body tricklers are still open (their limit is 30 s) and harmless.
      expect(bodyTricklers.every((t) => !t.socket.destroyed)).toBe(true);
    } finally {
      for (const t of [...headerTricklers, ...bodyTricklers]) t.stop();
      await killHard(server);
    }
  }, 20_000);

  it('cuts a trickling ingest body at the request timeout and frees its Idempotency-Key', async () => {
    // The config has no timeout keys, so this runs the service's HTTP layer and ingest route in-process.
    const store = createMemoryStore();
    const tokens = [{ name: 'ingest', role: 'ingest' as const, token: TOKENS.ingest }];
    const http = createHttpServer({
      routes: [createIngestRoute({ store, onCommitted: () => undefined })],
      auth: createAuth({ store, tokens }),
      headersTimeoutMs: 300,
      requestTimeoutMs: 800,
    });
    const { url, port } = await http.listen();
    try {
      const head =
        `POST /v1/records HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKENS.ingest}\r\n` +
        'Content-Type: application/x-ndjson\r\nIdempotency-Key: slow-key\r\nContent-Length: 100000\r\n\r\n';
      const t0 = Date.now();
      const slow = trickle(port, head, callLine(1) + '\n', 50);
      expect((await slow.closedAt) - t0).toBeLessThan(3_000);
      // Nothing of the cut body is stored, and the key is free for the client's resend.
      expect(await store.recordsAfter(0, 10)).toEqual([]);
      const resend = await fetch(`${url}/v1/records`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TOKENS.ingest}`,
          'content-type': 'application/x-ndjson',
          'idempotency-key': 'slow-key',
        },
        body: callLine(2) + '\n',
      });
      expect(resend.status).toBe(200);
      expect(await resend.json()).toMatchObject({ accepted: 1, duplicate: false });
    } finally {
      await http.close();
      await store.close();
    }
  });
});
