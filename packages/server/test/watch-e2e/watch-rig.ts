// The fake provider (scenario and status pages on one record clock) and `faultline serve` watching it.
import {
  startFakeProvider,
  type FakeProvider,
  type FaultRule,
  type StatusPageInput,
} from '@faultline/fake-provider';
import { validateConfig } from '../../src/config/index.js';
import { startService, type RunningService } from '../../src/serve/start-service.js';
import { startRecordClock, type RecordClock } from './record-clock.js';

export const ADMIN_TOKEN = 'admin-token-for-watch-e2e';
export const INGEST_TOKEN = 'ingest-token-for-watch-e2e';

/** A phase of the fake's timeline, in record time. */
export interface Phase {
  readonly name: string;
  readonly minutes: number;
  readonly faults: readonly FaultRule[];
}

/** What a rig runs. */
export interface RigOptions {
  /** Record ms per wall ms. */
  readonly scale: number;
  /** Record time of the timeline's start. */
  readonly startMs: number;
  readonly phases: readonly Phase[];
  /** `probes` entries of the service's config; `base_url` is the fake's. */
  readonly probes: readonly Record<string, unknown>[];
  /** The fake's Anthropic status page, polled by the service when given. */
  readonly statusPage?: Omit<StatusPageInput, 'id'> & { readonly every: string };
}

/** The running parts, and when (record time) each phase starts. */
export interface Rig {
  readonly fake: FakeProvider;
  readonly clock: RecordClock;
  readonly service: RunningService;
  readonly logs: string[];
  /** Record time at which the named phase starts. */
  phaseStartMs(name: string): number;
  close(): Promise<void>;
}

/**
 * Starts the fake provider, then the record clock and the scenario at the same instant, then the
 * service (its `now`, probe and poller timers and probe record times on that clock).
 */
export async function startRig(o: RigOptions): Promise<Rig> {
  const started: { clock?: RecordClock } = {};
  const { every: pollEvery, ...page } = o.statusPage ?? { every: undefined };
  const fake = await startFakeProvider({
    seed: 5,
    statusPages: pollEvery === undefined ? [] : [{ ...page, id: 'anthropic' }],
    // The page writes its times on the record clock, as the service reads them.
    statusPageClock: (fakeMs) => started.clock?.recordMs(fakeMs) ?? fakeMs,
  });
  const recordClock = (started.clock = startRecordClock(o.scale, o.startMs));
  fake.loadScenario({
    timeScale: o.scale,
    loop: false,
    phases: o.phases.map((p) => ({ name: p.name, durationS: p.minutes * 60, faults: p.faults })),
  });
  const config = validateConfig(
    {
      store: ':memory:',
      tokens: [
        { name: 'oncall', role: 'admin', token: ADMIN_TOKEN },
        { name: 'app', role: 'ingest', token: INGEST_TOKEN },
      ],
      probes: o.probes.map((p) => ({ base_url: fake.url, api_key: 'sk-fake-probe-key', ...p })),
      status_pages:
        pollEvery === undefined
          ? []
          : [
              {
                provider: 'anthropic',
                kind: 'statuspage',
                url: `${fake.url}/status/anthropic`,
                every: pollEvery,
              },
            ],
    },
    { env: {} },
  );
  const logs: string[] = [];
  let service: RunningService;
  try {
    service = await startService({
      config,
      log: (line) => logs.push(line),
      port: 0,
      now: recordClock.now,
      watchClock: recordClock,
    });
  } catch (e: unknown) {
    await fake.close();
    throw e;
  }
  return {
    fake,
    clock: recordClock,
    service,
    logs,
    phaseStartMs(name) {
      const i = o.phases.findIndex((p) => p.name === name);
      if (i < 0) throw new Error(`no phase ${name}`);
      const minutes = o.phases.slice(0, i).reduce((m, p) => m + p.minutes, 0);
      return recordClock.startMs + minutes * 60_000;
    },
    async close() {
      await service.close();
      await fake.close();
    },
  };
}
