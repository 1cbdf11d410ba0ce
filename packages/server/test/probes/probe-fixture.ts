// Probes pointed at an in-process fake provider, with a fake clock and a sink tests can await.
import type { CallRecord } from '@faultline/core';
import type { ProbeConfig, WireApi } from '../../src/config/index.js';
import { createProber, type Prober } from '../../src/probes/index.js';
import { FakeTimers } from './fake-timers.js';

/** The three wire APIs with the fake's provider id and a model each. */
export const APIS: readonly { api: WireApi; provider: string; model: string }[] = [
  { api: 'anthropic', provider: 'anthropic', model: 'claude-haiku-4-5' },
  { api: 'openai', provider: 'openai', model: 'gpt-5.1' },
  { api: 'gemini', provider: 'google', model: 'gemini-2.5-flash' },
];

/** The base URL each SDK is given for the fake at `url`. */
export function baseUrlFor(api: WireApi, url: string): string {
  return api === 'openai' ? `${url}/v1` : url;
}

export const API_KEY = 'sk-probe-test-key-0123456789abcdef';

/** A probe config as the config module would hand it over. */
export function probeConfig(
  api: WireApi,
  url: string,
  extra: Partial<ProbeConfig> = {},
): ProbeConfig {
  const a = APIS.find((x) => x.api === api)!;
  return {
    provider: a.provider,
    model: a.model,
    api,
    base_url: baseUrlFor(api, url),
    api_key: API_KEY,
    every: 60_000,
    golden: [],
    ...extra,
  };
}

/** A prober on fake timers whose records can be awaited. */
export class ProbeRig {
  readonly timers = new FakeTimers();
  readonly records: CallRecord[] = [];
  readonly logs: string[] = [];
  readonly prober: Prober;
  #waiters: (() => void)[] = [];

  constructor(probes: readonly ProbeConfig[], random: () => number = () => 0.5) {
    this.prober = createProber({
      probes,
      sink: (r) => {
        this.records.push(r);
        this.#waiters.splice(0).forEach((w) => w());
      },
      now: this.timers.now,
      timers: this.timers,
      random,
      log: (line) => this.logs.push(line),
    });
    this.prober.start();
  }

  /** Resolves once `n` records in all have arrived (or fails after 5 s). */
  async recordsUpTo(n: number): Promise<CallRecord[]> {
    const deadline = Date.now() + 5000;
    while (this.records.length < n) {
      if (Date.now() > deadline) throw new Error(`only ${this.records.length} of ${n} records`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.records;
  }

  /** Resolves once no probe has a call in flight. */
  async idle(): Promise<void> {
    while (this.prober.state().some((s) => s.busy)) await new Promise((r) => setTimeout(r, 5));
  }

  /** Fires the next timer and waits for the record of the call it made. */
  async nextRecord(): Promise<CallRecord> {
    await this.idle();
    const before = this.records.length;
    this.timers.fireNext();
    const all = await this.recordsUpTo(before + 1);
    return all[before]!;
  }
}
