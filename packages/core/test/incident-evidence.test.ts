// The evidence an incident carries stays true as it grows: siblings that joined, cut streams.
import { describe, expect, it } from 'vitest';
import { createEngine, draftUpdate, factsOf, type CallRecord } from '../src/index.js';
import { fail, MIN, T0, traffic } from './traffic.js';

function diagnose(recs: ReturnType<typeof traffic>, minutes: number) {
  const engine = createEngine();
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  engine.tick(T0 + minutes * MIN);
  return engine.incidents();
}

describe('incident evidence', () => {
  it('drops a sibling from "worked normally" once it joins the incident', () => {
    // opus-4-7 first, while its siblings are fine; then every other Anthropic model fails too
    const recs = traffic({
      minutes: 30,
      faults: [
        {
          fromMin: 10,
          toMin: 20,
          match: (r) => r.model === 'claude-opus-4-7',
          apply: fail.overloaded,
        },
        {
          fromMin: 13,
          toMin: 20,
          match: (r) => r.provider === 'anthropic',
          apply: fail.overloaded,
        },
      ],
    });
    const [incident, ...more] = diagnose(recs, 30);
    expect(more).toEqual([]);
    expect(incident!.models).toEqual(['claude-opus-4-7', 'claude-opus-4-8', 'claude-sonnet-4-6']);
    expect(incident!.evidence.map((e) => e.kind)).not.toContain('sibling_models');
    for (const stage of ['identified', 'resolved'] as const)
      expect(draftUpdate(incident!, { stage, voice: 'public' })).not.toMatch(/other models/i);
  });

  it('calls streams that broke off cut, not empty', () => {
    const cut = (r: CallRecord): CallRecord => ({
      ...r,
      stream: true,
      stream_completed: false,
      output_chars: 40,
    });
    const recs = traffic({
      minutes: 25,
      faults: [
        { fromMin: 10, toMin: 18, share: 0.5, match: (r) => r.provider === 'openai', apply: cut },
      ],
    });
    const found = diagnose(recs, 25);
    expect(found.map((i) => `${i.layer}/${i.reason} ${i.provider}`)).toEqual([
      'provider/stream_error openai',
    ]);
    const rate = found[0]!.evidence.find((e) => e.kind === 'error_rate')!;
    expect(factsOf(rate, 'error_rate')!.observed).toEqual({ kind: 'stream_cut' });
    expect(rate.text).toContain('stream cut off before its end');
  });
});
