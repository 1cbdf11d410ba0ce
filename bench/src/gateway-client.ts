/** A small node:http keep-alive client for the gateway benchmark: one request in flight at a time. */
import { Agent, request } from 'node:http';
import type { WrkLoad } from './gateway-wrk.js';

/** One request's times in ms from sending: first body byte and end of body. */
export interface Timed {
  readonly status: number;
  readonly firstMs: number;
  readonly endMs: number;
}

/** Sends one POST of `load` through `agent`; resolves at the end of the response body. */
export function timedPost(load: WrkLoad, agent: Agent): Promise<Timed> {
  const t0 = process.hrtime.bigint();
  const since = (): number => Number(process.hrtime.bigint() - t0) / 1e6;
  return new Promise((resolve, reject) => {
    const req = request(load.url, { method: 'POST', headers: load.headers, agent }, (res) => {
      let firstMs = NaN;
      res.on('data', () => {
        if (Number.isNaN(firstMs)) firstMs = since();
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, firstMs, endMs: since() }));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(load.body);
  });
}

/** `count` sequential requests after `warmup` unmeasured ones, over one keep-alive socket; any status. */
export async function sequential(load: WrkLoad, count: number, warmup: number): Promise<Timed[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: Timed[] = [];
  try {
    for (let i = 0; i < warmup + count; i++) {
      const t = await timedPost(load, agent);
      if (i >= warmup) out.push(t);
    }
  } finally {
    agent.destroy();
  }
  return out;
}
