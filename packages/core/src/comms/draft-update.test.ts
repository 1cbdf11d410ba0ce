// draftUpdate for an incident of every layer and reason, at every stage, in both voices.
import { describe, expect, it } from 'vitest';
import { REASONS_BY_LAYER } from '../classify/index.js';
import type { IncidentInput as Incident, Scope } from '../diagnosis/index.js';
import { draftUpdate } from './draft-update.js';
import { lintUpdate } from './lint-update.js';
import { UPDATE_STAGES, VOICES } from './update-vocabulary.js';
import { slowerBy } from '../../test/evidence-fixtures.js';

type Layer = Incident['layer'];
type Owner = Incident['owner'];

const PROVIDERS = ['anthropic', 'openai', 'google', 'vertex', 'bedrock', 'azure-openai', 'mistral'];
const NAMES: Record<string, string> = {
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  google: "Google's Gemini API",
  vertex: 'Google Vertex AI',
  bedrock: 'AWS Bedrock',
  'azure-openai': 'Azure OpenAI',
  mistral: 'mistral',
};
const MODELS = [['model-a-1'], ['model-b-2', 'model-c-3'], []];

/** One incident per layer and reason, rotating provider, scope, owner and evidence. */
function incidents(): Incident[] {
  const out: Incident[] = [];
  let n = 0;
  for (const layer of ['provider', 'network', 'integration', 'model'] as const) {
    for (const reason of REASONS_BY_LAYER[layer]) {
      const global = layer !== 'provider' && n % 5 === 4;
      const provider = global ? null : PROVIDERS[n % PROVIDERS.length]!;
      const models = global ? ['claude-opus-4-7', 'gpt-5.1'] : MODELS[n % MODELS.length]!;
      const scope: Scope = global ? 'global' : models.length === 1 ? 'model' : 'provider';
      const owner: Owner =
        layer === 'integration' || (global && layer === 'network')
          ? 'ours'
          : layer === 'network' && n % 2 === 1
            ? 'unknown'
            : 'provider';
      out.push({
        id: `inc-${n}`,
        layer,
        reason,
        owner,
        scope,
        provider,
        models,
        started_at: '2026-11-22T04:12:03.120Z',
        detected_at: '2026-11-22T04:12:41.007Z',
        resolved_at: n % 3 === 0 ? null : '2026-11-22T05:31:10.000Z',
        peak_error_rate: reason === 'slow' ? 0 : 0.05 + (n % 9) / 10,
        affected_calls: 1834 + n,
        confidence: 0.93,
        evidence: [
          { kind: 'error_rate', text: `evidence line ${n}` },
          ...(n % 2 === 0 ? [{ kind: 'cross_provider' as const, text: 'others fine' }] : []),
          ...(n % 3 === 0 ? [{ kind: 'sibling_models' as const, text: 'siblings fine' }] : []),
          ...(reason === 'slow' ? [slowerBy(4.2)] : []),
        ],
        update: '',
      });
      n++;
    }
  }
  return out;
}

/** Plain words each layer's public update must use. */
const LAYER_WORDS: Record<Layer, RegExp> = {
  provider: /\bAPIs?\b/,
  network: /\bnetwork path\b|\bconnection/i,
  integration: /\bon our side\b|\bour own (?:account|integration|request deadline)\b/,
  model: /\bResponses from\b/,
};

const VAGUE =
  /degraded|experiencing|some users|intermittent|disruption|performance issue|technical difficult|elevated errors|issues with/i;
const cases = incidents().flatMap((i) => UPDATE_STAGES.map((stage) => [i, stage] as const));
const label = (i: Incident): string =>
  `${i.layer}/${i.reason} ${i.owner} ${i.scope} ${i.provider ?? 'global'}`;

describe('draftUpdate, public voice, every layer, reason and stage', () => {
  it.each(cases.map(([i, s]) => [label(i), s, i] as const))('%s at %s', (_l, stage, incident) => {
    const text = draftUpdate(incident, { stage, voice: 'public' });
    expect(text).toMatch(LAYER_WORDS[incident.layer]);
    expect(text).toMatch(
      incident.provider === null ? /\b(?:our|the providers)\b/i : NAMES[incident.provider]!,
    );
    expect(text).toContain('04:12 UTC');
    for (const model of incident.models) expect(text).toContain(model);
    if (incident.peak_error_rate > 0) expect(text).toMatch(/At the peak, \d+(?:\.\d)?% of/);
    if (incident.layer !== 'model') expect(text).toContain('not a change in model quality');
    expect(text).not.toMatch(VAGUE);
    expect(lintUpdate(text, { incident }).findings).toEqual([]);
    expect(lintUpdate(text).findings).toEqual([]);
    if (stage === 'resolved' && incident.resolved_at !== null) {
      expect(text).toMatch(
        /^Resolved: .*from 04:12 UTC to 05:31 UTC on 2026-11-22 \(1 hour 19 minutes\)/,
      );
    }
  });
});

describe('draftUpdate, internal voice', () => {
  it.each(cases.map(([i, s]) => [label(i), s, i] as const))('%s at %s', (_l, stage, incident) => {
    const text = draftUpdate(incident, {
      stage,
      voice: 'internal',
      actions: ['retrying with backoff'],
    });
    const head = `[${stage}] ${incident.id} · ${incident.layer} layer (`;
    expect(text.split('\n')[0]).toContain(head);
    expect(text.split('\n')[0]).toMatch(
      new RegExp(`\\) · ${incident.reason} · owner: ${incident.owner} · confidence 93%$`),
    );
    for (const e of incident.evidence) expect(text).toContain(`- ${e.text}`);
    expect(text).toContain(
      `${(incident.affected_calls / 1000).toFixed(3).replace('.', ',')} calls affected`,
    );
    expect(text).toMatch(
      stage === 'resolved' ? /Done: retrying with backoff\.$/ : /Doing: retrying with backoff\.$/,
    );
    if (stage === 'investigating' || stage === 'identified') {
      const whose = {
        ours: 'Whose move: ours. Next: ',
        provider: 'Whose move: ',
        unknown: 'Whose move: not yet known.',
      };
      expect(text).toContain(whose[incident.owner]);
    }
  });

  it('is the same text whatever the time zone of the process', () => {
    const [i] = incidents();
    const opts = { stage: 'resolved', voice: 'public', now: '2026-11-22T06:00:00Z' } as const;
    const before = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const utc = draftUpdate(i!, opts);
      process.env['TZ'] = 'Pacific/Kiritimati';
      expect(draftUpdate(i!, opts)).toBe(utc);
      expect(utc).toContain('from 04:12 UTC to 06:00 UTC on 2026-11-22 (1 hour 48 minutes)');
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });

  it('gives the team the evidence, the owner and the next move', () => {
    const [i] = incidents();
    const text = draftUpdate(i!, { stage: 'identified', voice: 'internal' });
    expect(text).toBe(
      [
        "[identified] inc-0 · provider layer (Anthropic's API) · overloaded · owner: provider · confidence 93%",
        'Since 04:12 UTC, detected 04:12 UTC, still open · model scope: Anthropic, model-a-1 · peak 5% failing · 1,834 calls affected',
        'Evidence:',
        '- evidence line 0',
        '- others fine',
        '- siblings fine',
        "Whose move: Anthropic's. Ours meanwhile: failing over to another provider or retrying with backoff, watching Anthropic's status page, and switching back as soon as it recovers.",
      ].join('\n'),
    );
    expect(VOICES).toContain('internal');
  });
});
