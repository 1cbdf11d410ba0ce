// Backpressure through the gateway: a client that stops reading stops the upstream's writes (the
// gateway's pool pauses its socket) instead of the gateway buffering the answer; once it reads
// again, every byte arrives.
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRawRig, type RawRig } from './raw-upstream.js';

let rig: RawRig;
beforeAll(async () => {
  rig = await startRawRig();
});
afterAll(() => rig.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CHUNK = Buffer.alloc(64 << 10, 0x61);
const TOTAL = 64 << 20; // far past what loopback socket buffers and the gateway's queue hold

describe('backpressure through the gateway', () => {
  it('holds the upstream while the client does not read, then passes every byte', async () => {
    let written = 0;
    let ended = false;
    rig.handle((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const more = (): void => {
        while (written < TOTAL) {
          written += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once('drain', more);
        }
        res.end(() => (ended = true));
      };
      more();
    });
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(`${rig.url}/oai-off/files`, { method: 'GET' }, resolve);
      req.once('error', reject);
      req.end();
    });
    expect(res.statusCode).toBe(200);
    res.pause(); // the client reads nothing for a while (less than the gateway's idle timeout)
    await sleep(250);
    const held = written;
    await sleep(100);
    expect(written).toBe(held); // the upstream is stalled, not feeding a buffer
    expect(held).toBeLessThan(TOTAL / 2);
    let received = 0;
    res.on('data', (c: Buffer) => (received += c.length));
    res.resume();
    await new Promise((resolve) => res.once('end', resolve));
    expect(received).toBe(TOTAL);
    expect(ended).toBe(true);
  });
});
