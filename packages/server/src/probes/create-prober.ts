/** `createProber(options)`: the server's synthetic probes and golden canaries, one loop per probe. */
import type { ProbeConfig, WireApi } from '../config/index.js';
import { instrumentFetch } from '@faultline/sdk';
import { anthropicProbe } from './anthropic-probe.js';
import { geminiProbe } from './gemini-probe.js';
import { goldenJsonSchema, goldenJudge } from './golden-check.js';
import { openaiProbe } from './openai-probe.js';
import { AVAILABILITY_PROMPT } from './probe-budget.js';
import type { ProbeCall, ProbeClientFactory } from './probe-call.js';
import { probeCostLines } from './probe-cost.js';
import { probeRecord } from './probe-record.js';
import { deadlineMs } from './probe-schedule.js';

/** How much sooner the instrument's deadline fires than the SDK's. */
const INSTRUMENT_LEAD_MS = 100;
import { ProbeTarget, type TargetAsk } from './probe-target.js';
import { REAL_TIMERS } from './probe-timers.js';
import { PROBE_APP, type Prober, type ProberOptions } from './prober-options.js';
import { pauseUntilMs } from './rate-limit-pause.js';
import { errorLine, secretRedactor } from './redact-secrets.js';
import { watchFetch } from './watch-fetch.js';

const CLIENTS: Readonly<Record<WireApi, ProbeClientFactory>> = {
  anthropic: anthropicProbe,
  openai: openaiProbe,
  gemini: geminiProbe,
};

/** Sent when a probe has no `api_key`: the provider answers 401, and the record shows it. */
const NO_KEY = 'no-api-key-configured';

/**
 * Builds the probes; nothing is called before `start()`.
 * @example
 * const prober = createProber({ probes: config.probes, sink: (r) => ingest([r]), now: Date.now, log });
 * for (const line of prober.costLines()) log(line);
 * prober.start(); // … await prober.stop();
 */
export function createProber(o: ProberOptions): Prober {
  const redact = secretRedactor(o.probes.map((p) => p.api_key ?? ''));
  const log = (line: string): void => o.log(redact(line));
  const random = o.random ?? Math.random;
  const targets = o.probes.map((probe) => {
    const name = `probe ${probe.provider}/${probe.model}`;
    const onError = (e: unknown): void => log(`${name}: ${errorLine(e)}`);
    if (probe.api_key === undefined)
      log(`${name}: no api_key configured; calls are sent without one`);
    const target: ProbeTarget = new ProbeTarget({
      everyMs: probe.every,
      asks: asksOf(
        probe,
        o,
        (status, headers) => {
          const until = pauseUntilMs(status, headers, o.now());
          if (until !== undefined) target.paused(until, status);
        },
        onError,
      ),
      now: o.now,
      timers: o.timers ?? REAL_TIMERS,
      random,
      onPause: (untilMs, status) =>
        log(
          `${name}: rate limit ${status === 429 ? 'hit (429)' : 'spent (0 remaining)'}; paused ` +
            `${Math.ceil((untilMs - o.now()) / 1000)}s, until ${new Date(untilMs).toISOString()}`,
        ),
      onError,
    });
    return { probe, target };
  });
  return {
    start: () => targets.forEach((t) => t.target.start()),
    stop: async () => void (await Promise.all(targets.map((t) => t.target.stop()))),
    costLines: () => probeCostLines(o.probes),
    state: () =>
      targets.map(({ probe, target }) => ({
        provider: probe.provider,
        model: probe.model,
        api: probe.api,
        ...target.counters(),
      })),
  };
}

/** A probe's asks: one per golden canary, else the availability prompt; each with its own instrument. */
function asksOf(
  probe: ProbeConfig,
  o: ProberOptions,
  onResponse: (status: number, headers: Headers) => void,
  onError: (e: unknown) => void,
): TargetAsk[] {
  const base = watchFetch(o.fetch ?? globalThis.fetch, onResponse, onError);
  const timeoutMs = deadlineMs(probe.every);
  const sink = {
    write(record: Parameters<typeof probeRecord>[0]): void {
      void Promise.resolve(o.sink(probeRecord(record))).catch(onError);
    },
  };
  const build = (
    checks: Parameters<typeof instrumentFetch>[0]['checks'],
  ): (() => Promise<ProbeCall>) => {
    let made: Promise<ProbeCall> | undefined;
    return () =>
      (made ??= CLIENTS[probe.api]({
        model: probe.model,
        baseUrl: probe.base_url,
        apiKey: probe.api_key ?? NO_KEY,
        deadlineMs: timeoutMs,
        fetch: instrumentFetch({
          provider: probe.provider,
          app: PROBE_APP,
          sink,
          fetch: base,
          // Just inside the SDK's own timeout (the same deadline), so the instrument's fires first
          // and the call is recorded as a timeout, not as an abort by its caller (the SDK).
          timeoutMs: Math.max(1, timeoutMs - INSTRUMENT_LEAD_MS),
          onError,
          ...(checks === undefined ? {} : { checks }),
        }),
      }));
  };
  if (probe.golden.length === 0)
    return [
      { ask: { prompt: AVAILABILITY_PROMPT, jsonSchema: undefined }, call: build(undefined) },
    ];
  return probe.golden.map((g) => {
    const judge = goldenJudge(g.expect);
    return {
      ask: { prompt: g.prompt, jsonSchema: goldenJsonSchema(g.expect) },
      call: build({ golden: (text) => judge(text) }),
    };
  });
}
