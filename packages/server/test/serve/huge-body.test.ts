// A 1 GB body and a gzip bomb sent to the real service: 413 at 10 MiB, bounded RSS, still serving.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload, type UploadResult } from '../ingest/upload.js';
import { faultRecord } from './fault-traffic.js';
import { makeBatch, sendUntilAnswered, type ClientTally } from './resending-client.js';
import { exportedIds } from './service-api.js';
import {
  TOKENS,
  killHard,
  rssBytes,
  serviceDir,
  startServe,
  type ServiceProcess,
} from './service-process.js';

const dir = serviceDir();
let server: ServiceProcess;
beforeAll(async () => {
  server = await startServe(dir.configPath, dir.dir);
});
afterAll(async () => {
  await killHard(server);
  dir.cleanup();
});

const GB = 1 << 30;
const MIB = 1 << 20;
const line = Buffer.from(JSON.stringify(faultRecord(Date.now(), 1)) + '\n');
/** 1 MiB of valid lines: written again and again, the test holds only this one buffer. */
const chunk = Buffer.concat(Array.from({ length: Math.ceil(MIB / line.length) }, () => line));
const headers = {
  authorization: `Bearer ${TOKENS.ingest}`,
  'content-type': 'application/x-ndjson',
};

/** Uploads while sampling the server's RSS every 20 ms; resolves with the answer and the peak. */
async function uploadWatchingRss(
  body: Buffer,
  totalBytes: number,
  extra: Record<string, string> = {},
): Promise<{ result: UploadResult; peakRss: number }> {
  let peakRss = rssBytes(server.pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssBytes(server.pid))), 20);
  try {
    const result = await upload({
      url: server.url,
      headers: { ...headers, ...extra },
      totalBytes,
      chunk: body,
    });
    return { result, peakRss: Math.max(peakRss, rssBytes(server.pid)) };
  } finally {
    clearInterval(sampler);
  }
}

/** The service still takes a batch and serves reads after a refusal. */
async function stillServes(key: string): Promise<void> {
  const tally: ClientTally = { acknowledged: new Set(), resends: 0, duplicates: 0 };
  const batch = makeBatch(key, 10, (i) => faultRecord(Date.now(), i));
  await sendUntilAnswered(
    () => server.url,
    batch,
    tally,
    () => true,
  );
  expect(tally.acknowledged.size).toBe(10);
  const stored = new Set(await exportedIds(server.url));
  expect(batch.ids.every((id) => stored.has(id))).toBe(true);
}

describe('a huge body sent to faultline serve', () => {
  it('refuses 1 GB with 413 at the 10 MiB limit while the RSS stays bounded, then serves', async () => {
    const before = rssBytes(server.pid);
    const { result, peakRss } = await uploadWatchingRss(chunk, GB);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(result.sentBytes).toBeLessThan(64 * MIB);
    // The limit itself plus buffers; holding the body would take 1 GB.
    expect(peakRss - before).toBeLessThan(96 * MIB);
    expect(await exportedIds(server.url)).toEqual([]);
    await stillServes('after-plain');
  });

  it('refuses a gzip bomb (1 GB once inflated) with 413 after decompression, RSS bounded', async () => {
    // Concatenated gzip members are one valid gzip stream (RFC 1952 §2.2): 1 GB in 1 MiB members.
    const member = gzipSync(chunk);
    const members = Math.ceil(GB / chunk.length);
    const before = rssBytes(server.pid);
    const { result, peakRss } = await uploadWatchingRss(member, members * member.length, {
      'content-encoding': 'gzip',
    });
    expect(result.status).toBe(413);
    // All ~4 MB compressed may sit in socket buffers by then; what counts is what it inflated to.
    expect(peakRss - before).toBeLessThan(96 * MIB);
    await stillServes('after-gzip');
  });
});
