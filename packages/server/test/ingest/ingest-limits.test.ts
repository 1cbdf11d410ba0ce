// The body limit: refused at the limit while streaming, with bounded memory, and readable by the client.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  INGEST_TOKEN,
  callLine,
  post,
  startIngestServer,
  stored,
  type IngestServer,
} from './ingest-server.js';
import { upload } from './upload.js';

let server: IngestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const headers = {
  authorization: `Bearer ${INGEST_TOKEN}`,
  'content-type': 'application/x-ndjson',
};
const line = Buffer.from(callLine(Date.UTC(2026, 0, 1)) + '\n');
/** 64 KiB of valid lines, written again and again. */
const chunk = Buffer.concat(Array.from({ length: Math.ceil(65_536 / line.length) }, () => line));

describe('the ingest body limit', () => {
  it('refuses a 1 GB body at the 10 MiB limit with 413, without reading or keeping it all', async () => {
    server = await startIngestServer();
    const before = process.memoryUsage().arrayBuffers;
    const result = await upload({ url: server.url, headers, totalBytes: 1 << 30, chunk });
    expect(result.status).toBe(413);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    // The limit, what the socket buffers held, and the bounded drain: nowhere near 1 GB.
    expect(result.sentBytes).toBeLessThan(64 << 20);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
    expect(await stored(server)).toEqual([]);
  });

  it('applies the limit after decompression (a gzip bomb is refused)', async () => {
    server = await startIngestServer({ limits: { maxBodyBytes: 1 << 20 } });
    const bomb = gzipSync(Buffer.concat(Array.from({ length: 40 }, () => chunk)));
    expect(bomb.length).toBeLessThan(1 << 20);
    const res = await post(server, bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(await stored(server)).toEqual([]);
  });

  it('takes a body just under the limit whole, and refuses one just over it', async () => {
    const lines = Buffer.concat(Array.from({ length: 100 }, () => line));
    server = await startIngestServer({ limits: { maxBodyBytes: lines.length } });
    expect(await (await post(server, lines)).json()).toMatchObject({ accepted: 100 });
    const over = Buffer.concat([lines, Buffer.from('\n')]);
    expect((await post(server, over)).status).toBe(413);
    // The connection after a refusal still serves the next request (fetch reconnects if closed).
    expect((await post(server, line)).status).toBe(200);
  });
});
