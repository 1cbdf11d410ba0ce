// A gateway on loopback in front of two fake providers (primary, backup), for every wire API,
// with each route both with failover (/on/<api>) and without (/off/<api>), and per-target
// breakers as the stand-alone gateway runs them (default options) unless a test brings its own.
import type { BreakerChange, CallRecord } from '@faultline/core';
import { startFakeProvider, type FakeProvider, type FaultRule } from '@faultline/fake-provider';
import { GatewayTargetBreakers } from '../../src/breakers/index.js';
import { validateConfig } from '../../src/config/index.js';
import { createGateway, type Gateway, type GatewayBreakers } from '../../src/gateway/index.js';

export const APIS = ['anthropic', 'openai', 'gemini'] as const;
export type Api = (typeof APIS)[number];

/** The SDK base URL of a fake for `api` (fake-provider README). */
export function fakeBase(fake: FakeProvider, api: Api): string {
  return api === 'openai' ? `${fake.url}/v1` : fake.url;
}

export interface Rig {
  readonly primary: FakeProvider;
  readonly backup: FakeProvider;
  /** The gateway's base URL. */
  readonly url: string;
  readonly records: CallRecord[];
  readonly log: string[];
  close(): Promise<void>;
}

/** What a test may give the gateway besides its config: breakers, and the clock they run on. */
export interface RigOptions {
  readonly breakers?: GatewayBreakers;
  readonly now?: () => number;
  /** The provider the backup targets name (default the primary's: the same provider elsewhere). */
  readonly backupProvider?: string;
}

/** Starts two fakes (seeded alike, `faults` on the primary) and a gateway in front of them. */
export async function startRig(
  faults: readonly FaultRule[] = [],
  seed = 7,
  options: RigOptions = {},
): Promise<Rig> {
  const primary = await startFakeProvider({ seed, faults });
  const backup = await startFakeProvider({ seed });
  const records: CallRecord[] = [];
  const log: string[] = [];
  const gateway = startGateway(primary, backup, records, log, options);
  const { url } = await gateway.listen();
  return {
    primary,
    backup,
    url,
    records,
    log,
    async close() {
      await gateway.close();
      await Promise.all([primary.close(), backup.close()]);
    },
  };
}

function startGateway(
  primary: FakeProvider,
  backup: FakeProvider,
  records: CallRecord[],
  log: string[],
  options: RigOptions,
): Gateway {
  const provider = { anthropic: 'anthropic', openai: 'openai', gemini: 'google' } as const;
  const targets = APIS.flatMap((api) => [
    { name: `${api}-primary`, api, provider: provider[api], base_url: fakeBase(primary, api) },
    {
      name: `${api}-backup`,
      api,
      provider: options.backupProvider ?? provider[api],
      base_url: fakeBase(backup, api),
    },
  ]);
  const routes = APIS.flatMap((api) =>
    [true, false].map((failover) => ({
      path: `/${failover ? 'on' : 'off'}/${api}`,
      targets: [`${api}-primary`, `${api}-backup`],
      failover,
    })),
  );
  const onChange = (c: BreakerChange): void => void log.push(`breaker ${c.target.name} ${c.to}`);
  const config = validateConfig(
    { gateway: { listen: '127.0.0.1:0', targets, routes } },
    { env: {} },
  );
  return createGateway({
    config: config.gateway!,
    sink: (r) => records.push(r),
    log: (line) => log.push(line),
    breakers: options.breakers ?? new GatewayTargetBreakers({ targets, breaker: {}, onChange }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}
