/** Opens many long-lived streams through a gateway at once and samples its RSS while they are open. */
import { Agent } from 'node:http';
import type { Child } from './gateway-children.js';
import { timedPost } from './gateway-client.js';
import type { WrkLoad } from './gateway-wrk.js';
import { sleep } from './serve-stats.js';

/** RSS figures in MiB: before the streams, and each sample while all were open. */
export interface StreamsRss {
  readonly idleMiB: number;
  readonly samplesMiB: readonly number[];
  readonly completed: number;
}

/**
 * Opens `count` streams of `holdMs` each at once (the upstream sends a chunk a second), gives
 * them 3 s to connect, samples RSS once a second until a second before they end, and counts
 * the streams that ended with status 200.
 */
export async function streamsRss(
  gateway: Child,
  load: WrkLoad,
  count: number,
  holdMs: number,
): Promise<StreamsRss> {
  const idleMiB = gateway.rssMiB();
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const body = load.body.replace(/}$/, `,"bench_hold_ms":${holdMs}}`);
  const headers = { ...load.headers, 'content-length': String(Buffer.byteLength(body)) };
  const started = Date.now();
  const all = Array.from({ length: count }, () => timedPost({ ...load, body, headers }, agent));
  const samplesMiB: number[] = [];
  await sleep(3_000); // opening 1,000 connections on 2 cores takes a moment
  while (Date.now() - started < holdMs - 1_000) {
    samplesMiB.push(gateway.rssMiB());
    await sleep(1_000);
  }
  const done = await Promise.all(all);
  agent.destroy();
  return { idleMiB, samplesMiB, completed: done.filter((t) => t.status === 200).length };
}
