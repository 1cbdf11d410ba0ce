/** Which layers a text names in plain words, and where it claims a change in model quality. */
import type { FailureLayer } from '../diagnosis/index.js';
import { findAll, isNegated, withoutOverlaps, type Span } from './text-spans.js';

type BrokenLayer = FailureLayer;

/** Plain words for each layer, as updates should use them (spec/diagnosis.md "Layers"). */
const LAYER_WORDS: Readonly<Record<BrokenLayer, readonly RegExp[]>> = {
  provider: [
    /\bAPIs?\b/i,
    /\binfrastructure\b/i,
    /\bservers?\b/i,
    /\b(?:their|provider's) side\b/i,
  ],
  integration: [
    /\bour (?:own )?(?:integration|configuration|config|code|client|changes?|deploy\w*|release|(?:request )?deadline|(?:API )?key|account|quota|rate limit|spend\w* (?:cap|limit)|bug)\b/i,
    /\b(?:on|from) our (?:own )?(?:side|end)\b/i,
    /\bwe (?:deployed|changed|shipped|released|misconfigured)\b/i,
    /\broll(?:ing|ed)? back\b/i,
  ],
  network: [
    /\bnetwork\b/i,
    /\bDNS\b/i,
    /\bconnect(?:ion|ions|ing|ivity)?\b/i,
    /\b(?:TLS|SSL)\b/i,
    /\bproxy\b/i,
    /\bfirewall\b/i,
    /\b(?:edge network|CDN)\b/i,
    /\bunreachable\b/i,
  ],
  model: [
    /\b(?:model|output|response|answer)s?'? quality\b/i,
    /\bquality of (?:the )?(?:model|models|outputs?|responses|answers)\b/i,
    /\barriv(?:e|es|ing|ed) (?:but|empty|cut off|truncated|malformed|garbled|as refusals)\b/i,
    /\b(?:format|output|quality|known-answer) checks?\b/i,
    /\bcontent filters?\b/i,
    /\b(?:empty|truncated|malformed|garbled|wrong|incorrect) (?:responses|outputs?|answers)\b/i,
    /\brefusals?\b/i,
    /\b(?:the )?output of\b/i,
  ],
};

/** Plain words for a layer, for messages. */
export const LAYER_PLAIN: Readonly<Record<BrokenLayer, string>> = {
  provider: "the provider's API or infrastructure",
  integration: 'our own integration (request, configuration, deploy)',
  network: 'the network path',
  model: "the model's output",
};

/** A layer named in the text, where. */
export interface LayerMention extends Span {
  readonly layer: BrokenLayer;
}

/** Every layer the text names and does not negate ("not a change in model quality" names none). */
export function layerMentions(text: string): LayerMention[] {
  const out: LayerMention[] = [];
  for (const [layer, patterns] of Object.entries(LAYER_WORDS) as [BrokenLayer, RegExp[]][]) {
    for (const p of patterns) {
      for (const s of findAll(text, p)) if (!isNegated(text, s.start)) out.push({ ...s, layer });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Phrases that say the model got worse: read as a model-quality problem, whatever was meant. */
const QUALITY_CLAIMS: readonly RegExp[] = [
  /\b(?:model|output|response|answer)s?'? quality\b/i,
  /\bquality of (?:the )?(?:model|models|outputs?|responses|answers)\b/i,
  /\bdegraded (?:models?|quality|outputs?|responses|answers)\b/i,
  /\b(?:worse|lower|reduced|poorer|poor) (?:quality|answers|responses|outputs?)\b/i,
  /\bquality (?:drop|dropped|regression|degradation|issues?|problems?)\b/i,
  /\bmodels?\b[^.;:!?]{0,40}\bperform(?:s|ing|ed)? (?:worse|poorly|badly)\b/i,
  /\b(?:claude|gpt|gemini|opus|sonnet|haiku|llama|mistral|models?)\b[^.;:!?]{0,60}\bdegraded performance\b/i,
  /\b(?:dumber|nerfed|less (?:accurate|capable|intelligent))\b/i,
];

/** Every claim of a change in model quality that the text makes (not the ones it denies). */
export function qualityClaims(text: string): Span[] {
  const spans = QUALITY_CLAIMS.flatMap((p) => findAll(text, p)).filter(
    (s) => !isNegated(text, s.start),
  );
  return withoutOverlaps(spans);
}
