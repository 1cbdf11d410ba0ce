/** Wording that invites a wrong reading (spec/diagnosis.md "The update text", rule 5). */
import { layerMentions } from './layer-mentions.js';
import type { LintFinding } from './lint-finding.js';
import { literal, namesOwner } from './party-mentions.js';
import { findAll, sentenceAt, withoutOverlaps, type Span } from './text-spans.js';

/** `always`: vague wherever it appears; `no-layer`/`no-owner`: vague when its sentence names none. */
type Condition = 'always' | 'no-layer' | 'no-owner';

interface VaguePhrase {
  readonly pattern: RegExp;
  readonly when: Condition;
  /** Why it misleads, and what to say instead. */
  readonly hint: string;
}

const LAYER_HINT = 'name the layer: "Anthropic\'s API is returning …", "a change on our side …"';
const MODELS = 'claude|gpt|chatgpt|gemini|opus|sonnet|haiku|llama|mistral|o[1-9]|models?|AI';

const PHRASES: readonly VaguePhrase[] = [
  {
    // The Notion post: read as a model-quality problem when the API was failing (incidents.md).
    pattern:
      /\b(?:degraded (?:performance|service|experience)|(?:performance|service) degradation)\b/i,
    when: 'always',
    hint: `reads as a model-quality problem; ${LAYER_HINT}`,
  },
  {
    pattern:
      /\b(?:experienc|see|hav|fac|encounter)(?:e|es|ed|ing) (?:some |an? |elevated |intermittent )?(?:issues?|problems?|difficult(?:y|ies)|degradation|disruptions?|slowness)\b/i,
    when: 'always',
    hint: `says something is wrong but not what; ${LAYER_HINT}`,
  },
  {
    pattern:
      /\b(?:some|a subset of|certain) (?:users|customers|people|requests) (?:may|might|could)\b/i,
    when: 'always',
    hint: 'hedges the scope; give the share of failing requests and the affected models',
  },
  {
    pattern: /\b(?:performance|technical) (?:issues?|problems?|difficult(?:y|ies))\b/i,
    when: 'always',
    hint: `names no layer and no fact; ${LAYER_HINT}`,
  },
  {
    pattern: new RegExp(
      `\\b(?:issues?|problems?|trouble) with (?:the )?(?:[A-Z][\\w.-]*'s )?(?:${MODELS})\\b(?:[\\w.-]*\\w)?`,
      'i',
    ),
    when: 'always',
    hint: 'blames the model without saying which layer broke; say what the API or the output does',
  },
  {
    pattern: /\b(?:unexpected behaviou?r|not working as expected|sub-?optimal)\b/i,
    when: 'always',
    hint: `says nothing observable; ${LAYER_HINT}`,
  },
  {
    pattern:
      /\b(?:intermittent (?:problems?|issues?|errors|failures|disruptions?)|service disruptions?|(?:partial|temporary|brief) (?:outage|disruption))\b/i,
    when: 'no-layer',
    hint: `with no layer named it reads as anything, model quality included; ${LAYER_HINT}`,
  },
  {
    pattern:
      /\b(?:(?:elevated|increased|higher) (?:errors?|error rates?|failure rates?|latency))\b/i,
    when: 'no-owner',
    hint: "does not say whose errors: name the provider's API or our side",
  },
];

function applies(
  p: VaguePhrase,
  text: string,
  at: number,
  names: Readonly<Record<string, string>>,
): boolean {
  if (p.when === 'always') return true;
  const sentence = sentenceAt(text, at).text;
  return p.when === 'no-layer'
    ? layerMentions(sentence).length === 0
    : !namesOwner(sentence, names);
}

/** `vague-wording` findings, with the phrase, its offsets and a hint; `models` adds "issues with <model>". */
export function vagueWording(
  text: string,
  models: readonly string[] = [],
  names: Readonly<Record<string, string>> = {},
): LintFinding[] {
  const extra: VaguePhrase[] = models.map((m) => ({
    pattern: new RegExp(`\\b(?:issues?|problems?|trouble) with ${literal(m).source}`, 'i'),
    when: 'always',
    hint: PHRASES[4]?.hint ?? '',
  }));
  const hits: (Span & { hint: string })[] = [...PHRASES, ...extra].flatMap((p) =>
    findAll(text, p.pattern)
      .filter((s) => applies(p, text, s.start, names))
      .map((s) => ({ ...s, hint: p.hint })),
  );
  return withoutOverlaps(hits).map((s) => ({
    rule: 'vague-wording',
    severity: 'error',
    message: `"${s.text}" is vague: ${s.hint}`,
    excerpt: s.text,
    start: s.start,
    end: s.end,
  }));
}
