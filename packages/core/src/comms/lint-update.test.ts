// lintUpdate: each rule fires on what it targets and stays quiet otherwise.
import { describe, expect, it } from 'vitest';
import type { IncidentInput as Incident } from '../diagnosis/index.js';
import { SPEC_INCIDENT } from '../../test/spec-incident.js';
import { draftUpdate } from './draft-update.js';
import type { LintRule } from './lint-finding.js';
import { lintUpdate } from './lint-update.js';

const INCIDENT: Incident = {
  ...SPEC_INCIDENT,
  resolved_at: null,
  evidence: [{ kind: 'cross_provider', text: 'OpenAI calls succeeded at 99.7%' }],
};

/** A good update; each case below spoils one thing. */
const GOOD =
  "Anthropic's API has been returning overloaded (HTTP 529) errors for claude-opus-4-7 since 04:12 UTC; 41% of requests failed.";

const rules = (text: string, withIncident = false): LintRule[] =>
  lintUpdate(text, withIncident ? { incident: INCIDENT } : {}).findings.map((f) => f.rule);

describe('lintUpdate on the Notion post (reference/incidents.md)', () => {
  const NOTION =
    "Anthropic's Opus 4.7 and 4.8 models had degraded performance with higher failure rates in Notion AI. We have disabled all Anthropic models.";

  it('finds the vague wording, the missing layer and time, and the model-quality claim', () => {
    const result = lintUpdate(NOTION, { incident: INCIDENT });
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.rule)).toEqual([
      'model-quality-claim',
      'vague-wording',
      'missing-layer',
      'missing-time',
      'missing-fact',
    ]);
    const vague = result.findings.find((f) => f.rule === 'vague-wording')!;
    expect(vague).toMatchObject({ severity: 'error', excerpt: 'degraded performance' });
    expect(NOTION.slice(vague.start, vague.end)).toBe('degraded performance');
    expect(result.findings[0]!.excerpt).toBe('models had degraded performance');
  });

  it('without the incident still finds four problems', () => {
    expect(rules(NOTION)).toEqual([
      'vague-wording',
      'missing-layer',
      'missing-time',
      'missing-fact',
    ]);
  });
});

describe('vague-wording', () => {
  it.each([
    ['Claude is experiencing degraded performance.', 'degraded performance'],
    ['We are EXPERIENCING ISSUES right now.', 'EXPERIENCING ISSUES'],
    ['Some users may see errors.', 'Some users may'],
    ['We are seeing intermittent problems.', 'seeing intermittent problems'],
    ['There is a service disruption.', 'service disruption'],
    ['We are investigating issues with Claude Opus.', 'issues with Claude'],
    ['We are investigating issues with claude-opus-4-8.', 'issues with claude-opus-4-8'],
    ['Performance issues since 04:12 UTC.', 'Performance issues'],
    ['We are having technical difficulties.', 'technical difficulties'],
    ['There are elevated errors on Claude models.', 'elevated errors'],
  ])('flags %j', (text, excerpt) => {
    const found = lintUpdate(text, { incident: INCIDENT }).findings.filter(
      (f) => f.rule === 'vague-wording',
    );
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it.each([
    "Anthropic's API has intermittent errors (HTTP 529) since 04:12 UTC for claude-opus-4-7.",
    "A service disruption in Anthropic's API infrastructure since 04:12 UTC affects claude-opus-4-7.",
    "Anthropic's API shows elevated errors since 04:12 UTC.",
  ])('accepts the conditional phrases once the layer or owner is named: %j', (text) => {
    expect(rules(text)).not.toContain('vague-wording');
  });
});

describe('the rules that need a part of the update', () => {
  it.each<[LintRule, string]>([
    ['missing-layer', 'Anthropic had errors (HTTP 529) for claude-opus-4-7 since 04:12 UTC.'],
    ['missing-owner', 'The API returned HTTP 529 for claude-opus-4-7 since 04:12 UTC.'],
    ['missing-scope', 'Our API calls returned HTTP 529 since 04:12 UTC.'],
    ['missing-time', "Anthropic's API returned HTTP 529 for claude-opus-4-7 since 04:12."],
    ['missing-fact', "Anthropic's API is failing for claude-opus-4-7 since 04:12 UTC."],
  ])('%s fires', (rule, text) => {
    expect(rules(text)).toEqual([rule]);
  });

  it('accepts a good update with no findings', () => {
    expect(lintUpdate(GOOD)).toEqual({ ok: true, findings: [] });
    expect(lintUpdate(GOOD, { incident: INCIDENT })).toEqual({ ok: true, findings: [] });
  });

  it('accepts other time zones and RFC 3339 times', () => {
    expect(rules(GOOD.replace('04:12 UTC', '8:12 pm PT'))).toEqual([]);
    expect(rules(GOOD.replace('04:12 UTC', '2026-11-22T04:12:03Z'))).toEqual([]);
  });

  it('counts missing-fact as a warning only', () => {
    const r = lintUpdate("Anthropic's API is failing for claude-opus-4-7 since 04:12 UTC.");
    expect(r.ok).toBe(true);
    expect(r.findings[0]!.severity).toBe('warning');
  });
});

describe('checks against the incident', () => {
  it.each<[LintRule, string]>([
    ['model-quality-claim', `${GOOD} Model quality has dropped.`],
    ['model-quality-claim', `${GOOD} The model is performing worse.`],
    [
      'wrong-layer',
      'A change on our side broke requests (HTTP 400) to claude-opus-4-7 since 04:12 UTC.',
    ],
    [
      'wrong-provider',
      "OpenAI's API has been returning HTTP 503 for claude-opus-4-7 since 04:12 UTC.",
    ],
  ])('%s fires', (rule, text) => {
    expect(rules(text, true)).toEqual([rule]);
    expect(lintUpdate(text, { incident: INCIDENT }).ok).toBe(false);
  });

  it('accepts a denial of a quality change, and other providers named as unaffected or as failover', () => {
    const text = `${GOOD} This is not a change in model quality. Requests to OpenAI are working normally. We are failing over to OpenAI.`;
    expect(rules(text, true)).toEqual([]);
  });

  it('warns when another provider is named beside the right one', () => {
    const r = lintUpdate(`${GOOD} OpenAI is also involved.`, { incident: INCIDENT });
    expect(r.findings.map((f) => [f.rule, f.severity, f.excerpt])).toEqual([
      ['wrong-provider', 'warning', 'OpenAI'],
    ]);
  });

  it('accepts model-quality words when the model layer broke', () => {
    const incident: Incident = { ...INCIDENT, layer: 'model', reason: 'check_failed' };
    expect(
      rules(
        "Output quality of Anthropic's claude-opus-4-7 dropped since 04:12 UTC: 41% fail our format checks.",
        false,
      ),
    ).toEqual([]);
    expect(
      lintUpdate(draftUpdate(incident, { stage: 'identified', voice: 'public' }), { incident })
        .findings,
    ).toEqual([]);
  });
});
