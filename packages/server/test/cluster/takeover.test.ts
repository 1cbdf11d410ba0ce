// Records ingested through followers make one incident everywhere; a takeover counts none twice and sends nothing twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@faultline/core';
import { diagnoseJson } from '../serve-live/diagnose-json.js';
import { openEvents, type SseStream } from '../serve-live/sse-client.js';
import { createTestDatabase, type TestDatabase } from '../store/pg-harness.js';
import {
  TOKENS,
  eventually,
  getJson,
  ingest,
  startReceiver,
  startReplica,
  terminateLeaderSession,
  type Replica,
} from './cluster-rig.js';

const PROVIDER = 'anthropic';
/** Record time moves in steps of this much; each step's records go in through a follower. */
const STEP_MS = 5_000;
const STEPS = 60;
/** Steps of the fault (half the calls fail with 529), and the step the leader's session dies at. */
const FAULT = { from: 6, to: 14 } as const;
const KILL_AT = 10;

const dir = mkdtempSync(join(tmpdir(), 'faultline-cluster-'));
let db: TestDatabase;
const running = new Set<Replica>();
const streams: SseStream[] = [];
beforeAll(async () => {
  db = await createTestDatabase('faultline_takeover');
}, 30_000);
afterAll(async () => {
  for (const s of streams) s.close();
  for (const r of running) await r.service.close();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function record(tsMs: number, n: number, failing: boolean): Record<string, unknown> {
  return {
    ts: new Date(tsMs).toISOString(),
    provider: PROVIDER,
    model: 'claude-opus-4-7',
    source: 'sdk',
    request_id: `req-${n}`,
    duration_ms: 300,
    ...(failing && n % 2 === 1
      ? { http_status: 529, error_type: 'overloaded_error' }
      : { http_status: 200 }),
  };
}

interface Listed {
  readonly id: string;
  readonly provider: string | null;
  readonly affected_calls: number;
  readonly started_at: string;
  readonly detected_at: string;
  readonly resolved_at: string | null;
}

const fields = (i: Listed): unknown[] => [
  i.id,
  i.affected_calls,
  i.started_at,
  i.detected_at,
  i.resolved_at,
];

async function exported(r: Replica): Promise<CallRecord[]> {
  const res = await fetch(`${r.url}/v1/records?limit=10000&from=2000-01-01T00:00:00Z`, {
    headers: { authorization: `Bearer ${TOKENS.read}` },
  });
  return (await res.text())
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as CallRecord);
}

/** The leader once its engine has taken every stored record (waiting out a takeover). */
async function caughtUpLeader(all: readonly Replica[]): Promise<Replica> {
  let leader: Replica | undefined;
  await eventually('a leader that took every record', async () => {
    leader = all.find((r) => r.service.role() === 'leader');
    if (leader === undefined || !leader.service.live.ready) return false;
    return leader.service.live.stats().lastSeq >= (await leader.service.store.lastSeq());
  });
  return leader!;
}

describe('three replicas across a leader change', () => {
  it('raise one incident from follower ingest everywhere, counting no record twice and notifying once', async () => {
    const hook = await startReceiver();
    const url = await db.freshSchema();
    // Record time an hour back, moved by the test: the engine is in step with the records.
    let nowMs = Math.floor(Date.now() / 10_000) * 10_000 - 3_600_000;
    const now = (): number => nowMs;
    const all: Replica[] = [];
    for (const name of ['r0', 'r1', 'r2']) {
      const r = await startReplica(name, url, hook.url, now);
      running.add(r);
      all.push(r);
    }
    await caughtUpLeader(all);
    for (const r of all) streams.push(await openEvents(r.url, TOKENS.read));

    let n = 0;
    let takeoverMs = 0;
    let old: Replica | undefined;
    for (let k = 0; k < STEPS; k++) {
      if (k === KILL_AT) {
        old = all.find((r) => r.service.role() === 'leader')!;
        expect(await terminateLeaderSession(db.name)).toBe(1);
      }
      const failing = k >= FAULT.from && k < FAULT.to;
      const batch = Array.from({ length: 50 }, (_, i) =>
        record(nowMs + (i * STEP_MS) / 50, n++, failing),
      );
      nowMs += STEP_MS;
      const follower = all.find((r) => r.service.role() === 'follower')!;
      await ingest(follower.url, batch, `step-${k}`);
      const t0 = Date.now();
      const leader = await caughtUpLeader(all);
      if (k === KILL_AT) takeoverMs = Date.now() - t0;
      leader.service.live.tick();
    }
    nowMs += 2 * STEP_MS;
    const leader = await caughtUpLeader(all);
    leader.service.live.tick();
    await leader.service.live.flush();
    expect(leader).not.toBe(old);
    expect(old!.logs.some((l) => l.startsWith('cluster: lost leadership ('))).toBe(true);
    expect(leader.logs).toContain('cluster: leader (lock acquired)');

    // The new leader's engine holds every record once: it ends as diagnose on the same records.
    const records = await exported(leader);
    expect(records).toHaveLength(n);
    const offline = (await diagnoseJson(dir, records)) as unknown as Listed[];
    expect(offline).toHaveLength(1);
    expect(offline[0]!.resolved_at).not.toBeNull();
    const live = leader.service.live.incidents() as unknown as Listed[];
    expect(live.map(fields)).toEqual(offline.map(fields));

    // Every replica lists it, its stream saw it open and resolve once; the webhook got each once.
    const id = offline[0]!.id;
    for (const [i, r] of all.entries()) {
      const { incidents } = await getJson<{ incidents: Listed[] }>(r.url, '/v1/incidents');
      expect(incidents.map((x) => [x.id, x.affected_calls])).toEqual([
        [id, offline[0]!.affected_calls],
      ]);
      const s = streams[i]!;
      await s.waitFor((f) => f.event === 'incident.resolved', 5_000);
      const kinds = s.frames.filter((f) => f.event.startsWith('incident.')).map((f) => f.event);
      expect(kinds.filter((e) => e === 'incident.opened')).toHaveLength(1);
      expect(kinds.filter((e) => e === 'incident.resolved')).toHaveLength(1);
      const ids = s.frames.map((f) => Number(f.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    }
    await eventually('the resolution to be delivered', () =>
      hook.bodies.some((b) => b.includes('"incident.resolved"')),
    );
    const sent = hook.bodies.map((b) => {
      const body = JSON.parse(b) as { type: string; data: { id: string } };
      return `${body.type} ${body.data.id}`;
    });
    expect(sent).toContain(`incident.opened ${id}`);
    expect(new Set(sent).size).toBe(sent.length);
    expect(takeoverMs).toBeLessThan(15_000);
    await hook.close();
  }, 90_000);
});
