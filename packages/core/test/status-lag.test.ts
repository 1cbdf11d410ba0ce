// Status pages as timing and corroboration: the page's lag is evidence, an unreadable page is not.
import { describe, expect, it } from 'vitest';
import { createEngine, type FaultlineRecord, type Incident } from '../src/index.js';
import { fail, MIN, T0, traffic } from './traffic.js';

/** A reading of OpenAI's "Chat Completions" each minute: `status(minute)`. */
function readings(minutes: number, status: (minute: number) => string): FaultlineRecord[] {
  const out: FaultlineRecord[] = [];
  for (let m = 0; m < minutes; m++) {
    out.push({
      kind: 'status',
      ts: T0 + m * MIN + 30_000,
      provider: 'openai',
      component: 'Chat Completions',
      // Readings as a poller may pass them on: the type admits the spec's statuses only.
      status: status(m) as 'operational',
    });
  }
  return out;
}

const gpt = (r: { model: string }): boolean => r.model.startsWith('gpt');

function diagnose(extra: FaultlineRecord[], faulty = true): Incident[] {
  const engine = createEngine();
  const faults = faulty
    ? [{ fromMin: 10, toMin: 30, match: gpt, apply: fail.server, share: 0.5 }]
    : [];
  const recs = traffic({ minutes: 45, faults, extra });
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  engine.tick(T0 + 45 * MIN + 1);
  return engine.incidents();
}

describe('status pages', () => {
  it('add the lag of a page that moved 12 minutes after our first failures, with its facts', () => {
    const [i, ...rest] = diagnose(
      readings(45, (m) => (m >= 22 && m < 34 ? 'partial_outage' : 'operational')),
    );
    expect(rest).toEqual([]);
    expect(i).toMatchObject({ layer: 'provider', provider: 'openai' });
    const lag = i!.evidence.find((e) => e.kind === 'status_lag');
    expect(lag?.kind).toBe('status_lag');
    if (lag?.kind !== 'status_lag') return;
    expect(lag.facts).toMatchObject({
      provider: 'openai',
      component: 'Chat Completions',
      status: 'partial_outage',
      listed_at: new Date(T0 + 22 * MIN + 30_000).toISOString(),
      first_failure_at: i!.started_at,
    });
    expect(lag.facts.lag_ms).toBe(T0 + 22 * MIN + 30_000 - Date.parse(i!.started_at));
    expect(lag.text).toBe(
      'OpenAI status page was 12 minutes behind our first failures: its first move on Chat Completions came at 04:22 UTC',
    );
  });

  it('say the lag without repeating the status-page sentence when the page moved once', () => {
    const [i] = diagnose(
      readings(45, (m) => (m >= 22 && m < 34 ? 'partial_outage' : 'operational')),
    );
    const page = i!.evidence.find((e) => e.kind === 'status_page');
    const lag = i!.evidence.find((e) => e.kind === 'status_lag');
    // Two kinds with their own facts: the current listing, and how late the first move came.
    expect(page?.facts).toMatchObject({ status: 'partial_outage', since: lag?.facts?.listed_at });
    expect(page!.text).toBe(
      'OpenAI status page listed Chat Completions as partial_outage from 04:22 UTC',
    );
    expect(lag!.text).not.toContain(page!.text);
    expect(lag!.text).not.toMatch(/listed Chat Completions as/);
    const texts = i!.evidence.map((e) => e.text);
    for (const t of texts) expect(texts.filter((u) => u.includes(t))).toEqual([t]);
  });

  it('add no lag when the page moved with our failures', () => {
    const [i] = diagnose(readings(45, (m) => (m >= 11 && m < 34 ? 'major_outage' : 'operational')));
    const kinds = i!.evidence.map((e) => e.kind);
    expect(kinds).toContain('status_page');
    expect(kinds).not.toContain('status_lag');
  });

  it('never take an unreadable reading for a degraded provider', () => {
    const [i] = diagnose(readings(45, (m) => (m >= 11 ? 'unknown' : 'operational')));
    const kinds = i!.evidence.map((e) => e.kind);
    expect(kinds).not.toContain('status_page');
    expect(kinds).not.toContain('status_lag');
  });

  it('never raise an incident alone', () => {
    expect(
      diagnose(
        readings(45, (m) => (m >= 10 ? 'major_outage' : 'operational')),
        false,
      ),
    ).toEqual([]);
  });
});
