// Every generated record is a valid call record v1 (or status observation), sorted, SDK-shaped.
import { isStatusObservation, validateRecord } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, generateScenario } from '../src/index.js';
import { callsOf, type Call } from './record-filters.js';

const HOSTS: Readonly<Record<string, string>> = {
  anthropic: 'api.anthropic.com',
  openai: 'api.openai.com',
  google: 'generativelanguage.googleapis.com',
};

/** Most attempts per request: the SDKs' 3, or our own retry wrapper's in `our-retry-storm`. */
const MAX_ATTEMPTS: Readonly<Record<string, number>> = { 'our-retry-storm': 8 };
/** Fewest records a stream should have: a night at ~1 app call a minute is mostly probes. */
const MIN_RECORDS: Readonly<Record<string, number>> = { 'night-probe-only': 500 };

/** What is wrong with a generated stream, checked in plain code: 700k `expect`s would take a minute. */
function problemsOf(name: string): string[] {
  const { records, fromMs, toMs } = generateScenario(name);
  const problems: string[] = [];
  const report = (problem: string, record: unknown): void => {
    if (problems.length < 5) problems.push(`${problem}: ${JSON.stringify(record)}`);
  };
  if (records.length < (MIN_RECORDS[name] ?? 1000)) report('too few records', records.length);
  let previous = -Infinity;
  for (const record of records) {
    const result = validateRecord(record);
    if (!result.ok) report(`invalid ${JSON.stringify(result.problems)}`, record);
    if (typeof record.ts !== 'number') report('ts is not epoch ms', record);
    const timeMs = result.ok ? result.timeMs : previous;
    if (timeMs < previous) report('not sorted by ts', record);
    if (timeMs < fromMs || timeMs >= toMs) report('outside [fromMs, toMs)', record);
    previous = timeMs;
    if (isStatusObservation(record)) continue;
    if (record.server_address !== HOSTS[record.provider]) report('wrong server_address', record);
    if (record.source === 'probe') {
      // The server's probes: no app, one attempt, a known-answer check on every answer.
      if (record.app !== undefined) report('probe with an app', record);
      if (record.attempt !== 1) report('probe retried', record);
      if (record.http_status === 200 && typeof record.checks?.golden !== 'boolean')
        report('probe answer without checks.golden', record);
      continue;
    }
    if (record.source !== 'sdk') report('source is not sdk or probe', record);
    if (!/^(search|notes-ai|support)$/.test(record.app ?? '')) report('unknown app', record);
    // A request id on every answer from the provider, none when no answer arrived.
    if ((record.request_id !== undefined) !== (record.http_status !== undefined)) {
      report('request_id without an answer, or an answer without one', record);
    }
    const attempt = record.attempt ?? 0;
    const most = MAX_ATTEMPTS[name] ?? 3;
    if (attempt < 1 || attempt > most) report(`attempt outside 1..${most}`, record);
  }
  return problems;
}

describe('generated records', () => {
  it.each(SCENARIOS.map((s) => s.name))(
    '%s: every record is valid, SDK-shaped and sorted by ts',
    (name) => {
      expect(problemsOf(name)).toEqual([]);
    },
  );

  it('streams about half of the calls, with ttft_ms on completed streams', () => {
    const calls = callsOf(generateScenario('latency-rising').records);
    const streams = calls.filter((c) => c.stream === true);
    expect(streams.length / calls.length).toBeGreaterThan(0.4);
    expect(streams.length / calls.length).toBeLessThan(0.6);
    for (const s of streams.filter((c) => c.stream_completed === true)) {
      expect(s.ttft_ms).toBeLessThanOrEqual(s.duration_ms ?? 0);
    }
    expect(calls.filter((c) => c.stream === false).every((c) => c.ttft_ms === undefined)).toBe(
      true,
    );
  });
});

describe('SDK retries', () => {
  /** Stainless SDKs retry 408, 409, 429, 5xx, connection errors and timeouts (§2.2), spend cap or not. */
  function retriedBySdk(c: Call): boolean {
    const status = c.http_status;
    if (status === undefined) return c.network_error !== undefined || c.aborted_by === 'timeout';
    return status === 408 || status === 409 || status === 429 || status >= 500;
  }

  /** The earlier attempt a retry follows: same request, failed retryably, 0.5–2 s before. */
  function predecessor(calls: readonly Call[], retry: Call): Call | undefined {
    return calls.find(
      (c) =>
        c.attempt === (retry.attempt ?? 1) - 1 &&
        c.provider === retry.provider &&
        c.model === retry.model &&
        c.app === retry.app &&
        c.stream === retry.stream &&
        retriedBySdk(c) &&
        retry.ts - c.ts - (c.duration_ms ?? 0) >= 499 &&
        retry.ts - c.ts - (c.duration_ms ?? 0) <= 2_001,
    );
  }

  it.each(['provider-overload', 'spend-cap', 'egress-down', 'our-deadline-lowered'])(
    '%s: attempts 2 and 3 follow retryable failures after a 0.5–2 s backoff',
    (name) => {
      const calls = callsOf(generateScenario(name, { durationMs: 20 * 60_000 }).records);
      const retries = calls.filter((c) => (c.attempt ?? 1) > 1);
      expect(retries.some((c) => c.attempt === 2)).toBe(true);
      expect(retries.some((c) => c.attempt === 3)).toBe(true);
      for (const retry of retries.slice(0, 300)) {
        const earlier = calls.filter((c) => c.ts < retry.ts && c.ts > retry.ts - 15_000);
        expect(predecessor(earlier, retry), JSON.stringify(retry)).toBeDefined();
      }
    },
  );

  it('never retries 400s, answered streams or bad output', () => {
    const calls = callsOf(generateScenario('our-deploy-breaks-requests').records);
    const failed400 = calls.filter((c) => c.http_status === 400).length;
    expect(failed400).toBeGreaterThan(1000);
    expect(calls.filter((c) => (c.attempt ?? 1) > 1).length).toBeLessThan(failed400 / 10);
  });
});
