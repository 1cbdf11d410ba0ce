// Each fake status page format moves a lag after a fault starts and resolves a lag after it ends.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../src/index.js';
import {
  readAtomTitles,
  readGoogle,
  readIncidentio,
  readRssTitles,
  readStatuspage,
  type Reading,
} from './read-pages.js';

const MIN = 60_000;
let fake: FakeProvider | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const CASES = [
  {
    kind: 'statuspage',
    provider: 'anthropic',
    read: (url: string) => readStatuspage(`${url}/status/anthropic`, 'Claude API'),
    down: 'major_outage',
  },
  {
    kind: 'incidentio',
    provider: 'openai',
    read: (url: string) => readIncidentio(`${url}/status/openai`, 'Chat Completions'),
    down: 'full_outage',
  },
  {
    kind: 'google-cloud',
    provider: 'google',
    read: (url: string) => readGoogle(`${url}/status/google`, 'Z0FZJAMvEB4j3NbCJs6B'),
    down: 'SERVICE_OUTAGE',
  },
] as const;

describe('fake status pages under an admin fault (default lags: 10 min, 5 min to resolve)', () => {
  it.each(CASES)(
    '$kind shows the fault 10 minutes late and resolves it 5 minutes after',
    async (c) => {
      let nowMs = Date.UTC(2026, 10, 22, 4, 0, 0);
      fake = await startFakeProvider({ now: () => nowMs });
      const read = (): Promise<Reading> => c.read(fake?.url ?? '');
      expect(await read()).toMatchObject({ status: 'operational', open: 0 });

      const [id] = fake.addFaults({ provider: c.provider, fault: { kind: 'overload' } });
      nowMs += 10 * MIN - 1000;
      expect(await read()).toMatchObject({ status: 'operational', open: 0 });
      nowMs += 1000;
      expect(await read()).toMatchObject({ status: c.down, open: 1 });

      nowMs += 10 * MIN;
      fake.removeFault(id ?? '');
      nowMs += 5 * MIN - 1000;
      expect(await read()).toMatchObject({ status: c.down, open: 1 });
      nowMs += 1000;
      const after = await read();
      expect(after).toMatchObject({ open: 0 });
      if (c.kind !== 'incidentio') expect(after.resolved).toBe(1);
      if (c.kind === 'statuspage') expect(after.lastUpdate).toBe('resolved');
      if (c.kind === 'google-cloud') expect(after.lastUpdate).toBe('AVAILABLE');
      if (c.kind !== 'google-cloud') expect(after.status).toBe('operational');
    },
  );

  it('leaves pages of other providers alone', async () => {
    let nowMs = 0;
    fake = await startFakeProvider({ now: () => nowMs });
    fake.addFaults({ provider: 'anthropic', fault: { kind: 'overload' } });
    nowMs += 30 * MIN;
    expect(await CASES[1].read(fake.url)).toMatchObject({ status: 'operational', open: 0 });
    expect(await CASES[0].read(fake.url)).toMatchObject({ status: 'major_outage', open: 1 });
  });

  it('writes the fault start as started_at, before the first update, as pages backdate', async () => {
    const t0 = Date.UTC(2026, 10, 22, 4, 0, 0);
    let nowMs = t0;
    fake = await startFakeProvider({ now: () => nowMs });
    fake.addFaults({ provider: 'anthropic', probability: 0.2, fault: { kind: 'overload' } });
    nowMs += 12 * MIN;
    const summary = (await (
      await fetch(`${fake.url}/status/anthropic/api/v2/summary.json`)
    ).json()) as {
      incidents: {
        started_at: string;
        created_at: string;
        impact: string;
        incident_updates: { status: string; body: string }[];
      }[];
      components: { name: string; status: string }[];
      status: { indicator: string };
    };
    const [incident] = summary.incidents;
    expect(incident?.started_at).toBe(new Date(t0).toISOString());
    expect(incident?.created_at).toBe(new Date(t0 + 10 * MIN).toISOString());
    expect(incident?.impact).toBe('major');
    expect(incident?.incident_updates.map((u) => u.status)).toEqual(['investigating']);
    expect(summary.components.find((x) => x.name === 'Claude API')?.status).toBe('partial_outage');
    expect(summary.components.find((x) => x.name === 'claude.ai')?.status).toBe('operational');
    expect(summary.status.indicator).toBe('major');
  });
});

describe('fake status pages on a scenario timeline', () => {
  it('follow the phases in scenario time: a 10-minute lag is 10 s at 60×', async () => {
    let nowMs = 1_000_000;
    fake = await startFakeProvider({
      now: () => nowMs,
      scenario: {
        timeScale: 60,
        loop: false,
        phases: [
          { name: 'calm', durationS: 300, faults: [] },
          {
            name: 'storm',
            durationS: 600,
            faults: [{ provider: 'anthropic', fault: { kind: 'overload' } }],
          },
          { name: 'after', durationS: 1200, faults: [] },
        ],
      },
    });
    const read = (): Promise<Reading> => CASES[0].read(fake?.url ?? '');
    nowMs += 5_000 + 9_900; // storm began at 5 s real; the page moves at 15 s
    expect((await read()).status).toBe('operational');
    nowMs += 200;
    expect(await read()).toMatchObject({
      status: 'major_outage',
      open: 1,
      lastUpdate: 'investigating',
    });
    nowMs += 2_500; // storm ended at 15 s; monitoring halfway through the 5 s recovery lag
    expect(await read()).toMatchObject({ status: 'major_outage', lastUpdate: 'monitoring' });
    nowMs += 2_500;
    expect(await read()).toMatchObject({
      status: 'operational',
      open: 0,
      resolved: 1,
      lastUpdate: 'resolved',
    });
  });

  it('never posts a blip shorter than its lag minus its recovery lag', async () => {
    let nowMs = 0;
    fake = await startFakeProvider({
      now: () => nowMs,
      statusPages: [{ id: 'anthropic', lag: '10m', recoveryLag: 0 }],
    });
    const [id] = fake.addFaults({ provider: 'anthropic', fault: { kind: 'reset' } });
    nowMs += 5 * MIN;
    fake.removeFault(id ?? '');
    nowMs += 20 * MIN;
    expect(await CASES[0].read(fake.url)).toMatchObject({
      status: 'operational',
      open: 0,
      resolved: 0,
    });
  });
});

describe('fake status feeds', () => {
  it('list one item per update, the last titled [RESOLVED], in RSS and Atom', async () => {
    let nowMs = 0;
    fake = await startFakeProvider({ now: () => nowMs });
    expect(await readRssTitles(`${fake.url}/status/bedrock-feed`)).toEqual([]);
    const [id] = fake.addFaults({
      provider: 'anthropic',
      model: 'claude-*',
      fault: { kind: 'overload' },
    });
    nowMs += 11 * MIN;
    const open = await readRssTitles(`${fake.url}/status/bedrock-feed`);
    expect(open).toEqual(['Elevated error rates on Amazon Bedrock (N. Virginia)']);
    fake.removeFault(id ?? '');
    nowMs += 6 * MIN;
    const titles = await readRssTitles(`${fake.url}/status/bedrock-feed/rss`);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toBe('[RESOLVED] Elevated error rates on Amazon Bedrock (N. Virginia)');
    expect(await readAtomTitles(`${fake.url}/status/bedrock-feed/feed.atom`)).toEqual(titles);
    expect(await readAtomTitles(`${fake.url}/status/anthropic/history.atom`)).toEqual([
      '[RESOLVED] Elevated error rates on Claude API',
      'Elevated error rates on Claude API',
      'Elevated error rates on Claude API',
    ]);
  });
});
