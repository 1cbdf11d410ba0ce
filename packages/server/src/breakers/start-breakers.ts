/**
 * The breaker board at work in `faultline serve`: resumed from the store, fed by the composition
 * root, ticked on the service's clock with each scope's elevation, every change saved, appended to
 * the feed as `breaker.changed`, published and logged. Its timer is unref'd and its tick never throws.
 */
import type { BreakerChange } from '@faultline/core';
import type { BoardTimers, BreakerDeps, ServiceBreakers } from './breaker-deps.js';
import { BreakerBoard } from './breaker-board.js';
import { breakerChangedData, breakerChangeLine } from './breaker-event.js';
import { GatewayTargetBreakers } from './gateway-target-breakers.js';
import { incidentNotice } from './incident-input.js';
import { ScopeElevation, type MinuteHealth } from './scope-elevation.js';

export type { BoardTimers, BreakerDeps, HealthReading, ServiceBreakers } from './breaker-deps.js';

const NODE_TIMERS: BoardTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Creates the service's breakers; nothing runs until `start()`. */
export function startBreakers(deps: BreakerDeps): ServiceBreakers {
  const { store, now, log } = deps;
  const timers = deps.timers ?? NODE_TIMERS;
  const everyMs = deps.tickEveryMs ?? 1_000;
  const elevation = new ScopeElevation();
  // Feed entries and saves go out in the order the changes happened.
  let writes: Promise<void> = Promise.resolve();
  const later = (what: string, write: () => Promise<void>): void => {
    writes = writes.then(write).catch((e: unknown) => log(`breakers: ${what}: ${errorText(e)}`));
  };
  const persist = (): void => {
    for (const row of board.unsaved(now()))
      later(`state of ${row.target} not saved`, () => store.saveBreaker(row));
  };
  const changed = (c: BreakerChange): void => {
    // The log says when a target was taken out and given back; the trial steps in between
    // (half-open, a failed trial) are in the feed, not worth a line each during an outage.
    if (c.from === 'closed' || c.to === 'closed') log(breakerChangeLine(c));
    const entry = {
      type: 'breaker.changed',
      atMs: c.atMs,
      data: JSON.stringify(breakerChangedData(c)),
    };
    later('change not stored', async () =>
      deps.publish({ ...entry, id: await store.appendFeed(entry) }),
    );
  };
  const board = new BreakerBoard({ breaker: deps.breaker, onChange: changed });
  const gateway = new GatewayTargetBreakers({
    targets: deps.gatewayTargets ?? [],
    breaker: deps.breaker,
    onChange: changed,
  });
  const guarded = (what: string, f: () => void): void => {
    try {
      f();
    } catch (e: unknown) {
      log(`breakers: ${what}: ${errorText(e)}`);
    }
  };

  /** Each scope's elevation now, once the engine's minute is complete. */
  const judgeScopes = (at: number): void => {
    if (deps.ready?.() === false) return;
    const minutes = new Map<string, MinuteHealth>();
    for (const p of deps.health().providers)
      for (const m of p.models) minutes.set(`${p.provider}/${m.model}`, m);
    // One judgement per scope and reading: the gateway's breakers of a scope share the board's.
    const judged = new Map<string, boolean>();
    const judge = (key: string): boolean => {
      let e = judged.get(key);
      if (e === undefined) judged.set(key, (e = elevation.elevated(key, minutes.get(key))));
      return e;
    };
    for (const e of board.entries()) board.scope(e.provider, e.model, judge(e.target), at);
    for (const e of gateway.entries())
      gateway.scope(e.provider, e.model, judge(`${e.provider}/${e.model}`), at);
  };
  const tick = (): void =>
    guarded('tick', () => {
      const at = now();
      board.tick(at);
      gateway.tick(at);
      judgeScopes(at);
      persist();
    });
  let timer: unknown;
  let running = false;
  const loop = (): void => {
    if (!running) return;
    tick();
    timer = timers.setTimeout(loop, everyMs);
  };

  return {
    async start() {
      const bad = board.restore(await store.loadBreakers());
      for (const name of bad) log(`breakers: saved state of ${name} unreadable; starting closed`);
      board.tick(now());
      running = true;
      loop();
    },
    records: (records) =>
      guarded('records', () => {
        // The minute already holds these records: a success is judged with the share it leaves.
        judgeScopes(now());
        board.records(records);
      }),
    feed(entry) {
      const notice = incidentNotice(entry);
      if (notice === undefined) return;
      guarded('incident', () => board.incident(notice));
      guarded('incident', () => gateway.incident(notice));
    },
    state: (provider, model) => board.state(provider, model),
    entries: () => board.entries(),
    gateway,
    targetEntries: () => gateway.entries(),
    async stop() {
      running = false;
      timers.clearTimeout(timer);
      persist();
      await writes;
    },
  };
}
