// 200 concurrent keep-alive connections to the real service, mixed ingest and reads, all served right.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultRecord } from './fault-traffic.js';
import { makeBatch } from './resending-client.js';
import { countEach, exportedIds } from './service-api.js';
import {
  TOKENS,
  killHard,
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

interface Answer {
  readonly status: number;
  readonly type: string | undefined;
  readonly body: string;
}

function send(agent: Agent, method: string, path: string, body?: string, key?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const token = method === 'POST' ? TOKENS.ingest : TOKENS.read;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/x-ndjson';
    if (key !== undefined) headers['idempotency-key'] = key;
    const req = request(new URL(path, server.url), { method, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const READS = ['/v1/health', '/v1/incidents', '/v1/records?limit=5', '/metrics', '/readyz'];

describe('200 concurrent connections', () => {
  it('serves two rounds of 200 requests at once over 200 keep-alive connections', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 200 });
    let sockets = 0;
    const posted: string[] = [];
    try {
      for (const round of [0, 1]) {
        const answers = await Promise.all(
          Array.from({ length: 200 }, (_, i) => {
            if (i % 2 === 1) return send(agent, 'GET', READS[(i >> 1) % READS.length]!);
            const batch = makeBatch(`r${round}-${i}`, 25, (j) => faultRecord(Date.now(), j));
            posted.push(...batch.ids);
            return send(agent, 'POST', '/v1/records', batch.body, batch.key);
          }),
        );
        if (round === 0) sockets = Object.values(agent.freeSockets).flat().length;
        for (const [i, a] of answers.entries()) {
          expect(a.status, `request ${i}: ${a.body.slice(0, 200)}`).toBe(200);
          expect(a.type).toBeDefined();
          if (i % 2 === 0) expect(JSON.parse(a.body)).toMatchObject({ accepted: 25 });
        }
      }
      // Every request of the first round had a connection of its own, kept for the second.
      expect(sockets).toBe(200);
      const counts = countEach(await exportedIds(server.url));
      expect(counts.size).toBe(posted.length);
      expect(posted.every((id) => counts.get(id) === 1)).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});
