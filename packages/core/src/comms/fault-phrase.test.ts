// The plain words of the fact sentence, per provider and reason.
import { describe, expect, it } from 'vitest';
import type { IncidentInput as Incident } from '../diagnosis/index.js';
import { httpErrors, slowerBy } from '../../test/evidence-fixtures.js';
import { SPEC_INCIDENT } from '../../test/spec-incident.js';
import { draftUpdate } from './draft-update.js';

/** A provider overload at Anthropic; each case below changes what it needs. */
const BASE: Incident = {
  ...SPEC_INCIDENT,
  id: 'inc-1',
  resolved_at: null,
  evidence: [httpErrors(529, 'overloaded_error')],
};

const draft = (over: Partial<Incident>): string =>
  draftUpdate({ ...BASE, ...over }, { stage: 'investigating', voice: 'public' });

describe('plain words per provider and reason', () => {
  it.each([
    [
      { provider: 'openai', evidence: [] },
      "OpenAI's API has been returning server_is_overloaded (HTTP 503) errors",
    ],
    [{ provider: 'google' }, "Google's Gemini API has been returning overloaded (HTTP 529) errors"],
    [
      { provider: 'vertex', evidence: [] },
      "Google Vertex AI's API has been returning overloaded (HTTP 429) errors",
    ],
    [
      {
        provider: 'bedrock',
        reason: 'server_error',
        evidence: [httpErrors(502)],
      },
      "AWS Bedrock's API has been returning server errors (HTTP 502)",
    ],
    [
      { provider: 'azure-openai', reason: 'stream_error' },
      "Azure OpenAI's API has been breaking off streamed responses part-way through",
    ],
    [
      {
        reason: 'slow',
        peak_error_rate: 0,
        evidence: [slowerBy(4.2)],
      },
      'responding 4.2× slower than normal for claude-opus-4-7',
    ],
    [
      { layer: 'integration', owner: 'ours', reason: 'auth' },
      "A problem with our own account or configuration is causing requests to fail: Anthropic's API has been rejecting our API key (HTTP 401) since 04:12 UTC.",
    ],
    [
      { layer: 'integration', owner: 'ours', reason: 'client_timeout' },
      "Our own request deadline is shorter than Anthropic's normal response time.",
    ],
    [
      { layer: 'integration', owner: 'ours', reason: 'bad_request' },
      'A change on our side is causing requests to fail',
    ],
    [
      { layer: 'integration', owner: 'ours', reason: 'auth' },
      'This is not an outage at Anthropic, and not a change in model quality.',
    ],
    [
      { layer: 'network', owner: 'provider', reason: 'connect_timeout', provider: 'openai' },
      "Our network path to OpenAI is failing: connection attempts to OpenAI's API have been timing out since 04:12 UTC.",
    ],
    [
      { layer: 'model', reason: 'check_failed', provider: 'openai', models: ['gpt-5.1'] },
      "Responses from OpenAI's gpt-5.1 have been arriving but failing our format checks since 04:12 UTC.",
    ],
    [
      { layer: 'model', reason: 'check_failed', provider: 'openai', models: ['gpt-5.1'] },
      "OpenAI's API is up and answering requests; this is not an outage.",
    ],
    [{ layer: 'model', reason: 'empty' }, 'arriving empty: a success status but no output'],
    [{ layer: 'model', reason: 'truncated' }, 'arriving cut off before the end'],
    [
      { layer: 'model', reason: 'refusal' },
      'arriving as refusals of requests the model normally answers',
    ],
    [{ layer: 'model', reason: 'content_filter' }, "blocked by Anthropic's content filter"],
    [{ layer: 'model', reason: 'malformed' }, 'arriving malformed, not in the format we ask for'],
  ] as const)('%o says "%s"', (over, words) => {
    expect(draft(over as Partial<Incident>)).toContain(words);
  });

  it('never says model quality is fine when the model layer broke', () => {
    expect(draft({ layer: 'model', reason: 'empty' })).not.toContain('model quality');
  });
});

describe('numbers come from the facts, never from the sentences', () => {
  it('takes the status code from the error-rate facts, whatever the text says', () => {
    const e = { ...httpErrors(502), text: 'HTTP 418 from somewhere' };
    expect(draft({ reason: 'server_error', evidence: [e] })).toContain('(HTTP 502)');
  });

  it('states no status code or factor when evidence carries only text (before v1.1)', () => {
    const text = draft({
      reason: 'slow',
      peak_error_rate: 0,
      evidence: [
        { kind: 'error_rate', text: 'failed with HTTP 418' },
        { kind: 'latency', text: 'median 9 s, 7.5× the usual 1.2 s' },
      ],
    });
    expect(text).not.toMatch(/418|7\.5/);
    expect(text).toContain('much slower than normal');
  });
});
