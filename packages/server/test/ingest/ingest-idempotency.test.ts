// Idempotency-Key on POST /v1/records: a resend gets the first answer; one in flight gets 409.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { RecordBatch, Store } from '../../src/store/port.js';
import {
  ADMIN_TOKEN,
  INGEST_TOKEN,
  callLine,
  post,
  startIngestServer,
  stored,
  type IngestServer,
} from './ingest-server.js';

let server: IngestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const T = Date.UTC(2026, 3, 1);

/** A memory store whose commits wait until `open()`: shows when the answer is sent. */
function gatedStore(): { store: Store; open: () => void; commits: () => number } {
  const store = createMemoryStore();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let commits = 0;
  const commitRecords = async (batch: RecordBatch) => {
    await gate;
    commits++;
    return store.commitRecords(batch);
  };
  return { store: { ...store, commitRecords }, open, commits: () => commits };
}

describe('Idempotency-Key', () => {
  it('returns the first answer with duplicate: true and stores nothing new, whatever the new body', async () => {
    server = await startIngestServer();
    const first = await post(server, `${callLine(T)}\nbad\n`, { 'idempotency-key': 'batch-1' });
    expect(await first.json()).toEqual({
      accepted: 1,
      rejected: [
        { line: 2, field: 'json', reason: expect.stringMatching(/^not valid JSON/) as unknown },
      ],
      duplicate: false,
    });
    const again = await post(server, `${callLine(T + 1)}\n${callLine(T + 2)}`, {
      'idempotency-key': 'batch-1',
    });
    const answer = (await again.json()) as { accepted: number; duplicate: boolean };
    expect(answer).toMatchObject({ accepted: 1, duplicate: true });
    expect((await stored(server)).map((r) => r.tsMs)).toEqual([T]);
    expect(server.committed.length).toBe(1);
  });

  it('refuses a key over 200 characters with 400, and takes one of exactly 200', async () => {
    server = await startIngestServer();
    expect((await post(server, callLine(T), { 'idempotency-key': 'k'.repeat(201) })).status).toBe(
      400,
    );
    expect((await post(server, callLine(T), { 'idempotency-key': 'k'.repeat(200) })).status).toBe(
      200,
    );
  });

  it('answers only after the commit, and 409 with Retry-After: 1 to the same key meanwhile', async () => {
    const gated = gatedStore();
    server = await startIngestServer({ store: gated.store });
    let answered = false;
    const first = post(server, callLine(T), { 'idempotency-key': 'k1' }).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = await post(server, callLine(T), { 'idempotency-key': 'k1' });
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(answered).toBe(false);
    gated.open();
    expect((await first).status).toBe(200);
    expect(gated.commits()).toBe(1);
    // Once the first is done, the key answers as a duplicate.
    expect(
      await (await post(server, callLine(T), { 'idempotency-key': 'k1' })).json(),
    ).toMatchObject({ duplicate: true });
  });

  it('sees a key as in flight while its body is still arriving', async () => {
    server = await startIngestServer();
    const slow = request(`${server.url}/v1/records`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${INGEST_TOKEN}`,
        'content-type': 'application/x-ndjson',
        'idempotency-key': 'slow',
      },
    });
    const firstStatus = new Promise<number>((resolve) =>
      slow.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }),
    );
    slow.write(callLine(T) + '\n');
    await new Promise((r) => setTimeout(r, 50));
    expect((await post(server, callLine(T), { 'idempotency-key': 'slow' })).status).toBe(409);
    slow.end(callLine(T + 1) + '\n');
    expect(await firstStatus).toBe(200);
    expect((await stored(server)).length).toBe(2);
  });
});

describe('Idempotency-Key belongs to its caller', () => {
  it('stores a batch from another token under the same key text as a new batch', async () => {
    server = await startIngestServer();
    const first = await post(server, callLine(T), { 'idempotency-key': 'batch-1' });
    expect(((await first.json()) as { duplicate: boolean }).duplicate).toBe(false);
    const other = await post(server, callLine(T + 1), {
      'idempotency-key': 'batch-1',
      authorization: `Bearer ${ADMIN_TOKEN}`,
    });
    expect(((await other.json()) as { duplicate: boolean }).duplicate).toBe(false);
    const resend = await post(server, callLine(T + 2), { 'idempotency-key': 'batch-1' });
    expect(((await resend.json()) as { duplicate: boolean }).duplicate).toBe(true);
    expect(await stored(server)).toHaveLength(2);
  });
});
