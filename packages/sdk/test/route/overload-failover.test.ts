// A scripted overload of the primary with the real SDKs: caller-visible errors with and without the
// router, time to open, time to re-close after recovery, flaps per recovery (short time constants).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import type { BreakerChange } from '@faultline/core';
import { createRouter, type Router } from '../../src/route/index.js';
import { createMemorySink, targets, type Answer, type Chunk } from './route-clients.js';

let fp: FakeProvider;
beforeAll(async () => {
  fp = await startFakeProvider({ seed: 3 });
});
afterAll(() => fp.close());

interface Outcome {
  readonly startMs: number;
  readonly ok: boolean;
  readonly by: string | undefined;
}

/** Runs `workers` loops of calls until `untilMs`. */
async function traffic(
  workers: number,
  untilMs: number,
  f: () => Promise<Answer>,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < untilMs) {
        const startMs = Date.now();
        try {
          out.push({ startMs, ok: true, by: (await f()).by });
        } catch {
          out.push({ startMs, ok: false, by: undefined });
        }
      }
    }),
  );
  return out;
}

const share = (xs: readonly Outcome[]): number =>
  xs.filter((x) => !x.ok).length / Math.max(1, xs.length);

describe('failover during a scripted overload', () => {
  it('keeps caller-visible errors at or below 1% and returns traffic to the primary after recovery', async () => {
    const ref: { router?: Router<string, Answer, Chunk> } = {};
    const sink = createMemorySink();
    const ts = targets(fp.url, () => ref.router!.sink(sink));
    const router = (ref.router = createRouter<string, Answer, Chunk>({
      targets: ts,
      breaker: {
        failureThreshold: 3,
        failureWindowMs: 5_000,
        successThreshold: 3,
        maxOpenMs: 5_000,
        trickleIntervalMs: 100,
        flapWindowMs: 2_000,
        settleMs: 500,
      },
    }));
    const changes: Array<BreakerChange & { wallMs: number }> = [];
    router.onChange(
      (c) => c.target.name === 'primary' && changes.push({ ...c, wallMs: Date.now() }),
    );

    const t0 = Date.now();
    const faultMs = t0 + 300;
    const recoverMs = faultMs + 1_500;
    const endMs = recoverMs + 1_500;
    const schedule = (async () => {
      await new Promise((r) => setTimeout(r, faultMs - Date.now()));
      fp.addFaults({ provider: 'anthropic', fault: { kind: 'overload', retryAfterS: 0 } });
      await new Promise((r) => setTimeout(r, recoverMs - Date.now()));
      fp.clearFaults();
    })();
    const primaryOnly = ts[0]!.call!;
    const [routed, direct] = await Promise.all([
      traffic(4, endMs, () => router.call('hello')),
      traffic(2, endMs, () =>
        primaryOnly('hello', { signal: undefined, target: 'primary', trickle: false }),
      ),
      schedule,
    ]);

    const during = (xs: Outcome[]) =>
      xs.filter((x) => x.startMs >= faultMs && x.startMs < recoverMs);
    const opened = changes.find((c) => c.to === 'open' && c.wallMs >= faultMs);
    const reclosed = changes.find((c) => c.to === 'closed' && c.wallMs >= recoverMs);
    const flaps = changes.filter(
      (c) => reclosed !== undefined && c.wallMs > reclosed.wallMs && c.from === 'closed',
    );
    const firstPrimary = routed.find((x) => x.startMs >= recoverMs && x.by === 'primary');
    const tail = routed.filter((x) => x.startMs >= endMs - 500);
    const figures = {
      calls_during_outage_routed: during(routed).length,
      error_share_with_router: share(during(routed)),
      error_share_without_router: share(during(direct)),
      time_to_open_ms: opened === undefined ? null : opened.wallMs - faultMs,
      time_to_reclose_ms: reclosed === undefined ? null : reclosed.wallMs - recoverMs,
      flaps_per_recovery: flaps.length,
      back_to_primary_ms: firstPrimary === undefined ? null : firstPrimary.startMs - recoverMs,
      primary_share_last_500ms:
        tail.filter((x) => x.by === 'primary').length / Math.max(1, tail.length),
    };
    process.stdout.write(`router figures ${JSON.stringify(figures)}\n`);

    expect(figures.calls_during_outage_routed).toBeGreaterThan(50);
    expect(figures.error_share_with_router).toBeLessThanOrEqual(0.01);
    expect(figures.error_share_without_router).toBeGreaterThan(0.9);
    expect(figures.time_to_open_ms).not.toBeNull();
    expect(figures.time_to_open_ms!).toBeLessThan(1_000);
    expect(figures.time_to_reclose_ms).not.toBeNull();
    expect(figures.time_to_reclose_ms!).toBeLessThan(1_000);
    expect(figures.flaps_per_recovery).toBeLessThanOrEqual(1);
    expect(figures.primary_share_last_500ms).toBeGreaterThan(0.95);
    await router.close();
  });
});
