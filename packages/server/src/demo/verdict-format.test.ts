import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from './demo-api.js';
import { clockText, draftOf, verdictText, wrapText } from './verdict-format.js';

const INCIDENT: IncidentDetail = {
  id: 'inc-1',
  layer: 'provider',
  reason: 'overloaded',
  owner: 'provider',
  scope: 'provider',
  provider: 'anthropic',
  models: ['claude-opus-4-7', 'claude-opus-4-8'],
  started_at: '2026-11-22T04:12:03.120Z',
  detected_at: '2026-11-22T04:12:41.007Z',
  resolved_at: null,
  peak_error_rate: 0.41,
  affected_calls: 18,
  evidence: [],
  state: 'open',
  updated_at: '2026-11-22T04:12:41.007Z',
  updates: [
    { stage: 'identified', voice: 'internal', text: 'internal words' },
    { stage: 'identified', voice: 'public', text: 'first draft' },
    { stage: 'identified', voice: 'public', text: 'newer draft' },
  ],
};

describe('verdict formatting', () => {
  it('names the layer, reason, provider, models, scope and owner on one line', () => {
    expect(verdictText(INCIDENT)).toBe(
      'provider/overloaded · anthropic · claude-opus-4-7, claude-opus-4-8 · scope provider · owner provider',
    );
  });

  it('neutralises control characters coming from the server', () => {
    expect(verdictText({ ...INCIDENT, models: ['m\u001b[2Jx'] })).toContain('m?x');
  });

  it("picks the newest draft of the incident's current stage and voice", () => {
    expect(draftOf(INCIDENT, 'public')).toBe('newer draft');
    expect(draftOf(INCIDENT, 'internal')).toBe('internal words');
    expect(draftOf({ ...INCIDENT, resolved_at: '2026-11-22T04:30:00.000Z' }, 'public')).toBe(
      undefined,
    );
  });

  it('prints times of day in UTC', () => {
    expect(clockText(Date.parse('2026-11-22T04:12:41.007Z'))).toBe('04:12:41 UTC');
  });

  it.each([
    ['short text stays on one line', 'a b c', 2, 20, '  a b c'],
    ['long text breaks between words', 'aaaa bbbb cccc dddd', 2, 12, '  aaaa bbbb\n  cccc dddd'],
    ['its own line breaks are kept', 'one\ntwo', 4, 80, '    one\n    two'],
    ['a word wider than the width gets a line', 'x verylongword y', 0, 5, 'x\nverylongword\ny'],
  ])('wraps: %s', (_what, text, indent, width, expected) => {
    expect(wrapText(text, indent, width)).toBe(expected);
  });
});
